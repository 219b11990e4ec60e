import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { REALTIME_EVENT_NAMES } from '@valeo/contracts';
import { errorResponses } from '../../http/error-responses.js';
import { authOf, hasScope, requireScope } from '../../http/plugins/auth.plugin.js';
import type { RealtimeHub } from './realtime-hub.js';
import { sseComment, sseEvent, sseRetry } from './sse-format.js';

export type RealtimeStreamOptions = {
  /** Comment line interval. @defaultValue 15 000 */
  heartbeatMs: number;
  /** `retry:` sent to the browser. @defaultValue 2 000 */
  retryMs: number;
  /** A client that lets this much pile up unread is cut off (it reconnects and refetches). @defaultValue 1 MiB */
  maxBufferedBytes: number;
};

const tags = ['realtime'];

/**
 * `GET /events`: the caller's tenant's events as Server-Sent Events. The response is hijacked
 * from Fastify (a stream has no end to serialize), so its headers are written here, and open
 * streams are ended before the server closes (a live stream would otherwise hold `close()` up).
 */
export function inboxRealtimeRoutes(hub: RealtimeHub, opts: RealtimeStreamOptions): FastifyPluginAsync {
  return async (app) => {
    const open = new Set<ServerResponse>();
    app.addHook('preClose', async () => {
      for (const response of open) response.end();
    });

    app.get('/events', {
      // A HEAD would open a stream that never sends anything.
      exposeHeadRoute: false,
      onRequest: requireScope('messages:read'),
      schema: {
        tags,
        summary: `Live events of the tenant (text/event-stream): ${REALTIME_EVENT_NAMES.join(', ')}`,
        response: errorResponses(401, 403),
      },
    }, async (request, reply) => {
      const { tenantId, userId } = authOf(request);
      reply.hijack();
      const response = reply.raw;
      open.add(response);
      startStream(request, response, opts);
      const disconnect = hub.connect(tenantId, (name, data) => write(response, sseEvent(name, data), opts), userId);
      let beating = false; // a slow credential check must not pile up beats
      const heartbeat = setInterval(() => {
        if (beating) return;
        beating = true;
        void beat(request, response, { tenantId, ...opts }).finally(() => (beating = false));
      }, opts.heartbeatMs);
      heartbeat.unref();
      response.on('close', () => {
        clearInterval(heartbeat);
        disconnect();
        open.delete(response);
      });
    });
  };
}

function startStream(request: FastifyRequest, response: ServerResponse, opts: RealtimeStreamOptions): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses by default, which would hold events back.
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    'x-request-id': request.id,
  });
  response.write(sseRetry(opts.retryMs));
}

/**
 * Every heartbeat re-checks the credentials the stream was opened with, so a signed-out session, a
 * deleted user, a revoked key or a lost scope ends the stream within one interval. A failing check
 * (database briefly away) keeps the stream: the next beat asks again.
 */
async function beat(request: FastifyRequest, response: ServerResponse, opts: RealtimeStreamOptions & { tenantId: string }): Promise<void> {
  if (!(await isStillAllowed(request, opts.tenantId))) {
    response.end();
    return;
  }
  write(response, sseComment('heartbeat'), opts);
}

async function isStillAllowed(request: FastifyRequest, tenantId: string): Promise<boolean> {
  if (!request.reauthenticate) return true;
  try {
    const auth = await request.reauthenticate();
    return auth !== null && auth.tenantId === tenantId && hasScope(auth, 'messages:read');
  } catch (error) {
    request.log.warn({ err: error }, 'could not re-check the credentials of an event stream');
    return true;
  }
}

/** Writes, or drops a client that stopped reading instead of buffering for it without bound. */
function write(response: ServerResponse, chunk: string, opts: RealtimeStreamOptions): void {
  if (response.writableEnded || response.destroyed) return;
  if (response.writableLength > opts.maxBufferedBytes) {
    response.destroy();
    return;
  }
  response.write(chunk);
}
