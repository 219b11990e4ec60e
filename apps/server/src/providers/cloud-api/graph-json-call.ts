import { EventEmitter } from 'node:events';
import { Agent, request, type Dispatcher } from 'undici';

/**
 * The default cap on a JSON answer. A send or media lookup answer is a few hundred bytes; past this
 * the peer is not Graph, or is misbehaving, and we stop reading rather than buffer what it sends.
 * Calls with legitimately large pages (the template list) pass their own cap.
 */
export const MAX_GRAPH_ANSWER_BYTES = 1024 * 1024;

/** What the client needs from an HTTP answer. `text` is undefined when the body exceeded the cap and was not read. */
export type GraphAnswer = { status: number; retryAfter: string | null; text: string | undefined };

export type GraphJsonCall = {
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  /** Already serialised JSON, or undefined for no body. */
  body: string | undefined;
  timeoutMs: number;
  /** Read at most this many answer bytes. */
  maxBytes: number;
};

/**
 * The keep-alive pool for JSON Graph calls. undici's `request()` skips the WHATWG layer of global
 * `fetch` (Request/Response objects, web streams, AbortSignal.timeout), which cost ≈15 % of the
 * Hub's CPU on the send path. One Agent serves every channel: it keeps a pool per origin, so
 * channels on different base URLs do not share sockets. Idle sockets are unref'd by undici and do
 * not hold the process open; the composition root closes the Agent it creates on shutdown.
 */
export function createGraphDispatcher(): Agent {
  return new Agent();
}

let processDispatcher: Agent | undefined;

/** The dispatcher used when none is injected (tests, ad-hoc providers). Never closed; see above. */
export function defaultGraphDispatcher(): Dispatcher {
  processDispatcher ??= createGraphDispatcher();
  return processDispatcher;
}

/**
 * One JSON call: resolves with whatever HTTP answer arrived (any status), rejects with undici's
 * transport error (or a `TimeoutError` once `timeoutMs` has passed, from connect to the last body
 * byte). Redirects are not followed. The body is always read to its end or destroyed, so a
 * keep-alive socket is either reusable or closed, never left hanging.
 */
export async function callGraphJson(dispatcher: Dispatcher, url: URL, call: GraphJsonCall): Promise<GraphAnswer> {
  const deadline = new Deadline(call.timeoutMs);
  try {
    const response = await request(url, {
      dispatcher,
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      signal: deadline,
    });
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.statusCode,
      retryAfter: Array.isArray(retryAfter) ? retryAfter.join(', ') : retryAfter ?? null,
      text: await readCapped(response, call.maxBytes),
    };
  } finally {
    deadline.clear();
  }
}

/**
 * undici accepts an EventEmitter with `aborted`/`reason` as `signal` (Dispatcher.md). A timer plus
 * an emitter costs a tenth of an AbortController, and unlike AbortSignal.timeout the timer is
 * cleared when the call ends instead of lingering for the full timeout. The reason is the same
 * `TimeoutError` DOMException AbortSignal.timeout raises, so the error classification is unchanged.
 */
class Deadline extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(ms: number) {
    super();
    this.#timer = setTimeout(() => this.#expire(), ms);
  }

  clear(): void {
    clearTimeout(this.#timer);
  }

  #expire(): void {
    this.aborted = true;
    this.reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    this.emit('abort');
  }
}

/**
 * Reads the body as UTF-8 up to `cap` bytes; past it, destroys the stream (undici then closes the
 * socket) and returns undefined. The 'error' listener stays on: destroying an unfinished undici
 * body emits a RequestAbortedError that would otherwise be an unhandled 'error' event.
 */
function readCapped(response: Dispatcher.ResponseData, cap: number): Promise<string | undefined> {
  const { body } = response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const overflow = (): void => {
      body.destroy();
      resolve(undefined);
    };
    body.on('error', reject);
    if (Number(response.headers['content-length']) > cap) {
      overflow();
      return;
    }
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) overflow();
      else chunks.push(chunk);
    });
    body.on('end', () => resolve(decode(chunks.length === 1 ? chunks[0] as Buffer : Buffer.concat(chunks, size))));
  });
}

/** UTF-8 without a leading BOM, as `Response.text()` decoded it before. */
function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
