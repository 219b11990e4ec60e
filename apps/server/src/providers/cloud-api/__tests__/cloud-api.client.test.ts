import { describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { createCloudApiClient, graphPath, graphUrl, transportError } from '../cloud-api.client.js';
import { loadFixture } from './load-fixture.js';

const ctx: ChannelContext = {
  channelId: 'ch_1',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  accessToken: 'EAAG-token',
  appSecret: 'secret',
  graphBaseUrl: 'https://graph.example.test/',
  graphApiVersion: 'v24.0',
};

type Seen = { url: string; init: RequestInit };

function fetchAnswering(answer: Response | (() => never)): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push({ url: String(input), init: init ?? {} });
    return typeof answer === 'function' ? answer() : answer;
  };
  return { fetch: fake as typeof fetch, seen };
}

function fetchFailing(error: unknown): typeof fetch {
  return (async () => { throw error; }) as typeof fetch;
}

/** What undici throws: `TypeError('fetch failed')` with the socket error as cause. */
function undiciError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('graphUrl / graphPath', () => {
  it('uses the channel base URL and version, never a fixed host', () => {
    expect(graphUrl(ctx, '/123/messages').toString()).toBe('https://graph.example.test/v24.0/123/messages');
    expect(graphUrl({ graphBaseUrl: 'http://127.0.0.1:4010/sandbox', graphApiVersion: 'v23.0' }, '/1/media', { a: 'b' }).toString())
      .toBe('http://127.0.0.1:4010/sandbox/v23.0/1/media?a=b');
  });

  it('encodes ids so a webhook-supplied id cannot change the path', () => {
    expect(graphPath('../../me', 'x')).toBe('/..%2F..%2Fme/x');
  });
});

describe('createCloudApiClient', () => {
  it('sends JSON with the bearer token and returns the parsed answer', async () => {
    const { fetch, seen } = fetchAnswering(json(loadFixture('send-response-example.json')));
    const answer = await createCloudApiClient(ctx, { fetch }).request({ method: 'POST', path: '/106540352242922/messages', json: { a: 1 } });
    expect(answer).toEqual(loadFixture('send-response-example.json'));
    expect(seen[0]?.url).toBe('https://graph.example.test/v24.0/106540352242922/messages');
    expect(seen[0]?.init.headers).toEqual({ authorization: 'Bearer EAAG-token', 'content-type': 'application/json' });
    expect(seen[0]?.init.body).toBe('{"a":1}');
    expect(seen[0]?.init.redirect).toBe('manual');
    expect(seen[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends a FormData body as is (fetch sets the multipart boundary)', async () => {
    const { fetch, seen } = fetchAnswering(json({ id: '1' }));
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    await createCloudApiClient(ctx, { fetch }).request({ method: 'POST', path: '/1/media', form });
    expect(seen[0]?.init.body).toBe(form);
    expect(seen[0]?.init.headers).toEqual({ authorization: 'Bearer EAAG-token' });
  });

  it('maps a Graph error envelope through parseCloudApiError, with Retry-After', async () => {
    const { fetch } = fetchAnswering(json(loadFixture('error-130429.json'), 400, { 'retry-after': '3' }));
    await expect(createCloudApiClient(ctx, { fetch }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'RATE_LIMITED', vendorCode: 130429, retryAfterMs: 3_000 });
  });

  it('maps a non-JSON 5xx to TEMPORARY', async () => {
    const { fetch } = fetchAnswering(new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    await expect(createCloudApiClient(ctx, { fetch }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('a 2xx without JSON is OUTCOME_UNKNOWN for a send, TEMPORARY for a read', async () => {
    const post = fetchAnswering(new Response('', { status: 200 }));
    await expect(createCloudApiClient(ctx, { fetch: post.fetch }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    const get = fetchAnswering(new Response('ok', { status: 200 }));
    await expect(createCloudApiClient(ctx, { fetch: get.fetch }).request({ method: 'GET', path: '/1' }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])('%s before sending → TEMPORARY even for a send', async (code) => {
    await expect(createCloudApiClient(ctx, { fetch: fetchFailing(undiciError(code)) }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('finds the code inside an AggregateError (happy-eyeballs connect)', async () => {
    const aggregate = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed');
    const error = new TypeError('fetch failed', { cause: aggregate });
    await expect(createCloudApiClient(ctx, { fetch: fetchFailing(error) }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('%s after sending → OUTCOME_UNKNOWN for a send', async (code) => {
    await expect(createCloudApiClient(ctx, { fetch: fetchFailing(undiciError(code)) }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
  });

  it('a timeout is OUTCOME_UNKNOWN for a send and TEMPORARY for a retry-safe call', async () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const client = createCloudApiClient(ctx, { fetch: fetchFailing(timeout) });
    await expect(client.request({ method: 'POST', path: '/1/messages', json: {} })).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    await expect(client.request({ method: 'GET', path: '/1' })).rejects.toMatchObject({ code: 'TEMPORARY' });
    await expect(client.request({ method: 'POST', path: '/1/messages', json: {}, retrySafe: true })).rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('keeps the transport error as cause', () => {
    const cause = undiciError('ECONNRESET');
    expect(transportError(cause, false).cause).toBe(cause);
  });
});
