import type { AuthUser, Conversation } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useOnline } from '../../pwa/hooks/use-online.js';
import { useConversation } from '../hooks/use-conversations.js';
import { useMarkRead } from '../hooks/use-mark-read.js';
import { canWorkConversations } from '../utils/work-permissions.js';
import { AssignControl } from './assign-control.js';
import { TeamControl } from '../../teams/components/team-control.js';
import { StatusButton } from './status-button.js';
import { contactDisplayName } from '../utils/service-window.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';
import { ReplyProvider } from './reply-context.js';
import { ConversationLabelsBar } from '../../labels/components/conversation-labels-bar.js';

export type ChatViewProps = {
  conversationId: string;
  onBack: () => void;
  /** The signed-in person: with it, the header offers assignment and close/reopen, and opening marks read. */
  user?: AuthUser;
  /** With it, the header has a button that shows or hides the contact panel. */
  onToggleContact?: () => void;
  contactOpen?: boolean;
};

export function ChatView({ conversationId, onBack, user, onToggleContact, contactOpen = false }: ChatViewProps) {
  const { t } = useI18n();
  const query = useConversation(conversationId);
  const online = useOnline();
  if (query.isPending) return <p className="chat-state">{t('common.loading')}</p>;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="chat-state" role="alert">
        <p>{missing ? t('chat.notFound') : t('common.loadError')}</p>
        <button type="button" className="button" onClick={missing ? onBack : () => void query.refetch()}>
          {missing ? t('chat.back') : t('common.retry')}
        </button>
      </div>
    );
  }
  const conversation = query.data;
  const name = contactDisplayName(conversation);
  return (
    <section className="chat" aria-label={name}>
      <header className="chat-header">
        <button type="button" className="button button-small back-button" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('chat.back')}
        </button>
        <div className="chat-title">
          <h2>{name}</h2>
          <span className="muted small">+{conversation.contact.waId}</span>
          <ConversationLabelsBar conversation={conversation} user={user} />
        </div>
        {onToggleContact ? (
          <button type="button" className="button button-small" aria-pressed={contactOpen} onClick={onToggleContact}>
            {t('contact.open')}
          </button>
        ) : null}
        {user ? <WorkControls conversation={conversation} user={user} /> : null}
      </header>
      {/* A bubble's "Reply" picks the message the composer then answers; a new chat starts without one. */}
      <ReplyProvider key={`reply-${conversation.id}`}>
        <MessageList key={conversation.id} conversationId={conversation.id} />
        {/* Offline, every control of the composer is disabled at once (a disabled fieldset). */}
        <fieldset className="composer-fieldset" disabled={!online}>
          <Composer key={`composer-${conversation.id}`} conversation={conversation} />
        </fieldset>
      </ReplyProvider>
    </section>
  );
}

/** Assignment and close/reopen in the header; viewing the chat marks it read. */
function WorkControls({ conversation, user }: { conversation: Conversation; user: AuthUser }) {
  const works = canWorkConversations(user.role);
  useMarkRead(conversation, works);
  return (
    <div className="chat-work">
      <AssignControl conversation={conversation} user={user} />
      <TeamControl conversation={conversation} user={user} />
      {works ? <StatusButton conversation={conversation} /> : null}
    </div>
  );
}
