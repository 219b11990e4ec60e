import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Logger } from '../core/logger.js';

/** One dependency the process needs to serve traffic (database ping, queue connection, …). */
export type ReadinessCheck = {
  name: string;
  /** Resolves when healthy; rejects (or exceeds the timeout) when not. */
  check(): Promise<void>;
};

export const READINESS_TIMEOUT_MS = 2_000;

const CheckResults = Type.Record(Type.String(), Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('timeout')]));
const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: CheckResults,
  failed: Type.Array(Type.String()),
});

/**
 * `/healthz` answers whenever the process can answer at all (liveness: restart me if not).
 * `/readyz` answers 200 only when every readiness check passes (route traffic to me), else 503
 * naming the failed checks. Error texts go to the log, not the response: these routes are public.
 */
export function registerHealthRoutes(app: FastifyInstance, checks: readonly ReadinessCheck[], log: Logger): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/healthz', {
    schema: { tags: ['ops'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  r.get('/readyz', {
    schema: { tags: ['ops'], summary: 'Readiness: every dependency reachable', response: { 200: ReadyResponse, 503: ReadyResponse } },
  }, async (_request, reply) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c, log)] as const));
    const failed = results.filter(([, r]) => r !== 'ok').map(([name]) => name);
    return reply.status(failed.length === 0 ? 200 : 503).send({
      status: failed.length === 0 ? 'ok' : 'unavailable',
      checks: Object.fromEntries(results),
      failed,
    });
  });
}

async function runCheck(check: ReadinessCheck, log: Logger): Promise<'ok' | 'failed' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([check.check().then(() => 'ok' as const), timeout]);
    if (result === 'timeout') log.warn({ check: check.name }, 'readiness check timed out');
    return result;
  } catch (error) {
    log.warn({ check: check.name, err: error }, 'readiness check failed');
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}
