import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { ManualClock } from '../../../core/clock.js';
import { silentLogger } from '../../../core/logger.js';
import { toDbTime } from '../../../db/column-types.js';
import type { DbExecutor } from '../../../db/database.js';
import type { ChannelContext } from '../../../providers/messaging-provider.js';
import { FakeMessagingProvider } from '../../../providers/fake/fake-messaging-provider.js';
import { InProcessJobQueue } from '../../../queue/in-process/in-process-job-queue.js';
import type {
  InboundMediaInput, InboundMediaRegistrar, InboundMessageSink, SinkMessageInput, SinkMessageResult, SinkStatusInput,
  SinkStatusResult,
} from '../inbound-message-sink.js';
import { createProcessInboundEventHandler, processInboundEventJob } from '../process-inbound-event.job.js';
import type { WebhookChannel, WebhookChannelDirectory } from '../webhook-channels.js';
import { WebhookIntakeService } from '../webhook-intake.service.js';

/** A tenant + channel as the webhook path sees it, plus the context the fake provider signs with. */
export type KitChannel = WebhookChannel & { context: ChannelContext; verifyToken: string };

const RANK: Record<string, number> = { sent: 1, failed: 2, delivered: 3, read: 4, played: 5 };

/**
 * A stand-in for the messages module: dedupes inbound messages by (channel, wamid) and applies
 * statuses monotonically to outbound wamids it was told about. Records every call.
 */
export class RecordingSink implements InboundMessageSink {
  readonly messages = new Map<string, SinkMessageInput>();
  readonly recordCalls: SinkMessageInput[] = [];
  readonly statusCalls: SinkStatusInput[] = [];
  /** wamid → current status of "outbound" messages. */
  readonly outbound = new Map<string, string>();

  async recordInbound(input: SinkMessageInput): Promise<SinkMessageResult> {
    this.recordCalls.push(input);
    const key = `${input.channelId}:${input.event.wamid}`;
    const duplicate = this.messages.has(key);
    if (!duplicate) this.messages.set(key, input);
    return { messageId: `msg-${input.event.wamid}`, duplicate };
  }

  async applyStatuses(inputs: readonly SinkStatusInput[]): Promise<SinkStatusResult[]> {
    const results: SinkStatusResult[] = [];
    for (const input of inputs) results.push(await this.applyStatus(input));
    return results;
  }

  async applyStatus(input: SinkStatusInput): Promise<SinkStatusResult> {
    this.statusCalls.push(input);
    const current = this.outbound.get(input.event.wamid);
    if (current === undefined) return { outcome: 'message-not-found' };
    if (current === input.event.status) return { outcome: 'duplicate' };
    if ((RANK[input.event.status] ?? 0) <= (RANK[current] ?? 0)) return { outcome: 'recorded-older' };
    this.outbound.set(input.event.wamid, input.event.status);
    return { outcome: 'applied' };
  }
}

export class RecordingMediaRegistrar implements InboundMediaRegistrar {
  readonly registered: InboundMediaInput[] = [];
  async registerInbound(input: InboundMediaInput, _trx: DbExecutor): Promise<{ mediaId: string }> {
    this.registered.push(input);
    return { mediaId: `media-${this.registered.length}` };
  }
}

export class InMemoryWebhookChannels implements WebhookChannelDirectory {
  readonly channels: KitChannel[] = [];
  lookups = 0;
  async byPhoneNumberId(id: string) { this.lookups += 1; return this.channels.find((c) => c.context.phoneNumberId === id); }
  async byWabaId(id: string) { return this.channels.filter((c) => c.context.wabaId === id); }
  async byChannelId(id: string) { return this.channels.find((c) => c.channelId === id); }
  async matchesVerifyToken(token: string, channelId?: string) {
    return this.channels.some((c) => c.verifyToken === token && (channelId === undefined || c.channelId === channelId));
  }
}

export type InboundKit = {
  database: TestDatabase;
  queue: InProcessJobQueue;
  provider: FakeMessagingProvider;
  channels: InMemoryWebhookChannels;
  sink: RecordingSink;
  media: RecordingMediaRegistrar;
  intake: WebhookIntakeService;
  clock: ManualClock;
  addChannel(opts: { id: string; appSecret?: string; wabaId?: string }): Promise<KitChannel>;
  countRows(table: 'inbound_events' | 'jobs'): Promise<number>;
  dispose(): Promise<void>;
};

export function createMessagingTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase();
}

export type InboundKitOptions = {
  fallbackAppSecret?: string;
  fallbackVerifyToken?: string;
  statusMatchAttempts?: number;
  /** Reuse this database (emptied first) instead of creating one; the caller destroys it. */
  database?: TestDatabase;
};

/** Empties the tables the kit writes, so one database can serve every test of a file. */
async function emptyTables(database: TestDatabase): Promise<void> {
  for (const table of ['media', 'message_statuses', 'messages', 'conversations', 'contacts', 'inbound_events', 'jobs', 'channels', 'tenants'] as const) {
    await database.db.deleteFrom(table).execute();
  }
}

export async function createInboundKit(opts: InboundKitOptions = {}): Promise<InboundKit> {
  const database = opts.database ?? await createMessagingTestDatabase();
  if (opts.database) await emptyTables(database);
  const clock = new ManualClock(new Date());
  const queue = new InProcessJobQueue({ database, pollIntervalMs: 10 });
  const provider = new FakeMessagingProvider();
  const channels = new InMemoryWebhookChannels();
  const sink = new RecordingSink();
  const media = new RecordingMediaRegistrar();
  const base = { db: database.db, provider, channels, clock, logger: silentLogger };
  const intake = new WebhookIntakeService({ ...base, queue, fallbackAppSecret: opts.fallbackAppSecret, fallbackVerifyToken: opts.fallbackVerifyToken });
  queue.work(processInboundEventJob, createProcessInboundEventHandler({
    ...base, sink, media, statusRetryDelayMs: 20, ...(opts.statusMatchAttempts ? { statusMatchAttempts: opts.statusMatchAttempts } : {}),
  }));
  const addChannel: InboundKit['addChannel'] = async ({ id, appSecret, wabaId }) => {
    const at = toDbTime(clock.now());
    await database.db.insertInto('tenants').values({ id: `tenant-${id}`, name: id, slug: id, created_at: at, updated_at: at }).execute();
    const context: ChannelContext = {
      channelId: id, phoneNumberId: `pn-${id}`, wabaId: wabaId ?? `waba-${id}`, accessToken: 'token',
      appSecret: appSecret ?? opts.fallbackAppSecret ?? '', graphBaseUrl: 'http://graph.invalid', graphApiVersion: 'v24.0',
    };
    await database.db.insertInto('channels').values({
      id, tenant_id: `tenant-${id}`, name: id, provider: 'fake', phone_number_id: context.phoneNumberId, waba_id: context.wabaId,
      display_phone_number: '15550000000', graph_base_url: null, graph_api_version: null, sandbox: 0, credentials_sealed: 'x',
      created_at: at, updated_at: at,
    }).execute();
    const channel: KitChannel = { channelId: id, tenantId: `tenant-${id}`, appSecret, context, verifyToken: `verify-${id}` };
    channels.channels.push(channel);
    return channel;
  };
  const countRows: InboundKit['countRows'] = async (table) => {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    database, queue, provider, channels, sink, media, intake, clock, addChannel, countRows,
    dispose: async () => {
      await queue.stop({ drainMs: 0 });
      if (!opts.database) await database.destroy();
    },
  };
}
