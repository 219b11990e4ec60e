import type { InboundEvent } from '../../providers/messaging-provider.js';

export type InboundMessageEvent = Extract<InboundEvent, { kind: 'message' }>;
export type InboundStatusEvent = Extract<InboundEvent, { kind: 'status' }>;

/** Every state a message can be in (the public contract's `status`). */
export const MESSAGE_STATUSES = [
  'queued', 'sending', 'sent', 'delivered', 'read', 'played', 'failed', 'deleted', 'unknown', 'received',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type MessageError = {
  code: string;
  message: string;
  vendorCode?: number | string;
  vendorTitle?: string;
  vendorDetails?: string;
};

export type RecordInboundInput = { tenantId: string; channelId: string; event: InboundMessageEvent };
export type RecordInboundResult = {
  messageId: string;
  conversationId: string;
  duplicate: boolean;
  /**
   * Set when the caller passed its own transaction: publishes the domain event. Call it after your
   * commit, so nobody hears of a message that was rolled back.
   */
  afterCommit?: () => void;
};

export type ApplyStatusInput = { tenantId: string; channelId: string; event: InboundStatusEvent };
export type ApplyStatusOutcome = 'applied' | 'recorded-older' | 'duplicate' | 'message-not-found';
export type ApplyStatusResult = {
  outcome: ApplyStatusOutcome;
  messageId?: string;
  /** Set when the caller passed its own transaction and the status advanced: call it after your commit. */
  afterCommit?: () => void;
};
