import type { Selectable, Updateable } from 'kysely';
import { fromDbBool, fromDbTime, toDbBool, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';
import type { ChannelsTable } from '../../db/tables/tenancy.tables.js';
import type { Channel } from './channels.types.js';

/** A channel row with its credentials still sealed; only the service opens them. */
export type ChannelRecord = Omit<Channel, 'accessTokenHint'> & { credentialsSealed: string };

type PatchableField = 'name' | 'wabaId' | 'displayPhoneNumber' | 'graphBaseUrl' | 'graphApiVersion' | 'credentialsSealed';
/** Fields left undefined are not changed; `null` clears a nullable field. */
export type ChannelRecordPatch = { [K in PatchableField]?: ChannelRecord[K] | undefined } & { updatedAt: Date };

export type ChannelsRepository = ReturnType<typeof createChannelsRepository>;

export function createChannelsRepository(db: DbExecutor) {
  const select = () => db.selectFrom('channels').selectAll();
  return {
    async insert(record: ChannelRecord): Promise<void> {
      await db.insertInto('channels').values(toRow(record)).execute();
    },

    async findById(tenantId: string, id: string): Promise<ChannelRecord | undefined> {
      const row = await select().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    async findByPhoneNumberId(phoneNumberId: string): Promise<ChannelRecord | undefined> {
      const row = await select().where('phone_number_id', '=', phoneNumberId).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Webhook routing of account-level fields, which carry only the WABA id. */
    async findByWabaId(wabaId: string): Promise<ChannelRecord[]> {
      return (await select().where('waba_id', '=', wabaId).orderBy('id').execute()).map(toRecord);
    },

    /** Webhook routing by the per-channel callback URL: no tenant is known yet. */
    async findByIdAnyTenant(id: string): Promise<ChannelRecord | undefined> {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Keyset page ordered by id (UUIDv7 = creation order). */
    async list(tenantId: string, opts: { limit: number; afterId?: string | undefined }): Promise<ChannelRecord[]> {
      let query = select().where('tenant_id', '=', tenantId);
      if (opts.afterId) query = query.where('id', '>', opts.afterId);
      return (await query.orderBy('id').limit(opts.limit).execute()).map(toRecord);
    },

    /** Every channel of every tenant, for the rare webhook handshake lookup. */
    async listAll(): Promise<ChannelRecord[]> {
      return (await select().orderBy('id').execute()).map(toRecord);
    },

    async update(tenantId: string, id: string, patch: ChannelRecordPatch): Promise<void> {
      const set: Updateable<ChannelsTable> = { updated_at: toDbTime(patch.updatedAt) };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.wabaId !== undefined) set.waba_id = patch.wabaId;
      if (patch.displayPhoneNumber !== undefined) set.display_phone_number = patch.displayPhoneNumber;
      if (patch.graphBaseUrl !== undefined) set.graph_base_url = patch.graphBaseUrl;
      if (patch.graphApiVersion !== undefined) set.graph_api_version = patch.graphApiVersion;
      if (patch.credentialsSealed !== undefined) set.credentials_sealed = patch.credentialsSealed;
      await db.updateTable('channels').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    },

    async delete(tenantId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('channels').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function toRow(r: ChannelRecord) {
  return {
    id: r.id, tenant_id: r.tenantId, name: r.name, provider: r.provider, phone_number_id: r.phoneNumberId,
    waba_id: r.wabaId, display_phone_number: r.displayPhoneNumber, graph_base_url: r.graphBaseUrl,
    graph_api_version: r.graphApiVersion, sandbox: toDbBool(r.sandbox), credentials_sealed: r.credentialsSealed,
    created_at: toDbTime(r.createdAt), updated_at: toDbTime(r.updatedAt),
  };
}

function toRecord(row: Selectable<ChannelsTable>): ChannelRecord {
  return {
    id: row.id, tenantId: row.tenant_id, name: row.name, provider: row.provider as ChannelRecord['provider'],
    phoneNumberId: row.phone_number_id, wabaId: row.waba_id, displayPhoneNumber: row.display_phone_number,
    graphBaseUrl: row.graph_base_url, graphApiVersion: row.graph_api_version, sandbox: fromDbBool(row.sandbox),
    credentialsSealed: row.credentials_sealed, createdAt: fromDbTime(row.created_at), updatedAt: fromDbTime(row.updated_at),
  };
}

export { isUniqueViolation } from '../../db/unique-violation.js';
