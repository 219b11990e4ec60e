import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import { toDbTime } from '../../src/db/column-types.js';
import { newId } from '../../src/core/ids.js';
import type { ChannelContext } from '../../src/providers/messaging-provider.js';

/**
 * Inserts a tenant and a channel row directly (no HTTP, no encryption), for module tests that
 * need the foreign keys but not the channels module. Returns the channel's provider context.
 */
export async function makeTenantWithChannel(db: Db, overrides: Partial<ChannelContext> = {}): Promise<{ tenantId: string; channel: ChannelContext }> {
  const tenantId = newId();
  const now = toDbTime(new Date());
  await db.insertInto('tenants').values({ id: tenantId, name: 'Test GmbH', slug: `t-${randomBytes(4).toString('hex')}`, created_at: now, updated_at: now }).execute();
  const channel: ChannelContext = {
    channelId: newId(),
    phoneNumberId: String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
    wabaId: '200000000000001',
    accessToken: 'test-token',
    appSecret: 'test-app-secret',
    graphBaseUrl: 'http://127.0.0.1:9',
    graphApiVersion: 'v24.0',
    ...overrides,
  };
  await db
    .insertInto('channels')
    .values({
      id: channel.channelId,
      tenant_id: tenantId,
      name: 'Test channel',
      provider: 'cloud-api',
      phone_number_id: channel.phoneNumberId,
      waba_id: channel.wabaId,
      display_phone_number: '+49 30 1234567',
      graph_base_url: channel.graphBaseUrl,
      graph_api_version: channel.graphApiVersion,
      sandbox: 0,
      credentials_sealed: 'not-used-in-module-tests',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { tenantId, channel };
}
