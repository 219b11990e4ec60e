import { useState, type FormEvent } from 'react';
import type { ContactDetail } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useUpdateContact } from '../hooks/use-contact.js';

export type ErpIdEditorProps = { contact: ContactDetail; canEdit: boolean };

const ERP_ID = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/;

/** The ERP customer number linked to this WhatsApp contact; empty unlinks it. */
export function ErpIdEditor({ contact, canEdit }: ErpIdEditorProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const update = useUpdateContact(contact.id);
  if (draft === null) {
    return (
      <div className="contact-field">
        <span>{contact.erpCustomerId ?? <span className="muted">{t('contact.erpNone')}</span>}</span>
        {canEdit ? (
          <button type="button" className="button button-small" onClick={() => setDraft(contact.erpCustomerId ?? '')}>
            {t('contact.edit')}
          </button>
        ) : null}
      </div>
    );
  }
  const value = draft.trim();
  const invalid = value !== '' && !ERP_ID.test(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    update.mutate({ erpCustomerId: value === '' ? null : value }, { onSuccess: () => setDraft(null) });
  };
  return (
    <form className="contact-field" onSubmit={submit}>
      <input aria-label={t('contact.erpId')} value={draft} maxLength={64} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" className="button button-small button-primary" disabled={invalid || update.isPending}>
        {t('contact.save')}
      </button>
      <button type="button" className="button button-small" onClick={() => setDraft(null)}>
        {t('contact.cancel')}
      </button>
      {invalid ? <p className="work-error" role="alert">{t('contact.erpInvalid')}</p> : null}
      {update.isError ? <p className="work-error" role="alert">{t('contact.saveFailed')}</p> : null}
    </form>
  );
}
