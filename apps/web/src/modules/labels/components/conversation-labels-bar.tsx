import type { AuthUser, Conversation } from '@valeo/contracts';
import { canAttachLabels, canManageLabels } from '../utils/label-permissions.js';
import { LabelChips } from './label-chips.js';
import { LabelPicker } from './label-picker.js';

export type ConversationLabelsBarProps = { conversation: Conversation; user: AuthUser | undefined };

/** In the chat header: the conversation's labels, and the picker for those who may attach them. */
export function ConversationLabelsBar({ conversation, user }: ConversationLabelsBarProps) {
  return (
    <div className="chat-labels">
      <LabelChips labels={conversation.labels} />
      {user && canAttachLabels(user.role) ? (
        <LabelPicker target="conversation" targetId={conversation.id} attached={conversation.labels} canCreate={canManageLabels(user.role)} />
      ) : null}
    </div>
  );
}
