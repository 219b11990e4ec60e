import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../core/secret-box.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { createTenantsModule } from '../../tenants/index.js';
import { createChannelsModule, type ChannelsService } from '../index.js';
import { channelInput } from './channel-input.js';

const DEFAULTS = { graphBaseUrl: 'https://graph.facebook.com', graphApiVersion: 'v24.0' };

describe(`channels service (${testDialect()})`, () => {
  let database: TestDatabase;
  let service: ChannelsService;
  let tenantId: string;
  let otherTenantId: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    const tenants = createTenantsModule({ db: database.db }).tenants;
    tenantId = (await tenants.ensureDefaultTenant()).id;
    otherTenantId = (await tenants.createTenant({ name: 'Other', slug: 'other' })).id;
    service = createChannelsModule({ db: database.db, secretBox: createSecretBox(randomBytes(32)), defaults: DEFAULTS }).service;
  });
  afterEach(() => database.destroy());

  it('seals credentials: the row holds none of them in plaintext (SEC-08)', async () => {
    const input = channelInput();
    const channel = await service.createChannel({ ...input, tenantId });
    const row = await database.db.selectFrom('channels').selectAll().where('id', '=', channel.id).executeTakeFirstOrThrow();
    const dump = JSON.stringify(row);
    for (const secret of [input.accessToken, input.appSecret, input.webhookVerifyToken]) expect(dump).not.toContain(secret);
    expect(row.credentials_sealed).toMatch(/^v1:/);
    expect(channel.accessTokenHint).toBe('…XYZ9');
    expect(channel).not.toHaveProperty('credentialsSealed');
  });

  it('resolves a ChannelContext with decrypted credentials and the server defaults', async () => {
    const input = channelInput();
    const channel = await service.createChannel({ ...input, tenantId });
    expect(await service.getChannelContext(tenantId, channel.id)).toEqual({
      channelId: channel.id, phoneNumberId: input.phoneNumberId, wabaId: input.wabaId,
      accessToken: input.accessToken, appSecret: input.appSecret, ...DEFAULTS,
    });
  });

  it('uses a channel\'s own base URL (without trailing slash) and version when set', async () => {
    const channel = await service.createChannel({ ...channelInput({ graphBaseUrl: 'http://127.0.0.1:4010/', graphApiVersion: 'v23.0' }), tenantId });
    const ctx = await service.getChannelContext(tenantId, channel.id);
    expect(ctx.graphBaseUrl).toBe('http://127.0.0.1:4010');
    expect(ctx.graphApiVersion).toBe('v23.0');
  });

  it('rejects a non-http(s) base URL even without HTTP validation in front', async () => {
    await expect(service.createChannel({ ...channelInput({ graphBaseUrl: 'file:///etc/passwd' }), tenantId })).rejects.toMatchObject({ code: 'CHANNEL_INVALID', httpStatus: 400 });
  });

  it('scopes reads by tenant: another tenant\'s channel is CHANNEL_NOT_FOUND', async () => {
    const channel = await service.createChannel({ ...channelInput(), tenantId });
    await expect(service.getChannel(otherTenantId, channel.id)).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND', httpStatus: 404 });
    await expect(service.getChannelContext(otherTenantId, channel.id)).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    await expect(service.updateChannel(otherTenantId, channel.id, { name: 'x' })).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    await expect(service.deleteChannel(otherTenantId, channel.id)).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
    expect((await service.listChannels(otherTenantId)).items).toEqual([]);
    expect((await service.getChannel(tenantId, channel.id)).name).toBe(channel.name);
  });

  it('keeps phone number ids unique across tenants', async () => {
    const input = channelInput();
    await service.createChannel({ ...input, tenantId });
    await expect(service.createChannel({ ...input, tenantId: otherTenantId })).rejects.toMatchObject({ code: 'CHANNEL_PHONE_NUMBER_TAKEN', httpStatus: 409 });
  });

  it('maps a lost creation race to 409 through the unique index', async () => {
    const input = channelInput();
    const results = await Promise.allSettled([service.createChannel({ ...input, tenantId }), service.createChannel({ ...input, tenantId })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected && (rejected.reason as { code: string }).code).toBe('CHANNEL_PHONE_NUMBER_TAKEN');
  });

  it('routes webhooks by phone number id, with the app secret', async () => {
    const input = channelInput();
    const channel = await service.createChannel({ ...input, tenantId });
    const found = await service.findByPhoneNumberId(input.phoneNumberId);
    expect(found?.channel.id).toBe(channel.id);
    expect(found?.appSecret).toBe(input.appSecret);
    expect(await service.findByPhoneNumberId('999')).toBeNull();
  });

  it('routes account-level webhooks by WABA id and per-channel URLs by id, across tenants', async () => {
    const a = channelInput();
    const b = { ...channelInput(), wabaId: a.wabaId };
    const first = await service.createChannel({ ...a, tenantId });
    const second = await service.createChannel({ ...b, tenantId: otherTenantId });
    const byWaba = await service.findByWabaId(a.wabaId);
    expect(byWaba.map((f) => f.channel.id).sort()).toEqual([first.id, second.id].sort());
    expect(byWaba.find((f) => f.channel.id === second.id)?.appSecret).toBe(b.appSecret);
    expect(await service.findByWabaId('424242')).toEqual([]);
    const byId = await service.findById(second.id);
    expect(byId).toMatchObject({ channel: { id: second.id, tenantId: otherTenantId }, appSecret: b.appSecret });
    expect(await service.findById('00000000-0000-7000-8000-000000000000')).toBeNull();
  });

  it('finds the channel of a webhook verify token', async () => {
    const a = await service.createChannel({ ...channelInput(), tenantId });
    const bInput = channelInput();
    const b = await service.createChannel({ ...bInput, tenantId: otherTenantId });
    expect((await service.findByVerifyToken(bInput.webhookVerifyToken))?.id).toBe(b.id);
    expect(await service.findByVerifyToken('wrong')).toBeNull();
    expect(await service.findByVerifyToken('')).toBeNull();
    expect(a.id).not.toBe(b.id);
  });

  it('updates fields and re-seals only the credentials given', async () => {
    const input = channelInput({ graphBaseUrl: 'https://example.test' });
    const channel = await service.createChannel({ ...input, tenantId });
    const updated = await service.updateChannel(tenantId, channel.id, { name: 'Renamed', accessToken: 'EAAG-new-token-abcd', graphBaseUrl: null });
    expect(updated).toMatchObject({ name: 'Renamed', graphBaseUrl: null, accessTokenHint: '…abcd' });
    const ctx = await service.getChannelContext(tenantId, channel.id);
    expect(ctx).toMatchObject({ accessToken: 'EAAG-new-token-abcd', appSecret: input.appSecret, graphBaseUrl: DEFAULTS.graphBaseUrl });
    expect((await service.findByVerifyToken(input.webhookVerifyToken))?.id).toBe(channel.id);
  });

  it('deletes a channel', async () => {
    const channel = await service.createChannel({ ...channelInput(), tenantId });
    await service.deleteChannel(tenantId, channel.id);
    await expect(service.getChannel(tenantId, channel.id)).rejects.toMatchObject({ code: 'CHANNEL_NOT_FOUND' });
  });

  it('refuses sealed credentials copied into another channel\'s row (SEC-09)', async () => {
    const a = await service.createChannel({ ...channelInput(), tenantId });
    const b = await service.createChannel({ ...channelInput(), tenantId: otherTenantId });
    const rowA = await database.db.selectFrom('channels').select('credentials_sealed').where('id', '=', a.id).executeTakeFirstOrThrow();
    await database.db.updateTable('channels').set({ credentials_sealed: rowA.credentials_sealed }).where('id', '=', b.id).execute();
    await expect(service.getChannelContext(otherTenantId, b.id)).rejects.toMatchObject({ code: 'CHANNEL_CREDENTIALS_UNREADABLE' });
  });

  describe('ensureSandboxChannel', () => {
    const sandbox = (graphBaseUrl: string) => ({
      tenantId: '', phoneNumberId: '15550001111', wabaId: '15550002222', displayPhoneNumber: '+1 555 000 1111',
      accessToken: 'sandbox-access-token', appSecret: 'sandbox-app-secret', webhookVerifyToken: 'sandbox-verify', graphBaseUrl,
    });

    it('creates the sandbox channel once and refreshes its base URL on the next start', async () => {
      const first = await service.ensureSandboxChannel({ ...sandbox('http://127.0.0.1:41000'), tenantId });
      expect(first).toMatchObject({ sandbox: true, name: 'Sandbox', graphBaseUrl: 'http://127.0.0.1:41000' });
      const second = await service.ensureSandboxChannel({ ...sandbox('http://127.0.0.1:42000'), tenantId });
      expect(second.id).toBe(first.id);
      expect(second.graphBaseUrl).toBe('http://127.0.0.1:42000');
      expect((await service.listChannels(tenantId)).items).toHaveLength(1);
      expect((await service.getChannelContext(tenantId, first.id)).accessToken).toBe('sandbox-access-token');
    });

    it('never takes over a real channel or another tenant\'s number', async () => {
      await service.createChannel({ ...channelInput({ phoneNumberId: '15550001111' }), tenantId });
      await expect(service.ensureSandboxChannel({ ...sandbox('http://127.0.0.1:41000'), tenantId })).rejects.toMatchObject({ code: 'CHANNEL_PHONE_NUMBER_TAKEN' });
      await expect(service.ensureSandboxChannel({ ...sandbox('http://127.0.0.1:41000'), phoneNumberId: '15550009999', tenantId: otherTenantId }))
        .resolves.toMatchObject({ sandbox: true });
      await expect(service.ensureSandboxChannel({ ...sandbox('http://127.0.0.1:41000'), phoneNumberId: '15550009999', tenantId }))
        .rejects.toMatchObject({ code: 'CHANNEL_PHONE_NUMBER_TAKEN' });
    });
  });

  it('lists channels page by page in creation order', async () => {
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await service.createChannel({ ...channelInput(), tenantId }));
    const first = await service.listChannels(tenantId, { limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual(created.slice(0, 2).map((c) => c.id));
    const second = await service.listChannels(tenantId, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((c) => c.id)).toEqual([created[2]?.id]);
    expect(second.nextCursor).toBeNull();
  });
});
