import { randomBytes } from 'node:crypto';
import { newId } from '../../src/core/ids.js';
import { toDbJson, toDbTime } from '../../src/db/column-types.js';
import type { TestHub } from './start-test-hub.js';

export type SeededMessage = { id: string; wamid: string };

const CHUNK = 200;

/**
 * Outbound messages that WhatsApp already accepted (status `sent`, a wamid, no send job), written
 * straight into the database: the state status webhooks find them in. Setting up 1,000 of them
 * through the API would measure the send pipeline instead of the webhook intake under test.
 */
export async function seedSentMessages(hub: TestHub, opts: { count: number; waId: string }): Promise<SeededMessage[]> {
  const { channelId } = hub.sandbox ?? {};
  if (!channelId) throw new Error('the hub has no sandbox channel');
  const now = new Date();
  const contact = await hub.container.contacts.upsert({ tenantId: hub.tenantId, waId: opts.waId, now });
  const conversation = await hub.container.conversations.touch({
    tenantId: hub.tenantId, channelId, contactId: contact.id, now, messageAt: now, preview: 'seeded', inbound: false,
  });
  const seeded = Array.from({ length: opts.count }, () => ({ id: newId(), wamid: `wamid.seed-${randomBytes(16).toString('hex')}` }));
  const at = toDbTime(now);
  await hub.container.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < seeded.length; i += CHUNK) {
      await trx.insertInto('messages').values(seeded.slice(i, i + CHUNK).map((m) => ({
        id: m.id,
        tenant_id: hub.tenantId,
        channel_id: channelId,
        conversation_id: conversation.id,
        contact_id: contact.id,
        contact_wa_id: opts.waId,
        direction: 'outbound',
        type: 'template',
        content: toDbJson({ name: 'hello_world', language: { code: 'en_US' } }),
        status: 'sent',
        wamid: m.wamid,
        reply_to_wamid: null,
        idempotency_key: null,
        error: null,
        pricing: null,
        send_attempts: 1,
        provider_timestamp: null,
        created_at: at,
        updated_at: at,
      }))).execute();
    }
  });
  return seeded;
}
