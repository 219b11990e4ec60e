import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import { unbatchedTransactions, type TransactionRunner } from '../../db/transaction-batcher.js';
import type { ChannelContext, MessagingProvider } from '../../providers/messaging-provider.js';
import type { JobQueue } from '../../queue/job-queue.js';
import type { ChannelCircuitBreaker } from './channel-circuit.js';
import type { ContactsService } from '../contacts/index.js';
import type { ConversationsService } from '../conversations/index.js';

/** What the messages module needs from the channels module (kept narrow so tests can stand in). */
export type ChannelAccess = {
  /** Decrypted credentials + resolved base URL; throws CHANNEL_NOT_FOUND (404) for another tenant's channel. */
  getChannelContext(tenantId: string, channelId: string): Promise<ChannelContext>;
};

/** A message's stored medium as its view shows it. */
export type MessageMediaView = {
  id: string;
  status: 'pending' | 'stored' | 'failed' | 'rejected' | 'uploaded';
  mimeType: string | null;
  fileName: string | null;
  size: number | null;
};

/** What the messages module needs from the media module: the media of a page of messages (one query). */
export type MessageMediaLookup = {
  forMessages(
    tenantId: string,
    refs: { messageId: string; channelId: string; direction: 'inbound' | 'outbound'; providerMediaId?: string | undefined }[],
  ): Promise<Map<string, MessageMediaView>>;
};

/** Waits until a channel may send its next message (a token bucket per number in composition). */
export type SendPacer = { wait(channelId: string): Promise<void> };

export type MessagesDeps = {
  db: Db;
  /** Group-commits the hot write paths (queueing, send bookkeeping). Absent = one transaction per unit. */
  writes?: TransactionRunner;
  queue: JobQueue;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  channels: ChannelAccess;
  contacts: ContactsService;
  conversations: ConversationsService;
  /** Media lookup for message views; absent = every view says `media: null`. */
  media?: MessageMediaLookup;
  /** Pauses a channel's sends after auth failures or repeated 5xx/timeouts. Absent = never paused. */
  circuit?: ChannelCircuitBreaker;
  /** Paces sends per number; resolves when this send may go out. Absent = no pacing. */
  sendPacer?: SendPacer;
  /** The provider that serves a channel (composition decides; all channels are Cloud API today). */
  providerFor(channel: ChannelContext): MessagingProvider;
};

/** The deps' transaction runner, or plain transactions on `db`. */
export function writesOf(deps: Pick<MessagesDeps, 'db' | 'writes'>): TransactionRunner {
  return deps.writes ?? unbatchedTransactions(deps.db);
}
