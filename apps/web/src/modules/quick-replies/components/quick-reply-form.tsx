import { useState, type FormEvent } from 'react';
import { QUICK_REPLY_SHORTCUT_PATTERN, QUICK_REPLY_TEXT_MAX } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type QuickReplyDraft = { shortcut: string; text: string };

export type QuickReplyFormProps = {
  label: string;
  initial: QuickReplyDraft;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (draft: QuickReplyDraft, reset: () => void) => void;
  onCancel?: () => void;
};

const SHORTCUT = new RegExp(QUICK_REPLY_SHORTCUT_PATTERN);

/** Shortcut + text, checked with the API's own rules before sending; the server's answer is shown as is. */
export function QuickReplyForm({ label, initial, submitLabel, pending, error, onSubmit, onCancel }: QuickReplyFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const shortcutOk = SHORTCUT.test(draft.shortcut);
  const canSubmit = shortcutOk && draft.text.trim() !== '' && !pending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (canSubmit) onSubmit(draft, () => setDraft(initial));
  }

  return (
    <form className="settings-form quick-reply-form" onSubmit={submit} aria-label={label} noValidate>
      <label className="field">
        <span>{t('quickReplies.shortcut')}</span>
        <input
          type="text"
          autoComplete="off"
          value={draft.shortcut}
          maxLength={32}
          aria-invalid={draft.shortcut !== '' && !shortcutOk}
          onChange={(e) => setDraft({ ...draft, shortcut: e.target.value.toLowerCase() })}
        />
      </label>
      {draft.shortcut !== '' && !shortcutOk ? <p className="form-error">{t('quickReplies.shortcutRule')}</p> : null}
      <label className="field">
        <span>{t('quickReplies.text')}</span>
        <textarea rows={3} value={draft.text} maxLength={QUICK_REPLY_TEXT_MAX} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
      </label>
      {error === null ? null : <p className="form-error" role="alert">{errorText(error, draft.shortcut, t)}</p>}
      <div className="quick-reply-form-actions">
        {onCancel === undefined ? null : <button type="button" className="button" onClick={onCancel}>{t('quickReplies.cancel')}</button>}
        <button type="submit" className="button button-primary" disabled={!canSubmit}>{submitLabel}</button>
      </div>
    </form>
  );
}

function errorText(error: Error, shortcut: string, t: ReturnType<typeof useI18n>['t']): string {
  if (error instanceof ApiError && error.code === 'QUICK_REPLY_SHORTCUT_TAKEN') return t('quickReplies.taken', { shortcut });
  return t('quickReplies.failed', { reason: error.message });
}
