import type { SessionResponse } from '@valeo/contracts';
import { useSignOut } from '../modules/auth/hooks/use-sign-out.js';
import { useState } from 'react';
import { ChatView } from '../modules/conversations/components/chat-view.js';
import { ContactPanelView } from '../modules/contacts/components/contact-panel-view.js';
import { ConversationList } from '../modules/conversations/components/conversation-list.js';
import { useLiveUpdates } from '../modules/conversations/hooks/use-live-updates.js';
import { useSelectedConversation } from '../modules/conversations/hooks/use-selected-conversation.js';
import type { LiveState } from '../modules/conversations/utils/live-events.js';
import { LanguageSwitch } from '../modules/i18n/components/language-switch.js';
import { useI18n } from '../modules/i18n/hooks/use-i18n.js';
import { SETTINGS_HASH } from '../modules/ui/hooks/use-hash-page.js';

export type InboxPageProps = { session: SessionResponse };

const LIVE_LABELS = { live: 'realtime.live', connecting: 'realtime.connecting', offline: 'realtime.offline' } as const;

/** Conversation list and chat side by side; on a phone one at a time (the hash says which). */
export function InboxPage({ session }: InboxPageProps) {
  const { t } = useI18n();
  const [selectedId, select] = useSelectedConversation();
  const live = useLiveUpdates();
  const signOut = useSignOut();
  // The contact panel beside the chat; on a phone it replaces the chat until closed.
  const [contactOpen, setContactOpen] = useState(false);
  const showContact = contactOpen && selectedId !== null;
  return (
    <div className={`${selectedId === null ? 'inbox' : 'inbox inbox-chat-open'}${showContact ? ' inbox-contact-open' : ''}`}>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <LiveIndicator state={live} />
        <span className="topbar-user muted small" title={session.user.email}>
          {t('auth.signedInAs', { name: session.user.name })}
        </span>
        <LanguageSwitch />
        <a className="button button-small topbar-settings" href={SETTINGS_HASH} title={t('settings.link')}>
          <span aria-hidden="true">⚙</span>
          <span className="topbar-settings-label">{t('settings.link')}</span>
        </a>
        <button type="button" className="button button-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('auth.signOut')}
        </button>
      </header>
      <aside className="inbox-list">
        <h1 className="visually-hidden">{t('inbox.title')}</h1>
        <ConversationList selectedId={selectedId} onSelect={select} />
      </aside>
      <main className="inbox-chat">
        {selectedId === null ? (
          <p className="chat-state muted">{t('chat.select')}</p>
        ) : (
          <ChatView
            conversationId={selectedId}
            onBack={() => select(null)}
            user={session.user}
            contactOpen={showContact}
            onToggleContact={() => setContactOpen(!contactOpen)}
          />
        )}
      </main>
      {showContact ? (
        <aside className="inbox-contact">
          <ContactPanelView conversationId={selectedId} user={session.user} onOpenConversation={select} onClose={() => setContactOpen(false)} />
        </aside>
      ) : null}
    </div>
  );
}

function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <span className={`live-indicator live-${state}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      {t(LIVE_LABELS[state])}
    </span>
  );
}
