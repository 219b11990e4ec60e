import { MockAgent } from 'undici';

/** A JSON Graph call as it reached the dispatcher. */
export type SeenGraphCall = { url: string; method: string; headers: unknown; body: unknown };

/** An answer: an object or array is sent as JSON, a string as is. */
export type GraphReply = { status?: number; body?: unknown; headers?: Record<string, string> };

/**
 * An undici MockAgent standing in for Graph on `origin`: every JSON call is answered by `answer`
 * and recorded, and nothing reaches the network. The real-socket behaviour (timeouts, resets,
 * refused connections, oversized answers) is covered in cloud-api.client.integration.test.ts.
 */
export function mockGraph(origin: string, answer: (url: URL) => GraphReply, seen: SeenGraphCall[] = []): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent.get(origin).intercept({ path: () => true, method: () => true }).reply((opts) => {
    const url = new URL(opts.path, origin);
    seen.push({ url: url.toString(), method: opts.method, headers: opts.headers, body: opts.body });
    const reply = answer(url);
    const json = typeof reply.body !== 'string' && reply.body !== undefined;
    return {
      statusCode: reply.status ?? 200,
      data: json ? JSON.stringify(reply.body) : (reply.body as string | undefined) ?? '',
      responseOptions: { headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...reply.headers } },
    };
  }).persist();
  return agent;
}

/** A MockAgent whose every call on `origin` fails with `error`, as undici's `request()` would throw it. */
export function failingGraph(origin: string, error: Error): MockAgent {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent.get(origin).intercept({ path: () => true, method: () => true }).replyWithError(error).persist();
  return agent;
}
