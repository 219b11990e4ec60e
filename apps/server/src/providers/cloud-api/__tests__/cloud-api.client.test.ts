import { describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { createCloudApiClient, graphPath, graphUrl, type CloudApiClient } from '../cloud-api.client.js';
import { transportError } from '../cloud-api-transport-error.js';
import { loadFixture } from './load-fixture.js';
import { failingGraph, mockGraph, type GraphReply, type SeenGraphCall } from './mock-graph.js';

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

/** A fetch stand-in for the calls that still use fetch (multipart uploads). */
function fetchAnswering(answer: Response): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push({ url: String(input), init: init ?? {} });
    return answer;
  };
  return { fetch: fake as typeof fetch, seen };
}

const GRAPH = 'https://graph.example.test';

/** A client whose JSON calls all get `reply`, recording what was sent. */
function answering(reply: GraphReply): { client: CloudApiClient; seen: SeenGraphCall[] } {
  const seen: SeenGraphCall[] = [];
  return { client: createCloudApiClient(ctx, { dispatcher: mockGraph(GRAPH, () => reply, seen) }), seen };
}

/** A client whose JSON calls fail the way undici's request() fails: the coded error itself, unwrapped. */
function failing(error: Error): CloudApiClient {
  return createCloudApiClient(ctx, { dispatcher: failingGraph(GRAPH, error) });
}

const coded = (code: string): Error => Object.assign(new Error(code), { code });

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
  it('sends JSON with the bearer token over the dispatcher and returns the parsed answer', async () => {
    const { client, seen } = answering({ body: loadFixture('send-response-example.json') });
    const answer = await client.request({ method: 'POST', path: '/106540352242922/messages', json: { a: 1 } });
    expect(answer).toEqual(loadFixture('send-response-example.json'));
    expect(seen).toEqual([{
      url: 'https://graph.example.test/v24.0/106540352242922/messages',
      method: 'POST',
      headers: { authorization: 'Bearer EAAG-token', 'content-type': 'application/json' },
      body: '{"a":1}',
    }]);
  });

  it('sends a GET with its query string, no body and no content-type', async () => {
    const { client, seen } = answering({ body: { data: [] } });
    await client.request({ method: 'GET', path: '/1/message_templates', query: { limit: '100', after: 'c1' } });
    expect(seen[0]).toMatchObject({
      url: 'https://graph.example.test/v24.0/1/message_templates?limit=100&after=c1',
      method: 'GET',
      headers: { authorization: 'Bearer EAAG-token' },
    });
    expect(seen[0]?.body ?? undefined).toBeUndefined();
  });

  it('sends a FormData body with fetch as is (fetch sets the multipart boundary)', async () => {
    const { fetch, seen } = fetchAnswering(json({ id: '1' }));
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    await createCloudApiClient(ctx, { fetch, dispatcher: failingGraph(GRAPH, new Error('not the JSON path')) })
      .request({ method: 'POST', path: '/1/media', form });
    expect(seen[0]?.url).toBe('https://graph.example.test/v24.0/1/media');
    expect(seen[0]?.init.body).toBe(form);
    expect(seen[0]?.init.headers).toEqual({ authorization: 'Bearer EAAG-token' });
    expect(seen[0]?.init.redirect).toBe('manual');
    expect(seen[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('maps a multipart answer like a JSON one', async () => {
    const { fetch } = fetchAnswering(json(loadFixture('error-130429.json'), 400, { 'retry-after': '3' }));
    await expect(createCloudApiClient(ctx, { fetch }).request({ method: 'POST', path: '/1/media', form: new FormData(), retrySafe: true }))
      .rejects.toMatchObject({ code: 'RATE_LIMITED', vendorCode: 130429, retryAfterMs: 3_000 });
  });

  it('maps a Graph error envelope through parseCloudApiError, with Retry-After', async () => {
    const { client } = answering({ status: 400, body: loadFixture('error-130429.json'), headers: { 'retry-after': '3' } });
    await expect(client.request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'RATE_LIMITED', vendorCode: 130429, retryAfterMs: 3_000 });
  });

  it('maps a non-JSON 5xx to TEMPORARY, a bare 401 to AUTH_FAILED, a redirect (not followed) to UNKNOWN', async () => {
    await expect(answering({ status: 502, body: '<html>502 Bad Gateway</html>' }).client.request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY', vendorDetails: '<html>502 Bad Gateway</html>' });
    await expect(answering({ status: 401, body: 'no' }).client.request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'AUTH_FAILED' });
    await expect(answering({ status: 302, headers: { location: 'https://elsewhere.test/' } }).client.request({ method: 'GET', path: '/1' }))
      .rejects.toMatchObject({ code: 'UNKNOWN' });
  });

  it('a 2xx without JSON is OUTCOME_UNKNOWN for a send, TEMPORARY for a read', async () => {
    await expect(answering({ body: '' }).client.request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    await expect(answering({ body: 'ok' }).client.request({ method: 'GET', path: '/1' }))
      .rejects.toMatchObject({ code: 'TEMPORARY', vendorDetails: 'ok' });
  });

  it('an answer over the cap is an error: OUTCOME_UNKNOWN for a send, TEMPORARY for a read; a call may raise its cap', async () => {
    const big = { data: 'x'.repeat(100) };
    await expect(answering({ body: big }).client.request({ method: 'POST', path: '/1/messages', json: {}, maxAnswerBytes: 50 }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/over 50 bytes/) });
    await expect(answering({ body: big }).client.request({ method: 'GET', path: '/1', maxAnswerBytes: 50 }))
      .rejects.toMatchObject({ code: 'TEMPORARY', message: expect.stringMatching(/over 50 bytes/) });
    await expect(answering({ body: big }).client.request({ method: 'GET', path: '/1', maxAnswerBytes: 200 })).resolves.toEqual(big);
  });

  it('decodes a UTF-8 answer with a BOM, as Response.text() did', async () => {
    await expect(answering({ body: '\uFEFF{"id":"ü"}' }).client.request({ method: 'GET', path: '/1' })).resolves.toEqual({ id: 'ü' });
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED'])('%s before sending → TEMPORARY even for a send', async (code) => {
    await expect(failing(coded(code)).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('%s after sending → OUTCOME_UNKNOWN for a send, TEMPORARY for a read', async (code) => {
    await expect(failing(coded(code)).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    await expect(failing(coded(code)).request({ method: 'GET', path: '/1' }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('%s is a timeout after sending → OUTCOME_UNKNOWN for a send', async (code) => {
    await expect(failing(coded(code)).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/timed out/) });
    await expect(failing(coded(code)).request({ method: 'POST', path: '/1/messages', json: {}, retrySafe: true }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('a JSON body that cannot be serialised is our bug, not a transport failure', async () => {
    await expect(answering({ body: {} }).client.request({ method: 'POST', path: '/1/messages', json: { n: 1n } }))
      .rejects.toThrow(TypeError);
  });
});

describe('transportError', () => {
  /** What Node's fetch (still used for uploads and downloads) throws: `TypeError('fetch failed')` with the socket error as cause. */
  const fetchFailed = (code: string): TypeError => new TypeError('fetch failed', { cause: coded(code) });

  it('finds the code in the cause chain fetch builds', () => {
    expect(transportError(fetchFailed('ECONNREFUSED'), false).code).toBe('TEMPORARY');
    expect(transportError(fetchFailed('ECONNRESET'), false).code).toBe('OUTCOME_UNKNOWN');
  });

  it('finds the code inside an AggregateError (happy-eyeballs connect)', () => {
    const aggregate = new AggregateError([coded('ECONNREFUSED')], 'all failed');
    expect(transportError(new TypeError('fetch failed', { cause: aggregate }), false).code).toBe('TEMPORARY');
  });

  it('a timeout is OUTCOME_UNKNOWN for a send and TEMPORARY for a retry-safe call', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(transportError(timeout, false)).toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/timed out/) });
    expect(transportError(timeout, true).code).toBe('TEMPORARY');
  });

  it('keeps the transport error as cause', () => {
    const cause = fetchFailed('ECONNRESET');
    expect(transportError(cause, false).cause).toBe(cause);
  });
});
