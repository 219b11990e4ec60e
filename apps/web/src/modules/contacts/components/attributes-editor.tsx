import { useState, type FormEvent } from 'react';
import { CONTACT_ATTRIBUTES_MAX, CONTACT_ATTRIBUTE_VALUE_MAX_LENGTH, type ContactDetail } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useUpdateContact } from '../hooks/use-contact.js';
import { attributesPatch, isValidAttributeKey, toRows, type AttributeRow } from '../utils/attribute-rows.js';

export type AttributesEditorProps = { contact: ContactDetail; canEdit: boolean };

/** Free key → value attributes (customer tier, city, …): a list to read, a form to edit. */
export function AttributesEditor({ contact, canEdit }: AttributesEditorProps) {
  const { t } = useI18n();
  const [rows, setRows] = useState<AttributeRow[] | null>(null);
  const entries = Object.entries(contact.attributes);
  if (rows !== null) return <AttributesForm contact={contact} rows={rows} onRows={setRows} onDone={() => setRows(null)} />;
  return (
    <div className="contact-attributes">
      {entries.length === 0 ? <p className="muted small">{t('contact.noAttributes')}</p> : (
        <dl className="attribute-list">
          {entries.map(([key, value]) => (
            <div key={key} className="attribute">
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {canEdit ? (
        <button type="button" className="button button-small" onClick={() => setRows(toRows(contact.attributes))}>
          {t('contact.editAttributes')}
        </button>
      ) : null}
    </div>
  );
}

type AttributesFormProps = { contact: ContactDetail; rows: AttributeRow[]; onRows: (rows: AttributeRow[]) => void; onDone: () => void };

function AttributesForm({ contact, rows, onRows, onDone }: AttributesFormProps) {
  const { t } = useI18n();
  const update = useUpdateContact(contact.id);
  const invalid = rows.some((r) => r.key.trim() !== '' && !isValidAttributeKey(r.key.trim()));
  const setRow = (index: number, row: AttributeRow) => onRows(rows.map((r, i) => (i === index ? row : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const patch = attributesPatch(contact.attributes, rows);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate({ attributes: patch }, { onSuccess: onDone });
  };
  return (
    <form className="attributes-form" onSubmit={submit}>
      {rows.map((row, index) => (
        <div key={index} className="attribute-row">
          <input aria-label={t('contact.attributeKey')} value={row.key} maxLength={64} onChange={(e) => setRow(index, { ...row, key: e.target.value })} />
          <input
            aria-label={t('contact.attributeValue')}
            value={row.value}
            maxLength={CONTACT_ATTRIBUTE_VALUE_MAX_LENGTH}
            onChange={(e) => setRow(index, { ...row, value: e.target.value })}
          />
          <button type="button" className="button button-small" aria-label={t('contact.removeAttribute', { key: row.key })} onClick={() => onRows(rows.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      {invalid ? <p className="work-error" role="alert">{t('contact.attributeKeyInvalid')}</p> : null}
      {update.isError ? <p className="work-error" role="alert">{t('contact.saveFailed')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button-small" disabled={rows.length >= CONTACT_ATTRIBUTES_MAX} onClick={() => onRows([...rows, { key: '', value: '' }])}>
          {t('contact.addAttribute')}
        </button>
        <button type="submit" className="button button-small button-primary" disabled={invalid || update.isPending}>
          {t('contact.save')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('contact.cancel')}
        </button>
      </div>
    </form>
  );
}
