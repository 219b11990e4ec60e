import { ProviderError, ProviderErrorCode } from '../provider-error.js';

/**
 * Hosts Meta serves media from. Since 2025-10 inbound media URLs are
 * `lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…` (REFERENCE.md §2); the others are
 * Meta's CDNs. Suffixes start with a dot, so `evilfbsbx.com` does not match.
 */
export const META_MEDIA_HOST_SUFFIXES: readonly string[] = ['.fbsbx.com', '.whatsapp.net', '.fbcdn.net'];

/**
 * SSRF guard for media downloads (RELIABILITY.md §4.4): we only send our bearer token to, and only
 * read bytes from, the channel's own Graph host or a Meta CDN host. https only, except when the
 * channel's Graph base URL is itself http (the emulator on loopback), and then only for that host.
 * Returns the parsed URL or throws `ProviderError(UNKNOWN)`: a URL Meta should never hand out is
 * worth a log line, not a retry.
 */
export function checkMediaUrl(raw: string, graphBaseUrl: string): URL {
  const url = parseUrl(raw);
  const graph = parseUrl(graphBaseUrl);
  if (url.username !== '' || url.password !== '') return refuse(url, 'credentials in the URL');
  if (url.host === graph.host) {
    if (url.protocol === 'https:' || (url.protocol === 'http:' && graph.protocol === 'http:')) return url;
    return refuse(url, `protocol ${url.protocol} is not allowed`);
  }
  const isMetaCdn = META_MEDIA_HOST_SUFFIXES.some((suffix) => url.hostname.endsWith(suffix));
  if (!isMetaCdn) return refuse(url, 'host is neither the Graph host nor a Meta CDN host');
  if (url.protocol !== 'https:') return refuse(url, `protocol ${url.protocol} is not allowed`);
  if (url.port !== '') return refuse(url, 'non-default port');
  return url;
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch (error) {
    throw new ProviderError({ code: ProviderErrorCode.UNKNOWN, message: 'Media URL is not a valid URL', vendorDetails: raw.slice(0, 200), cause: error });
  }
}

function refuse(url: URL, reason: string): never {
  throw new ProviderError({
    code: ProviderErrorCode.UNKNOWN,
    message: `Refusing to download media from ${url.protocol}//${url.host}: ${reason}`,
    vendorDetails: `${url.protocol}//${url.host}`,
  });
}
