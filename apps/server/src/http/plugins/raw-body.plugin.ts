import type { FastifyInstance } from 'fastify';

export type RawBodyOptions = {
  /** Larger bodies are refused with 413, from Content-Length before reading or as soon as the stream passes it. */
  bodyLimit: number;
};

/**
 * Makes `request.body` the raw request bytes (a Buffer) for every content type, on the instance it
 * is called on. Call it inside an encapsulated plugin (one registered WITHOUT fastify-plugin): the
 * webhook intake needs the exact bytes Meta signed, and re-serialised JSON would not verify
 * (RELIABILITY.md §2.2), while the rest of the API keeps Fastify's JSON parser.
 */
export function useRawBody(app: FastifyInstance, opts: RawBodyOptions): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
}
