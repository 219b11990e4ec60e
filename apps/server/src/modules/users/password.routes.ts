import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpErrorCode } from '@valeo/contracts';
import { AppError } from '../../core/errors/app-error.js';
import { errorResponses } from '../../http/error-responses.js';
import { authOf } from '../../http/plugins/auth.plugin.js';
import type { AuthService } from './auth.service.js';
import { ChangePasswordRequest } from './users.schemas.js';

/** `POST /auth/password`: every signed-in user changes their own password (the settings page). */
export function passwordRoutes(service: AuthService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    r.post('/auth/password', {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (other sessions end; this one stays)',
        body: ChangePasswordRequest,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 422, 429) },
      },
    }, async (request, reply) => {
      const auth = authOf(request);
      if (auth.userId === undefined || auth.sessionId === undefined) {
        throw new AppError({ code: HttpErrorCode.FORBIDDEN, httpStatus: 403, message: 'Only a signed-in user has a password; API keys do not.' });
      }
      await service.changeOwnPassword({
        tenantId: auth.tenantId, userId: auth.userId, sessionId: auth.sessionId,
        currentPassword: request.body.currentPassword, newPassword: request.body.newPassword,
      });
      return reply.status(204).send(null);
    });
  };
}
