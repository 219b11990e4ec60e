import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth.routes.js';
import { passwordRoutes } from './password.routes.js';
import type { AuthService } from './auth.service.js';
import type { SessionCookieOptions } from './session-cookie.js';
import { usersRoutes } from './users.routes.js';
import type { UsersService } from './users.service.js';

/** The module's routes under /api/v1: /auth/* (with the own password change) and /users. */
export function usersApiRoutes(auth: AuthService, users: UsersService, cookie: SessionCookieOptions): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(auth, cookie));
    await app.register(passwordRoutes(auth));
    await app.register(usersRoutes(users));
  };
}
