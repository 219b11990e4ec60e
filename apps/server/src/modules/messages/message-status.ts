import { MESSAGE_STATUSES, type MessageStatus } from './messages.types.js';

/**
 * Statuses arrive out of order and more than once (Meta retries webhooks for days and does not
 * order them), so the current status only ever moves forward by rank. `failed` ranks above
 * `sent` (Meta reports failures after acceptance, e.g. 131047) but below `delivered`: a message
 * that was delivered cannot later fail. `unknown` (outcome of a timed-out send) ranks just above
 * `sending`, so any webhook about the message resolves it.
 */
const RANK: Record<MessageStatus, number> = {
  received: 0,
  queued: 0,
  sending: 1,
  unknown: 2,
  sent: 3,
  failed: 4,
  delivered: 5,
  read: 6,
  played: 7,
  deleted: 8,
};

export function statusRank(status: MessageStatus): number {
  return RANK[status];
}

/** The statuses `status` may replace: the guard of every status update (`status IN (…)`). */
export function statusesBelow(status: MessageStatus): MessageStatus[] {
  return MESSAGE_STATUSES.filter((s) => RANK[s] < RANK[status]);
}

/** Whether `next` should replace `current` as the message's status. */
export function isStatusAdvance(current: MessageStatus, next: MessageStatus): boolean {
  return RANK[next] > RANK[current];
}

export function isMessageStatus(value: string): value is MessageStatus {
  return Object.hasOwn(RANK, value);
}
