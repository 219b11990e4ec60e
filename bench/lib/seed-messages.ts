import { newId } from '../../apps/server/src/core/ids.js';
import type { Db } from '../../apps/server/src/db/database.js';

/**
 * Tops up the outbound messages that status webhooks can update, so the webhook figures do not
 * depend on how many messages the send benchmark managed to push. Each new row is a copy of a
 * message the pipeline really sent (same tenant, channel, conversation, contact and content) with
 * its own id and wamid, in the state the pipeline leaves it: status `sent`, history `queued` → `sent`.
 */
const CHUNK = 500;

type Template = {
  tenant_id: string;
  channel_id: string;
  conversation_id: string;
  contact_id: string;
  contact_wa_id: string;
  type: string;
  content: unknown;
};

export async function seedSentMessages(db: Db, opts: { count: number; now: Date }): Promise<number> {
  if (opts.count <= 0) return 0;
  const templates: Template[] = await db
    .selectFrom('messages')
    .select(['tenant_id', 'channel_id', 'conversation_id', 'contact_id', 'contact_wa_id', 'type', 'content'])
    .where('direction', '=', 'outbound')
    .where('status', '=', 'sent')
    .limit(10_000)
    .execute();
  if (templates.length === 0) throw new Error('no sent message to copy; run the send pipeline first');
  const at = opts.now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < opts.count; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, opts.count - start) }, (_, i) => {
        const template = templates[(start + i) % templates.length] as Template;
        return toMessageRow(template, { id: newId(), sequence: start + i, at });
      });
      await trx.insertInto('messages').values(rows).execute();
      const history = rows.flatMap((row) => (['queued', 'sent'] as const).map((status) => ({ id: newId(), message_id: row.id, status, at, error: null })));
      await trx.insertInto('message_statuses').values(history).execute();
    }
  });
  return opts.count;
}

function toMessageRow(template: Template, opts: { id: string; sequence: number; at: string }) {
  return {
    id: opts.id,
    tenant_id: template.tenant_id,
    channel_id: template.channel_id,
    conversation_id: template.conversation_id,
    contact_id: template.contact_id,
    contact_wa_id: template.contact_wa_id,
    direction: 'outbound',
    type: template.type,
    content: typeof template.content === 'string' ? template.content : JSON.stringify(template.content),
    status: 'sent',
    wamid: benchWamid(template.contact_wa_id, opts.sequence),
    reply_to_wamid: null,
    idempotency_key: null,
    error: null,
    pricing: null,
    send_attempts: 1,
    provider_timestamp: null,
    created_at: opts.at,
    updated_at: opts.at,
  };
}

/** Meta's wamid shape (base64 of a small record holding the wa_id and an 18-hex-digit id), unique per sequence. */
export function benchWamid(waId: string, sequence: number): string {
  const digits = Buffer.from(waId.replace(/\D/g, ''), 'ascii');
  const hexId = `BE${sequence.toString(16).toUpperCase().padStart(16, '0')}`;
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    digits,
    Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, hexId.length]),
    Buffer.from(hexId, 'ascii'),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}
