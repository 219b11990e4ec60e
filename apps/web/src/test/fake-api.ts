import { ApiClient, type XhrLike } from '../lib/api-client.js';

export type RecordedRequest = { method: string; url: string; headers: Record<string, string>; body: unknown };
export type Route = (request: RecordedRequest) => { status: number; body?: unknown } | undefined;

/**
 * An ApiClient over a scripted fetch: each request goes to the first route that answers; every
 * request is recorded so tests can assert what the app sent (method, path, headers, body).
 */
export function fakeApi(routes: Route[], opts: { onUnauthorized?: () => void; xhr?: () => XhrLike } = {}) {
  const requests: RecordedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const raw = init?.body;
    const request: RecordedRequest = { method: init?.method ?? 'GET', url: String(input), headers, body: typeof raw === 'string' ? JSON.parse(raw) : undefined };
    requests.push(request);
    for (const route of routes) {
      const answer = route(request);
      if (answer === undefined) continue;
      const text = answer.body === undefined ? null : JSON.stringify(answer.body);
      return new Response(text, { status: answer.status, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no route for ${request.method} ${request.url}` } }), { status: 404 });
  };
  const client = new ApiClient({
    fetch: fetchImpl as typeof fetch,
    ...(opts.onUnauthorized ? { onUnauthorized: opts.onUnauthorized } : {}),
    ...(opts.xhr ? { xhr: opts.xhr } : {}),
  });
  return { client, requests };
}

/** Answers `method path` (path without /api/v1, query string ignored unless given). */
export function on(method: string, path: string | RegExp, answer: (request: RecordedRequest) => { status: number; body?: unknown }): Route {
  return (request) => {
    if (request.method !== method) return undefined;
    const url = request.url.replace(/^\/api\/v1/, '');
    const matches = typeof path === 'string' ? url.split('?')[0] === path : path.test(url);
    return matches ? answer(request) : undefined;
  };
}
