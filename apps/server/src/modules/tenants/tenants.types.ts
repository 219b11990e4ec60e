import type { ApiKeyScope } from '@valeo/contracts';

export type Tenant = {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  updatedAt: Date;
};

/** An API key without its secret: what listing shows. */
export type ApiKeyInfo = {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Who a valid API key speaks for. Structurally the HTTP layer's `AuthContext`. */
export type ApiKeyPrincipal = {
  tenantId: string;
  apiKeyId: string;
  scopes: readonly ApiKeyScope[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageRequest = { limit?: number | undefined; cursor?: string | undefined };
