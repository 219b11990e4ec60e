import type { Conversation } from '@valeo/contracts';
import { msUntil } from '../../../lib/format.js';

/**
 * Free-form messages are allowed while the 24-hour customer-service window is open. The server's
 * `windowOpen` was true when it answered; the client also checks the expiry against its clock, so the
 * composer closes on time without a refetch.
 */
export function isWindowOpen(conversation: Pick<Conversation, 'windowOpen' | 'windowExpiresAt'>, now: Date): boolean {
  return conversation.windowOpen && msUntil(conversation.windowExpiresAt, now) > 0;
}

export function contactDisplayName(conversation: Pick<Conversation, 'contact'>): string {
  return conversation.contact.profileName ?? `+${conversation.contact.waId}`;
}
