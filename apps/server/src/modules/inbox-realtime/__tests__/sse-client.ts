import { request, type IncomingHttpHeaders } from 'node:http';

/** A minimal SSE reader for tests: what EventSource would parse, plus comments and retry lines. */
export type SseMessage = { event?: string; data?: string; retry?: number; comment?: string };

export type SseClient = {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every message parsed so far, in arrival order. */
  messages: SseMessage[];
  /** True once the server ended the stream. */
  readonly ended: boolean;
  /** Parsed `data` of named events. */
  events(name?: string): { event: string; data: Record<string, unknown> }[];
  close(): void;
};

/**
 * Opens the stream over node:http on its own socket (no agent), so closing it closes exactly that
 * connection — fetch's pool may hold extra sockets that would delay the server's shutdown.
 */
export function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const messages: SseMessage[] = [];
      let buffer = '';
      let ended = false;
      res.on('end', () => (ended = true));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          messages.push(parseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      });
      res.on('error', () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        messages,
        get ended() {
          return ended;
        },
        events: (name) =>
          messages
            .filter((m) => m.event !== undefined && (name === undefined || m.event === name))
            .map((m) => ({ event: m.event!, data: JSON.parse(m.data ?? 'null') as Record<string, unknown> })),
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => (isAbort(error) ? undefined : reject(error)));
    req.end();
  });
}

function isAbort(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ECONNRESET' || error.message === 'socket hang up';
}

function parseBlock(block: string): SseMessage {
  const message: SseMessage = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comment = line.slice(1).trim();
    else if (line.startsWith('event: ')) message.event = line.slice(7);
    else if (line.startsWith('data: ')) message.data = (message.data === undefined ? '' : `${message.data}\n`) + line.slice(6);
    else if (line.startsWith('retry: ')) message.retry = Number(line.slice(7));
  }
  return message;
}
