import type { Conversation } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useConversationAction } from '../hooks/use-conversation-actions.js';

/** Close an open conversation, reopen a closed one. */
export function StatusButton({ conversation }: { conversation: Conversation }) {
  const { t } = useI18n();
  const action = useConversationAction(conversation.id);
  const closed = conversation.status === 'closed';
  return (
    <span className="status-control">
      {closed ? <span className="closed-badge small">{t('work.closedBadge')}</span> : null}
      <button
        type="button"
        className="button button-small"
        disabled={action.isPending}
        onClick={() => action.mutate({ kind: closed ? 'reopen' : 'close' })}
      >
        {closed ? t('work.reopen') : t('work.close')}
      </button>
      {action.isError ? <span className="work-error" role="alert">{t('work.failed')}</span> : null}
    </span>
  );
}
