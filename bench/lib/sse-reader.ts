import { request, type ClientRequest } from 'node:http';

/** One Server-Sent Event as the browser's EventSource would dispatch it (comments and `retry:` dropped). */
export type SseMessage = { event: string; data: string };

/**
 * Splits a text/event-stream into events (WHATWG HTML §9.2, the subset our servers write: `event:`
 * and one or more `data:` lines per block, blocks separated by a blank line). Pure, so it is unit-tested.
 */
export class SseParser {
  #buffer = '';

  /** Feeds a chunk; returns the events it completed. */
  push(chunk: string): SseMessage[] {
    this.#buffer += chunk.replace(/\r\n?/g, '\n');
    const messages: SseMessage[] = [];
    for (let end = this.#buffer.indexOf('\n\n'); end !== -1; end = this.#buffer.indexOf('\n\n')) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const message = parseBlock(block);
      if (message) messages.push(message);
    }
    return messages;
  }
}

function parseBlock(block: string): SseMessage | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n') };
}

export type SseStream = { close(): void };

/**
 * Opens a long-lived GET and calls `onMessage` for every event, synchronously in the socket's data
 * callback, so the caller's timestamp is taken as soon as the bytes arrived. Resolves once the
 * server answered 200 with an event stream.
 */
export function openSseStream(opts: { port: number; path: string; headers?: Record<string, string>; onMessage: (message: SseMessage) => void }): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request({ host: '127.0.0.1', port: opts.port, path: opts.path, headers: { accept: 'text/event-stream', ...opts.headers } }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        res.resume();
        reject(new Error(`GET ${opts.path} answered ${res.statusCode} ${String(res.headers['content-type'])}`));
        return;
      }
      res.socket.setNoDelay(true);
      res.setEncoding('utf8');
      const parser = new SseParser();
      res.on('data', (chunk: string) => {
        for (const message of parser.push(chunk)) opts.onMessage(message);
      });
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
