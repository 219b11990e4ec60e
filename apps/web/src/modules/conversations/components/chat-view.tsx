import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useOnline } from '../../pwa/hooks/use-online.js';
import { useConversation } from '../hooks/use-conversations.js';
import { contactDisplayName } from '../utils/service-window.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';

export type ChatViewProps = {
  conversationId: string;
  onBack: () => void;
};

export function ChatView({ conversationId, onBack }: ChatViewProps) {
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
        </div>
      </header>
      <MessageList key={conversation.id} conversationId={conversation.id} />
      {/* Offline, every control of the composer is disabled at once (a disabled fieldset). */}
      <fieldset className="composer-fieldset" disabled={!online}>
        <Composer key={`composer-${conversation.id}`} conversation={conversation} />
      </fieldset>
    </section>
  );
}
