import { useState, type FormEvent } from 'react';
import type { ConsentStatus, ContactDetail } from '@valeo/contracts';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useUpdateContact } from '../hooks/use-contact.js';

export type ConsentEditorProps = { contact: ContactDetail; canEdit: boolean };

const STATUS_LABELS = { opted_in: 'consent.optedIn', opted_out: 'consent.optedOut', unknown: 'consent.unknown' } as const;

/** Marketing consent: the state, when and how it was recorded; recording a new state needs its source. */
export function ConsentEditor({ contact, canEdit }: ConsentEditorProps) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const { consent } = contact;
  return (
    <div className="contact-consent">
      <p>
        <span className={`consent-badge consent-${consent.status}`}>{t(STATUS_LABELS[consent.status])}</span>
        {consent.updatedAt === null ? null : (
          <span className="muted small">
            {' '}
            {t('consent.recorded', { when: formatDateTime(consent.updatedAt, locale), source: consent.source ?? '–' })}
          </span>
        )}
      </p>
      {canEdit && !editing ? (
        <button type="button" className="button button-small" onClick={() => setEditing(true)}>
          {t('consent.change')}
        </button>
      ) : null}
      {editing ? <ConsentForm contact={contact} onDone={() => setEditing(false)} /> : null}
    </div>
  );
}

function ConsentForm({ contact, onDone }: { contact: ContactDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ConsentStatus>(contact.consent.status);
  const [source, setSource] = useState('');
  const update = useUpdateContact(contact.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (source.trim() === '') return;
    update.mutate({ consent: { status, source: source.trim() } }, { onSuccess: onDone });
  };
  return (
    <form className="consent-form" onSubmit={submit}>
      <select aria-label={t('consent.status')} value={status} onChange={(e) => setStatus(e.target.value as ConsentStatus)}>
        {(['opted_in', 'opted_out', 'unknown'] as const).map((s) => (
          <option key={s} value={s}>
            {t(STATUS_LABELS[s])}
          </option>
        ))}
      </select>
      <input aria-label={t('consent.source')} placeholder={t('consent.sourcePlaceholder')} value={source} maxLength={100} onChange={(e) => setSource(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button-small button-primary" disabled={update.isPending || source.trim() === ''}>
          {t('contact.save')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('contact.cancel')}
        </button>
      </div>
      {update.isError ? <p className="work-error" role="alert">{t('contact.saveFailed')}</p> : null}
    </form>
  );
}
