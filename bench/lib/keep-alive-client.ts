import { connect, type Socket } from 'node:net';

/**
 * A minimal HTTP/1.1 keep-alive client over a raw socket: one request in flight per connection,
 * requests pre-serialised to bytes. It does far less work per request than `node:http` or fetch,
 * which matters on a 2-core machine where every cycle the load generator burns is taken from the
 * server under test. It understands exactly what Fastify answers with (a Content-Length body).
 */
export type ResponseHead = {
  status: number;
  /** Bytes up to and including the blank line after the headers. */
  headerBytes: number;
  contentLength: number;
};

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Parses the head of a buffered response; undefined while the head is incomplete. Throws on what
 * this client does not support (chunked bodies, a body without Content-Length), so a benchmark
 * fails loudly instead of mis-framing the stream.
 */
export function parseResponseHead(buffer: Buffer): ResponseHead | undefined {
  const end = buffer.indexOf(HEADER_END);
  if (end === -1) return undefined;
  const head = buffer.toString('latin1', 0, end);
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!match) throw new Error(`not an HTTP/1.x response: ${JSON.stringify(head.slice(0, 40))}`);
  const status = Number(match[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) throw new Error('chunked responses are not supported');
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const bodyless = status === 204 || status === 304 || (status >= 100 && status < 200);
  if (!length && !bodyless) throw new Error(`response ${status} without Content-Length`);
  return { status, headerBytes: end + HEADER_END.length, contentLength: length ? Number(length[1]) : 0 };
}

export type RequestSpec = {
  method: 'GET' | 'POST';
  path: string;
  host: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

/** Serialises a request once, so the hot loop only writes bytes. */
export function serializeRequest(spec: RequestSpec): Buffer {
  const body = spec.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body);
  const lines = [`${spec.method} ${spec.path} HTTP/1.1`, `host: ${spec.host}`, 'connection: keep-alive'];
  for (const [name, value] of Object.entries(spec.headers ?? {})) lines.push(`${name}: ${value}`);
  if (spec.body !== undefined) lines.push(`content-length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

type Pending = { resolve: (status: number) => void; reject: (error: Error) => void };

/** One persistent connection; `send` resolves with the status code once the whole response arrived. */
export class KeepAliveConnection {
  readonly #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: Pending | undefined;
  #closed = false;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (error) => this.#fail(error));
    socket.on('close', () => this.#fail(new Error('connection closed by the server')));
  }

  static open(host: string, port: number): Promise<KeepAliveConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.once('connect', () => resolve(new KeepAliveConnection(socket)));
      socket.once('error', reject);
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(request: Buffer): Promise<number> {
    if (this.#closed) return Promise.reject(new Error('connection is closed'));
    if (this.#pending) return Promise.reject(new Error('one request at a time per connection'));
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#socket.write(request);
    });
  }

  close(): void {
    this.#closed = true;
    this.#socket.destroy();
  }

  #onData(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    let head: ResponseHead | undefined;
    try {
      head = parseResponseHead(this.#buffer);
    } catch (error) {
      this.#fail(error as Error);
      this.#socket.destroy();
      return;
    }
    if (!head || this.#buffer.length < head.headerBytes + head.contentLength) return;
    this.#buffer = this.#buffer.subarray(head.headerBytes + head.contentLength);
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) pending.resolve(head.status);
    else this.#fail(new Error('response without a request'));
  }

  #fail(error: Error): void {
    this.#closed = true;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }
}
