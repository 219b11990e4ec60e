import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { EmulatorContext } from '../context.js';
import type { Delivery } from '../state/types.js';
import { parseBody } from './parse-body.js';

const ClockBody = Type.Object({ advanceMs: Type.Integer({ minimum: 0 }) });
const ResetBody = Type.Object({ keepPhoneNumbers: Type.Optional(Type.Boolean()) });

type DeliveriesQuery = { phoneNumberId?: string; kind?: string; state?: string };

/** The body is parsed back so tests can read it; `rawBody` is exactly what was POSTed and signed. */
function toView(delivery: Delivery): Record<string, unknown> {
  return { ...delivery, body: JSON.parse(delivery.rawBody) as unknown };
}

/** Clock, reset and the webhook delivery log. `reset` is given by the app (it re-seeds). */
export function stateControlRoutes(ctx: EmulatorContext, reset: (keepPhoneNumbers: boolean) => void): FastifyPluginAsync {
  return async (app) => {
    app.post('/_emulator/clock', async (request) => {
      ctx.clock.advance(parseBody(ClockBody, request.body).advanceMs);
      return { now: ctx.clock.now().toISOString() };
    });
    app.get('/_emulator/clock', async () => ({ now: ctx.clock.now().toISOString() }));
    app.post('/_emulator/reset', async (request) => {
      const body = parseBody(ResetBody, request.body ?? {});
      reset(body.keepPhoneNumbers ?? false);
      return { ok: true };
    });
    app.get<{ Querystring: DeliveriesQuery }>('/_emulator/deliveries', async (request) => {
      const { phoneNumberId, kind, state } = request.query;
      const deliveries = ctx.store.deliveries.filter((d) =>
        (!phoneNumberId || d.phoneNumberId === phoneNumberId) && (!kind || d.kind === kind) && (!state || d.state === state));
      return { deliveries: deliveries.map(toView) };
    });
  };
}
