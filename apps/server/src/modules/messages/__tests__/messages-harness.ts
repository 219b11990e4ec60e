import { ManualClock } from '../../../core/clock.js';
import { InProcessEventBus } from '../../../core/events/in-process-event-bus.js';
import { silentLogger } from '../../../core/logger.js';
import { notFound } from '../../../core/errors/app-error.js';
import type { ChannelContext, InboundEvent } from '../../../providers/messaging-provider.js';
import { FakeMessagingProvider } from '../../../providers/fake/fake-messaging-provider.js';
import { InProcessJobQueue } from '../../../queue/in-process/in-process-job-queue.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { makeTenantWithChannel } from '../../../../test/factories/tenant-channel.factory.js';
import { createContactsService } from '../../contacts/index.js';
import { createConversationsService } from '../../conversations/index.js';
import { createMessagesModule, type MessagesDeps } from '../index.js';

export type MessagesHarness = Awaited<ReturnType<typeof createMessagesHarness>>;

/** A real database and in-process queue, the fake provider, and a clock tests move by hand. */
export async function createMessagesHarness() {
  const database: TestDatabase = await createTestDatabase();
  const { tenantId, channel } = await makeTenantWithChannel(database.db);
  const provider = new FakeMessagingProvider();
  const clock = new ManualClock(new Date());
  const events = new InProcessEventBus();
  const channels = {
    async getChannelContext(t: string, id: string): Promise<ChannelContext> {
      if (t !== tenantId || id !== channel.channelId) throw notFound('CHANNEL_NOT_FOUND', `Channel ${id} not found`);
      return channel;
    },
  };
  const queues: InProcessJobQueue[] = [];
  const depsFor = (queue: InProcessJobQueue, extra: Partial<MessagesDeps> = {}): MessagesDeps => ({
    db: database.db,
    queue,
    clock,
    events,
    logger: silentLogger,
    channels,
    contacts: createContactsService(database.db),
    conversations: createConversationsService(database.db),
    providerFor: () => provider,
    ...extra,
  });
  /** A "process": its own queue instance over the shared database. */
  const startProcess = async (opts: { start?: boolean; deps?: Partial<MessagesDeps> } = {}) => {
    const queue = new InProcessJobQueue({ database, pollIntervalMs: 10, leaseMs: 500 });
    queues.push(queue);
    const module = createMessagesModule(depsFor(queue, opts.deps));
    module.registerJobs(queue);
    if (opts.start !== false) await queue.start();
    return { queue, module, service: module.service };
  };

  const inboundText = (from: string, wamid: string, at: Date, body = 'Hallo'): InboundEvent & { kind: 'message' } => ({
    kind: 'message',
    phoneNumberId: channel.phoneNumberId,
    wamid,
    from,
    profileName: 'Erika Mustermann',
    timestamp: at,
    type: 'text',
    content: { body },
    raw: {},
  });

  return {
    database,
    tenantId,
    channel,
    provider,
    clock,
    events,
    startProcess,
    inboundText,
    async close() {
      await Promise.all(queues.map((q) => q.stop({ drainMs: 1_000 })));
      await database.destroy();
    },
  };
}
