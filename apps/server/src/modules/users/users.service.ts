import { DEFAULT_PAGE_LIMIT, type UserRole } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Logger } from '../../core/logger.js';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import { normalizeEmail } from './auth.service.js';
import { hashPassword } from './password-hash.js';
import type { SessionsRepository } from './sessions.repository.js';
import type { UserChanges, UsersRepository } from './users.repository.js';
import { userSearchTerms } from './user-search.js';
import { lastAdmin, selfDeactivation, userEmailTaken, userNotFound } from './users.errors.js';
import type { ListUsersRequest, Page, User } from './users.types.js';

export type UsersServiceOptions = { users: UsersRepository; sessions: SessionsRepository; clock: Clock; logger: Logger };
export type CreateUserInput = { tenantId: string; email: string; name: string; password: string; role: UserRole };
export type UpdateUserInput = { name?: string | undefined; role?: UserRole | undefined; password?: string | undefined; active?: boolean | undefined };
/** Who makes a change: an admin changing their own password stays signed in; nobody deactivates themselves. */
export type UserActor = { sessionId?: string | undefined; userId?: string | undefined };

/** Users of a tenant (the admin's settings page). Another tenant's user is "not found". */
export class UsersService {
  constructor(private readonly opts: UsersServiceOptions) {}

  async createUser(input: CreateUserInput): Promise<User> {
    const now = this.opts.clock.now();
    const user: User = {
      id: newId(), tenantId: input.tenantId, email: normalizeEmail(input.email), name: input.name, role: input.role,
      createdAt: now, updatedAt: now, lastLoginAt: null, deactivatedAt: null,
    };
    const inserted = await this.opts.users.insertIfEmailFree({ ...user, passwordHash: await hashPassword(input.password) });
    if (!inserted) throw userEmailTaken();
    this.opts.logger.info({ userId: user.id, tenantId: user.tenantId, role: user.role }, 'user created');
    return user;
  }

  /**
   * A keyset page of the tenant's users, narrowed by `q` (every word in the name or e-mail, any case
   * or accent), role and status. The cursor is the last id, so it stays valid whatever the filters.
   */
  async listUsers(tenantId: string, request: ListUsersRequest = {}): Promise<Page<User>> {
    const limit = request.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(request.cursor, ['id']);
    const rows = await this.opts.users.list(tenantId, {
      limit: limit + 1, afterId: after?.id, terms: userSearchTerms(request.q), role: request.role, status: request.status,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  async getUser(tenantId: string, id: string): Promise<User> {
    const user = await this.opts.users.findById(tenantId, id);
    if (!user) throw userNotFound(id);
    return user;
  }

  /**
   * Renames, changes the role, sets a new password, deactivates or reactivates. A new password signs
   * the user out everywhere except the actor's own session; deactivating signs them out everywhere.
   */
  async updateUser(tenantId: string, id: string, input: UpdateUserInput, actor: UserActor = {}): Promise<User> {
    const user = await this.getUser(tenantId, id);
    const deactivating = input.active === false && user.deactivatedAt === null;
    if (deactivating && actor.userId === id) throw selfDeactivation();
    const losesAdmin = (input.role !== undefined && input.role !== 'admin') || deactivating;
    if (user.role === 'admin' && user.deactivatedAt === null && losesAdmin) await this.refuseIfLastAdmin(tenantId);
    const now = this.opts.clock.now();
    const changes: UserChanges = {
      updatedAt: now,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.role === undefined ? {} : { role: input.role }),
      ...(input.password === undefined ? {} : { passwordHash: await hashPassword(input.password) }),
      ...(input.active === undefined ? {} : { deactivatedAt: input.active ? null : (user.deactivatedAt ?? now) }),
    };
    await this.opts.users.update(tenantId, id, changes);
    if (deactivating) await this.opts.sessions.revokeAllOfUser(id, now);
    else if (input.password !== undefined) await this.opts.sessions.revokeAllOfUser(id, now, actor.sessionId);
    this.opts.logger.info({ userId: id, tenantId, fields: Object.keys(input) }, 'user updated');
    return this.getUser(tenantId, id);
  }

  /** Deletes the user; their sessions go with them (foreign key cascade). */
  async deleteUser(tenantId: string, id: string): Promise<void> {
    const user = await this.getUser(tenantId, id);
    if (user.role === 'admin' && user.deactivatedAt === null) await this.refuseIfLastAdmin(tenantId);
    await this.opts.users.delete(tenantId, id);
    this.opts.logger.info({ userId: id, tenantId }, 'user deleted');
  }

  /**
   * AUTH_BOOTSTRAP_ADMIN_EMAIL/PASSWORD: creates that admin in `tenantId` unless the address is
   * taken. An existing user is left as it is — its password may have been changed on purpose.
   */
  async ensureBootstrapAdmin(input: { tenantId: string; email: string; password: string }): Promise<User> {
    const email = normalizeEmail(input.email);
    const existing = await this.opts.users.findByEmail(email);
    if (existing) {
      if (existing.role !== 'admin' || existing.tenantId !== input.tenantId) {
        this.opts.logger.warn({ userId: existing.id }, 'AUTH_BOOTSTRAP_ADMIN_EMAIL belongs to a user who is not an admin of the default tenant; left unchanged');
      }
      const { passwordHash: _hash, ...user } = existing;
      return user;
    }
    try {
      return await this.createUser({ tenantId: input.tenantId, email, name: 'Administrator', password: input.password, role: 'admin' });
    } catch (error) {
      // Another process (api + worker start together) created it first: that is the same outcome.
      const raced = await this.opts.users.findByEmail(email);
      if (!raced) throw error;
      const { passwordHash: _hash, ...user } = raced;
      return user;
    }
  }

  private async refuseIfLastAdmin(tenantId: string): Promise<void> {
    if ((await this.opts.users.countAdmins(tenantId)) <= 1) throw lastAdmin();
  }
}
