import { useState } from 'react';
import type { QuickReply } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useCreateQuickReply, useDeleteQuickReply, useQuickReplies, useUpdateQuickReply } from '../hooks/use-quick-replies.js';
import { QuickReplyForm } from './quick-reply-form.js';

/**
 * Admins' and supervisors' part of the settings page: the tenant's quick replies (inserted with
 * `/shortcut` in the composer), added, edited and deleted here. Texts are tenant data: shown as text.
 */
export function QuickReplySettings() {
  const { t } = useI18n();
  const replies = useQuickReplies();
  const create = useCreateQuickReply();
  return (
    <section className="settings-section" aria-labelledby="quick-replies-title">
      <h2 id="quick-replies-title">{t('composer.quickReplies')}</h2>
      <p className="muted small">{t('quickReplies.explain')}</p>
      {replies.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {replies.isError ? <p role="alert">{t('common.loadError')}</p> : null}
      {replies.data?.length === 0 ? <p className="muted">{t('quickReplies.empty')}</p> : null}
      {replies.data !== undefined && replies.data.length > 0 ? (
        <ul className="quick-reply-list" aria-label={t('composer.quickReplies')}>
          {replies.data.map((reply) => <QuickReplyRow key={reply.id} reply={reply} />)}
        </ul>
      ) : null}
      <h3>{t('quickReplies.add')}</h3>
      <QuickReplyForm
        label={t('quickReplies.add')}
        initial={{ shortcut: '', text: '' }}
        submitLabel={t('quickReplies.add')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(draft, reset) => create.mutate(draft, { onSuccess: reset })}
      />
    </section>
  );
}

function QuickReplyRow({ reply }: { reply: QuickReply }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const update = useUpdateQuickReply();
  const remove = useDeleteQuickReply();
  if (editing) {
    return (
      <li className="quick-reply-row">
        <QuickReplyForm
          label={t('quickReplies.edit', { shortcut: reply.shortcut })}
          initial={{ shortcut: reply.shortcut, text: reply.text }}
          submitLabel={t('quickReplies.save')}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(draft) => update.mutate({ id: reply.id, changes: draft }, { onSuccess: () => setEditing(false) })}
        />
      </li>
    );
  }
  return (
    <li className="quick-reply-row">
      <span className="quick-reply-shortcut">/{reply.shortcut}</span>
      <span className="quick-reply-text">{reply.text}</span>
      <span className="quick-reply-row-actions">
        <button type="button" className="button button-small" aria-label={t('quickReplies.edit', { shortcut: reply.shortcut })} onClick={() => setEditing(true)}>
          {t('quickReplies.editButton')}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={t('quickReplies.deleteOne', { shortcut: reply.shortcut })}
          disabled={remove.isPending}
          onClick={() => remove.mutate(reply.id)}
        >
          {t('quickReplies.delete')}
        </button>
      </span>
      {remove.isError ? <p className="form-error" role="alert">{t('quickReplies.failed', { reason: remove.error.message })}</p> : null}
    </li>
  );
}
