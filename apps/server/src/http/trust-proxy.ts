/**
 * HTTP_TRUST_PROXY as Fastify's `trustProxy`: `true`/`false`, a hop count (as the function
 * proxy-addr calls per hop), or the comma-separated proxy addresses/CIDRs (Fastify hands the string
 * to proxy-addr). It decides `request.ip`, which the per-IP sign-in throttle counts: trusting a
 * header that no proxy overwrites would let a client choose its own IP.
 */
export function trustProxyOption(value: string): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^[0-9]+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
