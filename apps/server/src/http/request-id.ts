import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller-supplied id we are willing to echo into logs and headers: short and log-safe. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Request ids: the caller's `X-Request-Id` when it is safe (so an ERP can trace its own calls
 * through our logs), otherwise a fresh UUID. Anything else would allow log injection (ASVS 16.4.1).
 */
export function generateRequestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
}
