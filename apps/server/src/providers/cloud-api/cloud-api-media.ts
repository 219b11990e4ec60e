import { createHash } from 'node:crypto';
import type { ChannelContext, DownloadedMedia, MediaDownloadLimits, MediaUpload } from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';
import { graphPath, type CloudApiClient } from './cloud-api.client.js';
import { checkMediaUrl } from './media-url-guard.js';
import { parseCloudApiError } from './parse-cloud-api-error.js';

/** A download URL may redirect between Meta hosts; each hop is re-checked by the SSRF guard. */
const MAX_REDIRECTS = 3;

/** `POST /{phone-number-id}/media`, multipart (REFERENCE.md §2). */
export async function uploadCloudApiMedia(client: CloudApiClient, upload: MediaUpload, ctx: ChannelContext): Promise<{ mediaId: string }> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', upload.mimeType);
  form.set('file', new Blob([upload.data], { type: upload.mimeType }), upload.filename ?? 'file');
  // A repeated upload only leaves an orphan that Meta deletes after 30 days: safe to retry.
  const answer = await client.request<unknown>({ method: 'POST', path: `${graphPath(ctx.phoneNumberId)}/media`, form, retrySafe: true });
  const id = isObject(answer) ? answer['id'] : undefined;
  if (typeof id !== 'string' || id === '') throw unexpectedAnswer('media upload', answer);
  return { mediaId: id };
}

type MediaInfo = { url: string; mimeType: string; sha256: string | undefined; fileSize: number | undefined };

/**
 * Resolves the media id, refuses before downloading what the limits forbid, then streams the bytes
 * with a hard cap (the declared size is not trusted) and checks the sha256 Meta declared.
 */
export async function downloadCloudApiMedia(
  client: CloudApiClient,
  input: { mediaId: string; ctx: ChannelContext; limits: MediaDownloadLimits },
): Promise<DownloadedMedia> {
  const { mediaId, ctx, limits } = input;
  // `phone_number_id` makes Graph refuse media that belongs to another number.
  const answer = await client.request<unknown>({
    method: 'GET', path: graphPath(mediaId), query: { phone_number_id: ctx.phoneNumberId },
  });
  const info = readMediaInfo(answer);
  checkLimits(info, limits);
  const response = await fetchAllowed(client, checkMediaUrl(info.url, ctx.graphBaseUrl), ctx.graphBaseUrl);
  const data = await readCapped(response, limits.maxBytes);
  const sha256 = createHash('sha256').update(data).digest();
  if (info.sha256 !== undefined && !matchesDigest(info.sha256, sha256)) {
    throw new ProviderError({ code: ProviderErrorCode.TEMPORARY, message: `Media ${mediaId} failed its sha256 check` });
  }
  return { data, mimeType: info.mimeType, sha256: sha256.toString('hex'), fileSize: data.length };
}

function readMediaInfo(answer: unknown): MediaInfo {
  if (!isObject(answer) || typeof answer['url'] !== 'string' || typeof answer['mime_type'] !== 'string') {
    throw unexpectedAnswer('media lookup', answer);
  }
  // Meta's own example sends file_size as a string ("303833").
  const size = Number(answer['file_size']);
  return {
    url: answer['url'],
    mimeType: answer['mime_type'],
    sha256: typeof answer['sha256'] === 'string' ? answer['sha256'] : undefined,
    fileSize: answer['file_size'] === undefined || !Number.isFinite(size) ? undefined : size,
  };
}

function checkLimits(info: MediaInfo, limits: MediaDownloadLimits): void {
  if (info.fileSize !== undefined && info.fileSize > limits.maxBytes) {
    throw tooLarge(`declared size ${info.fileSize} B exceeds the limit of ${limits.maxBytes} B`);
  }
  if (limits.allowedMimeTypes !== undefined && !isMimeAllowed(info.mimeType, limits.allowedMimeTypes)) {
    throw new ProviderError({ code: ProviderErrorCode.INVALID_REQUEST, message: `Media type ${info.mimeType} is not allowed` });
  }
}

/** Compares the base type (`audio/ogg; codecs=opus` → `audio/ogg`); `image/*` allows a family. */
export function isMimeAllowed(mimeType: string, allowed: readonly string[]): boolean {
  const base = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return allowed.some((entry) => {
    const rule = entry.trim().toLowerCase();
    return rule.endsWith('/*') ? base.startsWith(rule.slice(0, -1)) : base === rule;
  });
}

async function fetchAllowed(client: CloudApiClient, first: URL, graphBaseUrl: string): Promise<Response> {
  let url = first;
  for (let hop = 0; ; hop += 1) {
    const response = await client.fetchUrl(url);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return checkStatus(response);
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new ProviderError({ code: ProviderErrorCode.UNKNOWN, message: 'Media download redirected too often' });
    url = checkMediaUrl(new URL(location, url).toString(), graphBaseUrl);
  }
}

async function checkStatus(response: Response): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  // Download URLs expire after 5 minutes; a 404 means "resolve the media id again" (REFERENCE.md §2).
  if (response.status === 404) {
    return Promise.reject(new ProviderError({ code: ProviderErrorCode.TEMPORARY, message: 'Media URL expired or not found (HTTP 404)' }));
  }
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return Promise.reject(parseCloudApiError({ httpStatus: response.status, body, retryAfter: response.headers.get('retry-after') }));
}

/** Reads the body but stops as soon as it passes `maxBytes`, whatever Content-Length claimed. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`Content-Length ${declared} B exceeds the limit of ${maxBytes} B`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => { throw mediaReadFailed(error); });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`body exceeds the limit of ${maxBytes} B`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}

/** Meta declares sha256 as base64 in webhooks and hex elsewhere; a placeholder is not checkable. */
function matchesDigest(declared: string, actual: Buffer): boolean {
  if (/^[0-9a-f]{64}$/i.test(declared)) return declared.toLowerCase() === actual.toString('hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(declared)) return declared === actual.toString('base64');
  return true;
}

function tooLarge(detail: string): ProviderError {
  return new ProviderError({ code: ProviderErrorCode.INVALID_REQUEST, message: `Media refused: ${detail}` });
}

function mediaReadFailed(error: unknown): ProviderError {
  return new ProviderError({ code: ProviderErrorCode.TEMPORARY, message: 'Media download interrupted', cause: error });
}

function unexpectedAnswer(what: string, answer: unknown): ProviderError {
  return new ProviderError({
    code: ProviderErrorCode.UNKNOWN,
    message: `Unexpected Cloud API answer to ${what}`,
    vendorDetails: JSON.stringify(answer)?.slice(0, 200) ?? '',
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
