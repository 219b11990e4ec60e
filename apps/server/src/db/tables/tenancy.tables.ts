import type { BoolInt, Json, NullableTimestamp, Timestamp } from '../column-types.js';

/** Tables of migration 0002-tenancy: tenants, their API keys and their channels. */
export interface TenantsTable {
  id: string;
  name: string;
  slug: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  name: string;
  /** Non-secret display id (`vhub_<prefix>_…`). */
  prefix: string;
  /** SHA-256 hex of the full key; the key itself is never stored. */
  key_hash: string;
  /** string[] of scopes. */
  scopes: Json;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface ChannelsTable {
  id: string;
  tenant_id: string;
  name: string;
  provider: string;
  /** Unique across tenants: inbound webhooks are routed by it. */
  phone_number_id: string;
  waba_id: string;
  display_phone_number: string;
  /** null = the server default (WA_GRAPH_BASE_URL). */
  graph_base_url: string | null;
  /** null = the server default (WA_GRAPH_API_VERSION). */
  graph_api_version: string | null;
  sandbox: BoolInt;
  /** SecretBox-sealed JSON { accessToken, appSecret, webhookVerifyToken }. */
  credentials_sealed: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TenancyTables {
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  channels: ChannelsTable;
}
