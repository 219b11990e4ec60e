import { DEFAULT_PAGE_LIMIT } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import { newId } from '../../core/ids.js';
import type { Logger } from '../../core/logger.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { ChannelContext } from '../../providers/messaging-provider.js';
import { accessTokenHint, openCredentials, sealCredentials, secretsEqual } from './channel-credentials.js';
import { isUniqueViolation, type ChannelRecord, type ChannelsRepository } from './channels.repository.js';
import { channelInvalid, channelNotFound, phoneNumberTaken } from './channels.errors.js';
import type {
  Channel, ChannelCredentials, CreateChannelInput, EnsureSandboxChannelInput, GraphDefaults, UpdateChannelInput,
} from './channels.types.js';

export type ChannelsServiceDeps = {
  repository: ChannelsRepository;
  secretBox: SecretBox;
  clock: Clock;
  logger: Logger;
  defaults: GraphDefaults;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Channels (phone numbers) with sealed credentials. Every read by id is scoped by tenant. */
export class ChannelsService {
  constructor(private readonly deps: ChannelsServiceDeps) {}

  async createChannel(input: CreateChannelInput, opts: { sandbox?: boolean } = {}): Promise<Channel> {
    const graphBaseUrl = normalizeBaseUrl(input.graphBaseUrl) ?? null;
    if (await this.deps.repository.findByPhoneNumberId(input.phoneNumberId)) throw phoneNumberTaken(input.phoneNumberId);
    const now = this.deps.clock.now();
    const id = newId();
    const record: ChannelRecord = {
      id, tenantId: input.tenantId, name: input.name, provider: input.provider, phoneNumberId: input.phoneNumberId,
      wabaId: input.wabaId, displayPhoneNumber: input.displayPhoneNumber, graphBaseUrl,
      graphApiVersion: input.graphApiVersion ?? null, sandbox: opts.sandbox ?? false,
      credentialsSealed: sealCredentials(this.deps.secretBox, { tenantId: input.tenantId, channelId: id }, input),
      createdAt: now, updatedAt: now,
    };
    try {
      await this.deps.repository.insert(record);
    } catch (error) {
      // Two creations raced past the check above; the unique index decided.
      if (isUniqueViolation(error)) throw phoneNumberTaken(input.phoneNumberId);
      throw error;
    }
    this.deps.logger.info({ channelId: id, tenantId: input.tenantId, phoneNumberId: input.phoneNumberId }, 'channel created');
    return this.toChannel(record);
  }

  async listChannels(tenantId: string, page: { limit?: number | undefined; cursor?: string | undefined } = {}): Promise<Page<Channel>> {
    const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(page.cursor, ['id']);
    const rows = await this.deps.repository.list(tenantId, { limit: limit + 1, afterId: after?.id });
    const items = rows.slice(0, limit).map((r) => this.toChannel(r));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  /** Another tenant's channel is CHANNEL_NOT_FOUND, exactly like a missing one. */
  async getChannel(tenantId: string, id: string): Promise<Channel> {
    return this.toChannel(await this.getRecord(tenantId, id));
  }

  async updateChannel(tenantId: string, id: string, patch: UpdateChannelInput): Promise<Channel> {
    const graphBaseUrl = normalizeBaseUrl(patch.graphBaseUrl);
    const record = await this.getRecord(tenantId, id);
    await this.deps.repository.update(tenantId, id, {
      updatedAt: this.deps.clock.now(),
      ...pick(patch, ['name', 'displayPhoneNumber', 'graphApiVersion']),
      ...(graphBaseUrl === undefined ? {} : { graphBaseUrl }),
      ...(hasCredentialChange(patch) ? { credentialsSealed: this.resealed(record, patch) } : {}),
    });
    return this.getChannel(tenantId, id);
  }

  async deleteChannel(tenantId: string, id: string): Promise<void> {
    if (!(await this.deps.repository.delete(tenantId, id))) throw channelNotFound(id);
    this.deps.logger.info({ channelId: id, tenantId }, 'channel deleted');
  }

  /** Webhook routing: the channel an event's `metadata.phone_number_id` belongs to, with its app secret. */
  async findByPhoneNumberId(phoneNumberId: string): Promise<{ channel: Channel; appSecret: string } | null> {
    const record = await this.deps.repository.findByPhoneNumberId(phoneNumberId);
    if (!record) return null;
    return { channel: this.toChannel(record), appSecret: this.open(record).appSecret };
  }

  /** Webhook routing of account-level fields (template status, quality, alerts): every channel of that WABA. */
  async findByWabaId(wabaId: string): Promise<{ channel: Channel; appSecret: string }[]> {
    const records = await this.deps.repository.findByWabaId(wabaId);
    return records.map((record) => ({ channel: this.toChannel(record), appSecret: this.open(record).appSecret }));
  }

  /** Webhook routing for the per-channel callback URL `/webhooks/whatsapp/:channelId`. */
  async findById(channelId: string): Promise<{ channel: Channel; appSecret: string } | null> {
    const record = await this.deps.repository.findByIdAnyTenant(channelId);
    return record ? { channel: this.toChannel(record), appSecret: this.open(record).appSecret } : null;
  }

  /**
   * Webhook handshake (`hub.verify_token`): the first channel whose token matches, compared in
   * constant time. Scans every channel — handshakes are rare (Meta sends one when the callback
   * URL is saved), and the tokens are sealed, so there is nothing to index on.
   */
  async findByVerifyToken(token: string): Promise<Channel | null> {
    for (const record of await this.deps.repository.listAll()) {
      const credentials = this.tryOpen(record);
      if (credentials && secretsEqual(credentials.webhookVerifyToken, token)) return this.toChannel(record);
    }
    return null;
  }

  /** What a provider needs for one call: decrypted credentials and the resolved base URL + version. */
  async getChannelContext(tenantId: string, channelId: string): Promise<ChannelContext> {
    const record = await this.getRecord(tenantId, channelId);
    const { accessToken, appSecret } = this.open(record);
    return {
      channelId: record.id,
      phoneNumberId: record.phoneNumberId,
      wabaId: record.wabaId,
      accessToken,
      appSecret,
      graphBaseUrl: record.graphBaseUrl ?? this.deps.defaults.graphBaseUrl,
      graphApiVersion: record.graphApiVersion ?? this.deps.defaults.graphApiVersion,
    };
  }

  /**
   * The sandbox channel pointing at the embedded emulator. Idempotent by phone number id: a later
   * start refreshes its base URL (the emulator's port may change) and credentials. Refuses to
   * take over a real channel or another tenant's number.
   */
  async ensureSandboxChannel(input: EnsureSandboxChannelInput): Promise<Channel> {
    const existing = await this.deps.repository.findByPhoneNumberId(input.phoneNumberId);
    if (!existing) {
      try {
        return await this.createChannel({ ...input, name: input.name ?? 'Sandbox', provider: 'cloud-api' }, { sandbox: true });
      } catch (error) {
        if ((error as { code?: string }).code !== 'CHANNEL_PHONE_NUMBER_TAKEN') throw error;
        return this.ensureSandboxChannel(input); // lost a race with another process: now it exists
      }
    }
    if (!existing.sandbox || existing.tenantId !== input.tenantId) throw phoneNumberTaken(input.phoneNumberId);
    await this.deps.repository.update(existing.tenantId, existing.id, {
      updatedAt: this.deps.clock.now(),
      wabaId: input.wabaId,
      displayPhoneNumber: input.displayPhoneNumber,
      graphBaseUrl: normalizeBaseUrl(input.graphBaseUrl),
      credentialsSealed: sealCredentials(this.deps.secretBox, { tenantId: existing.tenantId, channelId: existing.id }, input),
    });
    return this.getChannel(existing.tenantId, existing.id);
  }

  private async getRecord(tenantId: string, id: string): Promise<ChannelRecord> {
    const record = await this.deps.repository.findById(tenantId, id);
    if (!record) throw channelNotFound(id);
    return record;
  }

  private open(record: ChannelRecord): ChannelCredentials {
    return openCredentials(this.deps.secretBox, { tenantId: record.tenantId, channelId: record.id }, record.credentialsSealed);
  }

  /** Listing must not fail because one channel's credentials are unreadable; that one is logged. */
  private tryOpen(record: ChannelRecord): ChannelCredentials | undefined {
    try {
      return this.open(record);
    } catch (error) {
      this.deps.logger.error({ err: error, channelId: record.id }, 'channel credentials unreadable');
      return undefined;
    }
  }

  private resealed(record: ChannelRecord, patch: UpdateChannelInput): string {
    const current = this.open(record);
    const next: ChannelCredentials = {
      accessToken: patch.accessToken ?? current.accessToken,
      appSecret: patch.appSecret ?? current.appSecret,
      webhookVerifyToken: patch.webhookVerifyToken ?? current.webhookVerifyToken,
    };
    return sealCredentials(this.deps.secretBox, { tenantId: record.tenantId, channelId: record.id }, next);
  }

  private toChannel(record: ChannelRecord): Channel {
    const { credentialsSealed: _sealed, ...rest } = record;
    const credentials = this.tryOpen(record);
    return { ...rest, accessTokenHint: credentials ? accessTokenHint(credentials.accessToken) : '(unreadable)' };
  }
}

function hasCredentialChange(patch: UpdateChannelInput): boolean {
  return patch.accessToken !== undefined || patch.appSecret !== undefined || patch.webhookVerifyToken !== undefined;
}

/**
 * The service is also called without HTTP (sandbox bootstrap), so it checks URLs itself: http(s)
 * only (the base URL receives access tokens), stored without a trailing slash.
 */
function normalizeBaseUrl<T extends string | null | undefined>(url: T): T {
  if (url === undefined || url === null) return url;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw channelInvalid('graphBaseUrl must be a valid http(s) URL');
  return url.replace(/\/+$/, '') as T;
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
