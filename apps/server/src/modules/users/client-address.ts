import { isIP } from 'node:net';

/**
 * The key the per-IP sign-in throttle counts under. IPv4 addresses count one by one (also when
 * written as IPv4-mapped IPv6); IPv6 addresses count per /64, because one subscriber usually owns
 * a whole /64 and could otherwise rotate through 2^64 addresses.
 *
 * Keys start with `IP:` in capitals. They share `login_throttle` with the per-address keys, which
 * `normalizeEmail` lower-cases, so no e-mail address typed into the form can name an IP's row
 * (and lock out someone else's network).
 */
export function ipThrottleKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  const address = mapped ? (mapped[1] as string) : ip;
  const version = isIP(address);
  if (version === 4) return `IP:${address}`;
  if (version === 6) return `IP:${ipv6Prefix64(address)}::/64`;
  // Not an address (a unix socket, a test double): one bucket for all of them.
  return 'IP:unknown';
}

/** The first four hextets of an IPv6 address, expanded and without leading zeros. */
function ipv6Prefix64(address: string): string {
  const withoutZone = address.split('%')[0] as string;
  const [head = '', tail] = withoutZone.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail takes two hextets; it lies in the interface half, so only its width matters.
  const width = (parts: string[]) => parts.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
  const missing = tail === undefined ? 0 : 8 - width(headParts) - width(tailParts);
  const hextets = [...headParts, ...Array.from({ length: missing }, () => '0'), ...tailParts];
  return hextets.slice(0, 4).map((h) => Number.parseInt(h, 16).toString(16)).join(':');
}
