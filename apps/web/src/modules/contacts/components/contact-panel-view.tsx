import type { AuthUser } from '@valeo/contracts';
import { useConversation } from '../../conversations/hooks/use-conversations.js';
import { ContactPanel } from './contact-panel.js';

export type ContactPanelViewProps = {
  conversationId: string;
  user: AuthUser;
  onOpenConversation: (id: string) => void;
  onClose: () => void;
};

/** The contact panel of the open conversation (shares the chat's cached conversation query). */
export function ContactPanelView({ conversationId, user, onOpenConversation, onClose }: ContactPanelViewProps) {
  const conversation = useConversation(conversationId);
  if (!conversation.data) return null;
  return <ContactPanel conversation={conversation.data} user={user} onOpenConversation={onOpenConversation} onClose={onClose} />;
}
