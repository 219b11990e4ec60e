import { createHash } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { createCloudApiClient } from '../cloud-api.client.js';
import { downloadCloudApiMedia, isMimeAllowed, uploadCloudApiMedia } from '../cloud-api-media.js';
import { mockGraph, type GraphReply } from './mock-graph.js';

const ctx: ChannelContext = {
  channelId: 'c', phoneNumberId: '106540352242922', wabaId: 'w', accessToken: 'tok', appSecret: 's',
  graphBaseUrl: 'https://graph.facebook.com', graphApiVersion: 'v24.0',
};

const CDN = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1';
const BYTES = Buffer.from('%PDF-1.7 hello');

type Route = (url: URL, init: RequestInit) => Response;
type Routes = {
  /** JSON Graph calls (the media lookup), answered through an undici MockAgent. */
  graph?: Record<string, () => GraphReply>;
  /** Calls that use fetch: media downloads and multipart uploads. */
  fetch?: Record<string, Route>;
};

/**
 * Answers by URL and records every request in `urls` in order, whichever transport carried it, so
 * "refused before downloading" is observable; `inits` holds what the fetch calls were given.
 */
function router(routes: Routes): { fetch: typeof fetch; dispatcher: Dispatcher; urls: string[]; inits: RequestInit[] } {
  const urls: string[] = [];
  const inits: RequestInit[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    urls.push(url.toString());
    inits.push(init ?? {});
    const route = routes.fetch?.[`${url.origin}${url.pathname}`];
    if (!route) throw new Error(`unexpected fetch ${url.toString()}`);
    return route(url, init ?? {});
  };
  const dispatcher = mockGraph(ctx.graphBaseUrl, (url) => {
    urls.push(url.toString());
    const route = routes.graph?.[`${url.origin}${url.pathname}`];
    if (!route) throw new Error(`unexpected Graph call ${url.toString()}`);
    return route();
  });
  return { fetch: fake as typeof fetch, dispatcher, urls, inits };
}

function mediaInfo(overrides: Record<string, unknown> = {}): () => GraphReply {
  return () => ({
    body: {
      messaging_product: 'whatsapp', url: CDN, mime_type: 'application/pdf',
      sha256: createHash('sha256').update(BYTES).digest('hex'), file_size: String(BYTES.length), id: 'm1', ...overrides,
    },
  });
}

const GRAPH_MEDIA = 'https://graph.facebook.com/v24.0/m1';
const CDN_PATH = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/';

function download(r: { fetch: typeof fetch; dispatcher: Dispatcher }, limits = { maxBytes: 1024 } as { maxBytes: number; allowedMimeTypes?: string[] }) {
  return downloadCloudApiMedia(createCloudApiClient(ctx, { fetch: r.fetch, dispatcher: r.dispatcher }), { mediaId: 'm1', ctx, limits });
}

describe('downloadCloudApiMedia', () => {
  it('resolves the id for this number, downloads with the bearer token and checks sha256', async () => {
    const r = router({ graph: { [GRAPH_MEDIA]: mediaInfo() }, fetch: { [CDN_PATH]: () => new Response(BYTES) } });
    const media = await download(r);
    expect(media).toEqual({ data: BYTES, mimeType: 'application/pdf', sha256: createHash('sha256').update(BYTES).digest('hex'), fileSize: BYTES.length });
    expect(r.urls[0]).toBe(`${GRAPH_MEDIA}?phone_number_id=106540352242922`);
    expect(r.urls[1]).toBe(CDN);
    expect(r.inits[0]?.headers).toEqual({ authorization: 'Bearer tok' }); // the download, the first call over fetch
  });

  it('accepts a base64 sha256 as webhooks carry it', async () => {
    const r = router({
      graph: { [GRAPH_MEDIA]: mediaInfo({ sha256: createHash('sha256').update(BYTES).digest('base64') }) },
      fetch: { [CDN_PATH]: () => new Response(BYTES) },
    });
    await expect(download(r)).resolves.toMatchObject({ fileSize: BYTES.length });
  });

  it('refuses before downloading when the declared size is over the limit', async () => {
    const r = router({ graph: { [GRAPH_MEDIA]: mediaInfo({ file_size: '303833' }) } });
    await expect(download(r)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/303833/) });
    expect(r.urls).toHaveLength(1);
  });

  it('refuses before downloading when the MIME type is not allowed', async () => {
    const r = router({ graph: { [GRAPH_MEDIA]: mediaInfo() } });
    await expect(download(r, { maxBytes: 1024, allowedMimeTypes: ['image/*'] })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(r.urls).toHaveLength(1);
  });

  it('stops reading when the body outgrows the limit, whatever the declared size', async () => {
    const big = Buffer.alloc(4096, 1);
    const r = router({
      graph: { [GRAPH_MEDIA]: mediaInfo({ file_size: '10', sha256: undefined }) },
      fetch: { [CDN_PATH]: () => new Response(new ReadableStream({ start(c) { for (let i = 0; i < 8; i += 1) c.enqueue(big); c.close(); } })) },
    });
    await expect(download(r)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/exceeds/) });
  });

  it('refuses a Content-Length over the limit without reading', async () => {
    const r = router({
      graph: { [GRAPH_MEDIA]: mediaInfo({ file_size: undefined }) },
      fetch: { [CDN_PATH]: () => new Response(BYTES, { headers: { 'content-length': '999999' } }) },
    });
    await expect(download(r)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/Content-Length/) });
  });

  it('never fetches a media URL off the allow-list (SSRF)', async () => {
    const r = router({ graph: { [GRAPH_MEDIA]: mediaInfo({ url: 'http://169.254.169.254/latest/meta-data/' }) } });
    await expect(download(r)).rejects.toMatchObject({ code: 'UNKNOWN' });
    expect(r.urls).toHaveLength(1);
  });

  it('re-checks every redirect hop', async () => {
    const r = router({
      graph: { [GRAPH_MEDIA]: mediaInfo() },
      fetch: { [CDN_PATH]: () => new Response(null, { status: 302, headers: { location: 'https://internal.example.test/secret' } }) },
    });
    await expect(download(r)).rejects.toMatchObject({ code: 'UNKNOWN' });
    expect(r.urls).toHaveLength(2);
  });

  it('follows a redirect between Meta hosts', async () => {
    const r = router({
      graph: { [GRAPH_MEDIA]: mediaInfo() },
      fetch: {
        [CDN_PATH]: () => new Response(null, { status: 302, headers: { location: 'https://mmg.whatsapp.net/d/f/1.enc' } }),
        'https://mmg.whatsapp.net/d/f/1.enc': () => new Response(BYTES),
      },
    });
    await expect(download(r)).resolves.toMatchObject({ data: BYTES });
  });

  it('a wrong sha256 is TEMPORARY (corrupted transfer)', async () => {
    const r = router({ graph: { [GRAPH_MEDIA]: mediaInfo({ sha256: 'a'.repeat(64) }) }, fetch: { [CDN_PATH]: () => new Response(BYTES) } });
    await expect(download(r)).rejects.toMatchObject({ code: 'TEMPORARY', message: expect.stringMatching(/sha256/) });
  });

  it('an expired URL (404) is TEMPORARY; a 401 is AUTH_FAILED', async () => {
    const expired = router({ graph: { [GRAPH_MEDIA]: mediaInfo() }, fetch: { [CDN_PATH]: () => new Response('gone', { status: 404 }) } });
    await expect(download(expired)).rejects.toMatchObject({ code: 'TEMPORARY' });
    const denied = router({ graph: { [GRAPH_MEDIA]: mediaInfo() }, fetch: { [CDN_PATH]: () => new Response('no', { status: 401 }) } });
    await expect(download(denied)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('an unknown media id maps the Graph error', async () => {
    const r = router({
      graph: { [GRAPH_MEDIA]: () => ({ status: 400, body: { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 } } }) },
    });
    await expect(download(r)).rejects.toMatchObject({ code: 'INVALID_REQUEST', vendorCode: 100 });
  });
});

describe('uploadCloudApiMedia', () => {
  it('posts multipart with messaging_product, type and the file', async () => {
    let form: FormData | undefined;
    const r = router({
      fetch: {
        'https://graph.facebook.com/v24.0/106540352242922/media': (_url, init) => {
          form = init.body as FormData;
          return Response.json({ id: '1037543291543636' });
        },
      },
    });
    const client = createCloudApiClient(ctx, { fetch: r.fetch, dispatcher: r.dispatcher });
    const result = await uploadCloudApiMedia(client, { data: BYTES, mimeType: 'application/pdf', filename: 'a.pdf' }, ctx);
    expect(result).toEqual({ mediaId: '1037543291543636' });
    expect(form?.get('messaging_product')).toBe('whatsapp');
    expect(form?.get('type')).toBe('application/pdf');
    const file = form?.get('file') as File;
    expect(file.name).toBe('a.pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(BYTES)).toBe(true);
  });

  it('an answer without id is UNKNOWN', async () => {
    const r = router({ fetch: { 'https://graph.facebook.com/v24.0/106540352242922/media': () => Response.json({ ok: true }) } });
    await expect(uploadCloudApiMedia(createCloudApiClient(ctx, { fetch: r.fetch, dispatcher: r.dispatcher }), { data: BYTES, mimeType: 'application/pdf' }, ctx))
      .rejects.toMatchObject({ code: 'UNKNOWN' });
  });
});

describe('isMimeAllowed', () => {
  it('compares base types and supports family wildcards', () => {
    expect(isMimeAllowed('audio/ogg; codecs=opus', ['audio/ogg'])).toBe(true);
    expect(isMimeAllowed('IMAGE/PNG', ['image/*'])).toBe(true);
    expect(isMimeAllowed('application/pdf', ['image/*', 'audio/ogg'])).toBe(false);
  });
});
