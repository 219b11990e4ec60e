import type { FastifyPluginAsync } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { FaultsInput } from '../faults.js';
import { parseBody } from './parse-body.js';

/** `POST /_emulator/faults` merges fault switches, `GET` shows them, `DELETE` clears them all. */
export function faultsControlRoutes(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.post('/_emulator/faults', async (request) => {
      ctx.faults.configure(parseBody(FaultsInput, request.body ?? {}));
      return { faults: ctx.faults.snapshot() };
    });
    app.get('/_emulator/faults', async () => ({ faults: ctx.faults.snapshot() }));
    app.delete('/_emulator/faults', async () => {
      ctx.faults.clear();
      return { faults: ctx.faults.snapshot() };
    });
  };
}
