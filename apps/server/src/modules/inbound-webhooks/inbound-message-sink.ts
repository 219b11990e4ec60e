import type { DbExecutor } from '../../db/database.js';
import type { InboundEvent } from '../../providers/messaging-provider.js';

export type SinkMessageInput = { tenantId: string; channelId: string; event: Extract<InboundEvent, { kind: 'message' }> };
export type SinkMessageResult = { messageId: string; conversationId?: string; duplicate: boolean; afterCommit?: () => void };
export type SinkStatusInput = { tenantId: string; channelId: string; event: Extract<InboundEvent, { kind: 'status' }> };
export type SinkStatusResult = { outcome: 'applied' | 'recorded-older' | 'duplicate' | 'message-not-found'; messageId?: string; afterCommit?: () => void };

/**
 * Where parsed inbound items go. The messages module's service satisfies it structurally
 * (`recordInbound` dedupes by wamid; `applyStatuses` moves statuses forward only); the composition root
 * passes it in, so this module needs nothing from messages and its job is testable with a stand-in.
 */
export interface InboundMessageSink {
  recordInbound(input: SinkMessageInput, trx?: DbExecutor): Promise<SinkMessageResult>;
  /** The status items of a batch of events, in `trx`; results in input order. */
  applyStatuses(inputs: readonly SinkStatusInput[], trx: DbExecutor): Promise<SinkStatusResult[]>;
}

/** Creates the media row for an inbound media message and schedules its download, in `trx`. */
export interface InboundMediaRegistrar {
  registerInbound(input: InboundMediaInput, trx: DbExecutor): Promise<{ mediaId: string }>;
}

export type InboundMediaInput = {
  tenantId: string;
  channelId: string;
  messageId: string;
  conversationId?: string;
  /** image | audio | video | document | sticker */
  messageType: string;
  providerMediaId: string;
  mimeType?: string;
  sha256?: string;
  filename?: string;
  /** Stickers: `animated: false` → the 100 KB static limit applies. */
  animated?: boolean;
};
