import type { FastifyReply } from 'fastify';

/**
 * Waits `ms`, but stops early when the client goes away (a timed-out client must not keep the
 * emulator busy, and app.close() must not wait for a held response).
 */
export function holdResponse(reply: FastifyReply, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      reply.raw.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    reply.raw.on('close', done);
  });
}
