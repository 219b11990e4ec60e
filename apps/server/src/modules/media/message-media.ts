import type { DbExecutor } from '../../db/database.js';
import { findMediaForMessages, type MediaRecord, type MediaStatus } from './media.repository.js';

/** What a message view shows of its medium (the contract's `MessageMedia`). */
export type MessageMediaInfo = {
  id: string;
  status: MediaStatus;
  mimeType: string | null;
  fileName: string | null;
  size: number | null;
};

/** One message whose medium is wanted: inbound media are linked by message id, outbound by the id it was sent with. */
export type MessageMediaRef = {
  messageId: string;
  channelId: string;
  direction: 'inbound' | 'outbound';
  /** `content.id` of an outbound media message (our upload's provider media id). */
  providerMediaId?: string | undefined;
};

/** The stored medium of each message that has one, keyed by message id; one query for the whole page. */
export async function findMessageMedia(db: DbExecutor, tenantId: string, refs: MessageMediaRef[]): Promise<Map<string, MessageMediaInfo>> {
  const byMessage = new Map<string, MessageMediaInfo>();
  const outbound = refs.filter((r) => r.direction === 'outbound' && r.providerMediaId !== undefined);
  const rows = await findMediaForMessages(db, tenantId, {
    messageIds: refs.filter((r) => r.direction === 'inbound').map((r) => r.messageId),
    providerMediaIds: [...new Set(outbound.map((r) => r.providerMediaId as string))],
  });
  const uploads = new Map<string, MediaRecord>();
  for (const row of rows) {
    if (row.direction === 'inbound' && row.messageId !== null) byMessage.set(row.messageId, toInfo(row));
    // Provider media ids are per phone number: match the channel too.
    if (row.direction === 'outbound' && row.providerMediaId !== null) uploads.set(`${row.channelId}\n${row.providerMediaId}`, row);
  }
  for (const ref of outbound) {
    const upload = uploads.get(`${ref.channelId}\n${ref.providerMediaId ?? ''}`);
    if (upload !== undefined) byMessage.set(ref.messageId, toInfo(upload));
  }
  return byMessage;
}

function toInfo(media: MediaRecord): MessageMediaInfo {
  return { id: media.id, status: media.status, mimeType: media.mimeType, fileName: media.filename, size: media.fileSize };
}
