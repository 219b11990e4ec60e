import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, toDbTime } from '../../db/column-types.js';
import type { MediaTable } from '../../db/tables/messaging.tables.js';

export type MediaStatus = 'pending' | 'stored' | 'failed' | 'rejected' | 'uploaded';
export type MediaDirection = 'inbound' | 'outbound';

export type MediaRecord = {
  id: string;
  tenantId: string;
  channelId: string;
  messageId: string | null;
  direction: MediaDirection;
  providerMediaId: string | null;
  mimeType: string | null;
  fileSize: number | null;
  sha256: string | null;
  filename: string | null;
  storageKey: string | null;
  status: MediaStatus;
  /** Why a medium was rejected or failed. */
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NewMedia = Omit<MediaRecord, 'createdAt' | 'updatedAt'>;

export async function insertMedia(db: DbExecutor, media: NewMedia, now: Date): Promise<MediaRecord> {
  const at = toDbTime(now);
  const row = await db
    .insertInto('media')
    .values({
      id: media.id,
      tenant_id: media.tenantId,
      channel_id: media.channelId,
      message_id: media.messageId,
      direction: media.direction,
      provider_media_id: media.providerMediaId,
      mime_type: media.mimeType,
      file_size: media.fileSize,
      sha256: media.sha256,
      filename: media.filename,
      storage_key: media.storageKey,
      status: media.status,
      error: media.error,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMedia(row);
}

/** Tenant-scoped read: another tenant's id finds nothing (API1 BOLA). */
export async function findMediaForTenant(db: DbExecutor, tenantId: string, id: string): Promise<MediaRecord | undefined> {
  const row = await db.selectFrom('media').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toMedia(row) : undefined;
}

/** The inbound medium already registered for this provider media id on this channel, if any. */
export async function findInboundByProviderId(db: DbExecutor, channelId: string, providerMediaId: string): Promise<MediaRecord | undefined> {
  const row = await db
    .selectFrom('media')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('provider_media_id', '=', providerMediaId)
    .where('direction', '=', 'inbound')
    .executeTakeFirst();
  return row ? toMedia(row) : undefined;
}

/**
 * The media of these messages: rows linked by `message_id` (inbound), and outbound uploads by the
 * provider media id the message was sent with (one upload may be sent more than once). Tenant-scoped.
 */
export async function findMediaForMessages(
  db: DbExecutor,
  tenantId: string,
  refs: { messageIds: string[]; providerMediaIds: string[] },
): Promise<MediaRecord[]> {
  if (refs.messageIds.length === 0 && refs.providerMediaIds.length === 0) return [];
  const rows = await db
    .selectFrom('media')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([
      ...(refs.messageIds.length > 0 ? [eb('message_id', 'in', refs.messageIds)] : []),
      ...(refs.providerMediaIds.length > 0
        ? [eb.and([eb('direction', '=', 'outbound'), eb('provider_media_id', 'in', refs.providerMediaIds)])]
        : []),
    ]))
    .execute();
  return rows.map(toMedia);
}

export type MediaUpdate = Partial<Pick<MediaRecord, 'status' | 'error' | 'mimeType' | 'fileSize' | 'sha256' | 'storageKey'>>;

export async function updateMedia(db: DbExecutor, id: string, update: MediaUpdate, now: Date): Promise<void> {
  await db
    .updateTable('media')
    .set({
      updated_at: toDbTime(now),
      ...(update.status === undefined ? {} : { status: update.status }),
      ...(update.error === undefined ? {} : { error: update.error }),
      ...(update.mimeType === undefined ? {} : { mime_type: update.mimeType }),
      ...(update.fileSize === undefined ? {} : { file_size: update.fileSize }),
      ...(update.sha256 === undefined ? {} : { sha256: update.sha256 }),
      ...(update.storageKey === undefined ? {} : { storage_key: update.storageKey }),
    })
    .where('id', '=', id)
    .execute();
}

function toMedia(row: Selectable<MediaTable>): MediaRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    direction: row.direction as MediaDirection,
    providerMediaId: row.provider_media_id,
    mimeType: row.mime_type,
    fileSize: row.file_size === null ? null : Number(row.file_size),
    sha256: row.sha256,
    filename: row.filename,
    storageKey: row.storage_key,
    status: row.status as MediaStatus,
    error: row.error,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}
