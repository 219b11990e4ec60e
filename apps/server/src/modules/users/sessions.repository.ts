import type { UserRole } from '@valeo/contracts';
import { toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';
import type { User } from './users.types.js';

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

export type NewSession = { id: string; tenantId: string; userId: string; tokenHash: string; createdAt: Date; expiresAt: Date };
export type ActiveSession = { sessionId: string; user: Pick<User, 'id' | 'tenantId' | 'email' | 'name' | 'role'> };

export function createSessionsRepository(db: DbExecutor) {
  return {
    async insert(session: NewSession): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          id: session.id, tenant_id: session.tenantId, user_id: session.userId, token_hash: session.tokenHash,
          created_at: toDbTime(session.createdAt), expires_at: toDbTime(session.expiresAt), revoked_at: null,
        })
        .execute();
    },

    /** The live session with this token hash and its user as of now (role changes apply at once). */
    async findActive(tokenHash: string, now: Date): Promise<ActiveSession | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.id as session_id', 'users.id', 'users.tenant_id', 'users.email', 'users.name', 'users.role'])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', toDbTime(now))
        // A deactivated user's sessions are revoked too; this keeps a race from reviving one.
        .where('users.deactivated_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        sessionId: row.session_id,
        user: { id: row.id, tenantId: row.tenant_id, email: row.email, name: row.name, role: row.role as UserRole },
      };
    },

    async revokeByTokenHash(tokenHash: string, at: Date): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: toDbTime(at) }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
    },

    /** Signs a user out everywhere, optionally except the session making the change. */
    async revokeAllOfUser(userId: string, at: Date, exceptSessionId?: string): Promise<void> {
      let query = db.updateTable('sessions').set({ revoked_at: toDbTime(at) }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
      await query.execute();
    },

    /** Deletes sessions that expired before `before` (revoked ones expire too, so they go as well). */
    async purgeExpired(before: Date): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', toDbTime(before)).execute();
    },
  };
}
