import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { TenantsRepository } from './tenants.repository.js';
import { tenantNotFound, tenantSlugTaken } from './tenants.errors.js';
import type { Tenant } from './tenants.types.js';

export const DEFAULT_TENANT_SLUG = 'default';

export class TenantsService {
  constructor(private readonly deps: { repository: TenantsRepository; clock: Clock }) {}

  /** The tenant a single-company install runs as. Idempotent and safe to race (api + worker start together). */
  async ensureDefaultTenant(): Promise<Tenant> {
    return (await this.insert('Default', DEFAULT_TENANT_SLUG)).tenant;
  }

  async createTenant(input: { name: string; slug: string }): Promise<Tenant> {
    const { tenant, created } = await this.insert(input.name, input.slug);
    if (!created) throw tenantSlugTaken(input.slug);
    return tenant;
  }

  async getTenant(id: string): Promise<Tenant> {
    const tenant = await this.deps.repository.findById(id);
    if (!tenant) throw tenantNotFound(id);
    return tenant;
  }

  private async insert(name: string, slug: string): Promise<{ tenant: Tenant; created: boolean }> {
    const now = this.deps.clock.now();
    const candidate: Tenant = { id: newId(), name, slug, createdAt: now, updatedAt: now };
    await this.deps.repository.insertIfSlugFree(candidate);
    const tenant = await this.deps.repository.findBySlug(slug);
    if (!tenant) throw new Error(`tenant "${slug}" vanished right after insert`);
    return { tenant, created: tenant.id === candidate.id };
  }
}
