import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import { toWaId } from '../ids.js';
import { DEFAULT_REPLY_DELAY_MS, PERSONA_SCRIPTS } from '../personas.js';
import { personaKey } from '../state/emulator-store.js';
import type { Persona } from '../state/types.js';
import { parseBody } from './parse-body.js';

const PersonaBody = Type.Object({
  /** Omit (or null) for a persona that answers on every business number. */
  phoneNumberId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
  waId: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  script: Type.Union(PERSONA_SCRIPTS.map((s) => Type.Literal(s))),
  replyDelayMs: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** Simulated customers: `POST /_emulator/personas` (upsert), `GET`, `DELETE /_emulator/personas/:waId`. */
export function personasControlRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/_emulator/personas', async (request) => {
      const body = parseBody(PersonaBody, request.body);
      const persona: Persona = {
        phoneNumberId: body.phoneNumberId ?? null,
        waId: toWaId(body.waId),
        name: body.name,
        script: body.script,
        replyDelayMs: body.replyDelayMs ?? DEFAULT_REPLY_DELAY_MS,
      };
      ctx.store.savePersona(persona);
      return { persona };
    });
    app.get('/_emulator/personas', async () => ({ personas: [...ctx.store.personas.values()] }));
    app.delete<{ Params: { waId: string }; Querystring: { phoneNumberId?: string } }>('/_emulator/personas/:waId', async (request) => {
      const removed = ctx.store.personas.delete(personaKey(request.query.phoneNumberId ?? null, toWaId(request.params.waId)));
      return { removed };
    });
  };
}
