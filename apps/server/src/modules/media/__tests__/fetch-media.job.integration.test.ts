import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { ManualClock } from '../../../core/clock.js';
import type { DomainEventMap } from '../../../core/events/domain-events.js';
import { InProcessEventBus } from '../../../core/events/in-process-event-bus.js';
import { newId } from '../../../core/ids.js';
import { silentLogger } from '../../../core/logger.js';
import { toDbJson, toDbTime } from '../../../db/column-types.js';
import { FakeMessagingProvider } from '../../../providers/fake/fake-messaging-provider.js';
import type { ChannelContext, MessagingProvider } from '../../../providers/messaging-provider.js';
import { ProviderErrorCode } from '../../../providers/provider-error.js';
import { RetryJobError } from '../../../queue/job-errors.js';
import { jobSettings, type JobContext } from '../../../queue/job-queue.js';
import { fetchMediaJob, MediaFetcher } from '../fetch-media.job.js';
import type { MediaChannels } from '../media-channels.js';
import { InMemoryMediaStorage } from '../in-memory-media-storage.js';
import { findMediaForTenant, insertMedia } from '../media.repository.js';

const TENANT = 'tenant-fetch';
const CHANNEL = 'channel-fetch';
const CONTEXT: ChannelContext = {
  channelId: CHANNEL, phoneNumberId: '555', wabaId: '556', accessToken: 't', appSecret: 's', graphBaseUrl: 'http://graph.invalid', graphApiVersion: 'v24.0',
};
const MAX_ATTEMPTS = jobSettings(fetchMediaJob).maxAttempts;
const CONVERSATION = 'conversation-fetch';
const MESSAGE = 'message-fetch';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const ctx = (attempt: number): JobContext => ({ jobId: 'job-1', attempt, signal: new AbortController().signal });

describe(`media.fetch handler (${testDialect()})`, () => {
  let database: TestDatabase;
  let provider: FakeMessagingProvider;
  let storage: InMemoryMediaStorage;
  let events: InProcessEventBus;
  let stored: DomainEventMap['media.stored'][];
  let channelExists: boolean;

  beforeAll(async () => {
    database = await createTestDatabase();
    const at = toDbTime(new Date());
    await database.db.insertInto('tenants').values({ id: TENANT, name: 't', slug: 'fetch', created_at: at, updated_at: at }).execute();
    await database.db.insertInto('channels').values({
      id: CHANNEL, tenant_id: TENANT, name: 'c', provider: 'fake', phone_number_id: '555', waba_id: '556', display_phone_number: '1',
      graph_base_url: null, graph_api_version: null, sandbox: 0, credentials_sealed: 'x', created_at: at, updated_at: at,
    }).execute();
    await database.db.insertInto('contacts').values({ id: 'contact-fetch', tenant_id: TENANT, wa_id: '4915100000009', profile_name: null, last_inbound_at: null, created_at: at, updated_at: at }).execute();
    await database.db.insertInto('conversations').values({
      id: CONVERSATION, tenant_id: TENANT, channel_id: CHANNEL, contact_id: 'contact-fetch', status: 'open', unread_count: 0,
      last_message_at: null, last_message_preview: null, last_inbound_at: null, window_expires_at: null, created_at: at, updated_at: at,
    }).execute();
    await database.db.insertInto('messages').values({
      id: MESSAGE, tenant_id: TENANT, channel_id: CHANNEL, conversation_id: CONVERSATION, contact_id: 'contact-fetch', contact_wa_id: '4915100000009',
      direction: 'inbound', type: 'image', content: toDbJson({ id: 'x' }), status: 'received', wamid: 'wamid.fetch', reply_to_wamid: null,
      idempotency_key: null, error: null, pricing: null, send_attempts: 0, provider_timestamp: null, created_at: at, updated_at: at,
    }).execute();
  });
  afterAll(async () => database.destroy());
  beforeEach(() => {
    provider = new FakeMessagingProvider();
    storage = new InMemoryMediaStorage();
    events = new InProcessEventBus();
    stored = [];
    events.subscribe('media.stored', (payload) => { stored.push(payload); });
    channelExists = true;
  });

  function fetcher(withProvider: MessagingProvider = provider, maxBytes = 100 * 1024 * 1024): MediaFetcher {
    const channels: MediaChannels = { resolve: async () => (channelExists ? { provider: withProvider, context: CONTEXT } : undefined) };
    return new MediaFetcher({ db: database.db, storage, channels, maxBytes, clock: new ManualClock(), logger: silentLogger, events });
  }

  async function pendingMedia(providerMediaId: string, mimeType: string | null = 'image/png', messageId: string | null = null): Promise<string> {
    const id = newId();
    await insertMedia(database.db, {
      id, tenantId: TENANT, channelId: CHANNEL, messageId, direction: 'inbound', providerMediaId, mimeType,
      fileSize: null, sha256: null, filename: null, storageKey: null, status: 'pending', error: null,
    }, new Date());
    return id;
  }
  const row = async (id: string) => (await findMediaForTenant(database.db, TENANT, id))!;

  it('stores the bytes, records size and hash, and announces media.stored with its conversation', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'), 'image/png', MESSAGE);
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image', conversationId: CONVERSATION }, ctx(1));
    const media = await row(id);
    expect(media).toMatchObject({ status: 'stored', fileSize: PNG.length, storageKey: `${TENANT}/${id}`, error: null });
    expect(media.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await storage.get(media.storageKey!))?.equals(PNG)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored).toEqual([{ tenantId: TENANT, conversationId: CONVERSATION, messageId: MESSAGE, mediaId: id }]);
  });

  it('announces nothing when the job does not name the conversation (queued before the field existed)', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'), 'image/png', MESSAGE);
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await row(id)).status).toBe('stored');
    expect(stored).toEqual([]);
  });

  it('passes the per-type limit and allowlist to the provider, capped by MEDIA_MAX_BYTES', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'));
    await fetcher(provider, 2_000).fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1));
    expect(provider.calls[0]?.args[2]).toEqual({ maxBytes: 2_000, allowedMimeTypes: ['image/jpeg', 'image/png'] });
  });

  it('rejects what the provider refuses as invalid (too large, wrong type), without retrying', async () => {
    const id = await pendingMedia(provider.putMedia(Buffer.alloc(3_000, 1), 'image/png'));
    await fetcher(provider, 2_000).fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1));
    expect(await row(id)).toMatchObject({ status: 'rejected', storageKey: null });
    expect((await row(id)).error).toMatch(/exceeds 2000/);
    expect(storage.size).toBe(0);
  });

  it('retries a transient failure and marks the medium failed once attempts are used up', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'));
    provider.failNext('downloadMedia', ProviderErrorCode.TEMPORARY);
    await expect(fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1))).rejects.toThrow(/TEMPORARY/);
    expect((await row(id)).status).toBe('pending');
    provider.failNext('downloadMedia', ProviderErrorCode.TEMPORARY);
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(MAX_ATTEMPTS));
    expect(await row(id)).toMatchObject({ status: 'failed', error: 'fake downloadMedia failure: TEMPORARY' });
  });

  it('honours a rate limit\'s retry-after', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'));
    provider.failNext('downloadMedia', ProviderErrorCode.RATE_LIMITED, { retryAfterMs: 7_000 });
    const error = await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryJobError);
    expect((error as RetryJobError).retryAfterMs).toBe(7_000);
  });

  it('fails at once on a permanent provider error (e.g. the token was revoked)', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'));
    provider.failNext('downloadMedia', ProviderErrorCode.AUTH_FAILED);
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1));
    expect((await row(id)).status).toBe('failed');
  });

  it('re-checks what the provider returned: a type outside the allowlist is rejected, not stored', async () => {
    const careless = { downloadMedia: async () => ({ data: Buffer.from('<svg/>'), mimeType: 'image/svg+xml', fileSize: 6 }) } as unknown as MessagingProvider;
    const id = await pendingMedia('m-1', null);
    await fetcher(careless).fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1));
    expect(await row(id)).toMatchObject({ status: 'rejected', error: 'MIME type image/svg+xml is not allowed for image' });
    expect(storage.size).toBe(0);
  });

  it('rejects a declared type that does not fit the message type without calling the provider', async () => {
    const id = await pendingMedia('m-2', 'application/x-msdownload');
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'document' }, ctx(1));
    expect((await row(id)).status).toBe('rejected');
    expect(provider.calls).toEqual([]);
  });

  it('leaves media alone that is no longer pending, and fails media whose channel is gone', async () => {
    const id = await pendingMedia(provider.putMedia(PNG, 'image/png'));
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(1));
    await fetcher().fetch({ tenantId: TENANT, mediaId: id, messageType: 'image' }, ctx(2));
    expect(provider.calls.filter((c) => c.name === 'downloadMedia')).toHaveLength(1);
    await fetcher().fetch({ tenantId: 'another-tenant', mediaId: id, messageType: 'image' }, ctx(1));
    expect(provider.calls).toHaveLength(1);

    channelExists = false;
    const orphan = await pendingMedia(provider.putMedia(PNG, 'image/png'));
    await fetcher().fetch({ tenantId: TENANT, mediaId: orphan, messageType: 'image' }, ctx(1));
    expect(await row(orphan)).toMatchObject({ status: 'failed', error: 'channel no longer exists' });
  });
});
