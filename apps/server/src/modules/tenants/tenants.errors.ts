import { conflict, notFound, type AppError } from '../../core/errors/app-error.js';

export const TenantErrorCode = {
  TENANT_NOT_FOUND: 'TENANT_NOT_FOUND',
  TENANT_SLUG_TAKEN: 'TENANT_SLUG_TAKEN',
  API_KEY_NOT_FOUND: 'API_KEY_NOT_FOUND',
} as const;

export function tenantNotFound(id: string): AppError {
  return notFound(TenantErrorCode.TENANT_NOT_FOUND, `Tenant ${id} not found`);
}

export function tenantSlugTaken(slug: string): AppError {
  return conflict(TenantErrorCode.TENANT_SLUG_TAKEN, `A tenant with slug "${slug}" already exists`);
}

export function apiKeyNotFound(id: string): AppError {
  return notFound(TenantErrorCode.API_KEY_NOT_FOUND, `API key ${id} not found`);
}
