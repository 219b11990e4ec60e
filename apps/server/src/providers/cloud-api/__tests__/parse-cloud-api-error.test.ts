import { describe, expect, it } from 'vitest';
import { ProviderError, type ProviderErrorCode } from '../../provider-error.js';
import { parseCloudApiError, parseRetryAfter } from '../parse-cloud-api-error.js';
import { loadFixture } from './load-fixture.js';

function graph(code: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { error: { message: `(#${code}) Some title`, type: 'OAuthException', code, fbtrace_id: 'A', ...extra } };
}

describe('parseCloudApiError — recorded payloads', () => {
  it('130429 → RATE_LIMITED with a default wait of seconds', () => {
    const error = parseCloudApiError({ httpStatus: 400, body: loadFixture('error-130429.json') });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      vendorCode: 130429,
      vendorTitle: 'Rate limit hit',
      vendorDetails: 'Cloud API message throughput has been reached.',
      retryAfterMs: 2_000,
    });
  });

  it('130429 honours Retry-After in seconds', () => {
    const error = parseCloudApiError({ httpStatus: 429, body: loadFixture('error-130429.json'), retryAfter: '7' });
    expect(error.retryAfterMs).toBe(7_000);
  });

  it('131047 → WINDOW_CLOSED with details', () => {
    const error = parseCloudApiError({ httpStatus: 400, body: loadFixture('error-131047-reconstructed.json') });
    expect(error).toMatchObject({ code: 'WINDOW_CLOSED', vendorCode: 131047, vendorTitle: 'Re-engagement message' });
    expect(error.vendorDetails).toMatch(/more than 24 hours/);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('100 → INVALID_REQUEST', () => {
    const error = parseCloudApiError({ httpStatus: 400, body: loadFixture('error-100-marketing-messages-api.json') });
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', vendorCode: 100, vendorDetails: 'Message must be a template message.' });
  });

  it('190 → AUTH_FAILED (recorded invalid-token body and generic Graph envelope)', () => {
    expect(parseCloudApiError({ httpStatus: 401, body: loadFixture('error-190-invalid-token.json') }))
      .toMatchObject({ code: 'AUTH_FAILED', vendorCode: 190, vendorTitle: 'Access token has expired' });
    expect(parseCloudApiError({ httpStatus: 400, body: loadFixture('error-graph-generic.json') }))
      .toMatchObject({ code: 'AUTH_FAILED', vendorCode: 190, vendorDetails: 'A message' });
  });

  it('keeps the vendor message in the error message', () => {
    const error = parseCloudApiError({ httpStatus: 401, body: loadFixture('error-190-invalid-token.json') });
    expect(error.message).toContain('Invalid OAuth access token');
  });
});

describe('parseCloudApiError — every code family', () => {
  const CASES: Array<[code: number, httpStatus: number, expected: ProviderErrorCode]> = [
    [4, 400, 'RATE_LIMITED'],
    [80007, 400, 'RATE_LIMITED'],
    [131048, 400, 'RATE_LIMITED'],
    [131056, 400, 'RATE_LIMITED'],
    [131047, 400, 'WINDOW_CLOSED'],
    [131026, 400, 'RECIPIENT_INVALID'],
    [131021, 400, 'RECIPIENT_INVALID'],
    [131049, 400, 'RECIPIENT_INVALID'],
    [131050, 400, 'RECIPIENT_INVALID'],
    [132000, 400, 'TEMPLATE_INVALID'],
    [132001, 404, 'TEMPLATE_INVALID'],
    [132015, 400, 'TEMPLATE_INVALID'],
    [131008, 400, 'INVALID_REQUEST'],
    [131009, 400, 'INVALID_REQUEST'],
    [0, 401, 'AUTH_FAILED'],
    [10, 403, 'AUTH_FAILED'],
    [250, 403, 'AUTH_FAILED'],
    [368, 403, 'AUTH_FAILED'],
    [2, 503, 'TEMPORARY'],
    [131016, 500, 'TEMPORARY'],
    [131057, 500, 'TEMPORARY'],
    [133004, 503, 'TEMPORARY'],
    // Meta's own "unknown" codes are retryable in the catalogue: an error response means "not accepted".
    [1, 400, 'TEMPORARY'],
    [131000, 500, 'TEMPORARY'],
  ];

  it.each(CASES)('%i (HTTP %i) → %s', (code, httpStatus, expected) => {
    const error = parseCloudApiError({ httpStatus, body: graph(code) });
    expect(error.code).toBe(expected);
    expect(error.vendorCode).toBe(code);
  });

  it('131056 waits longer than 130429', () => {
    const pair = parseCloudApiError({ httpStatus: 400, body: graph(131056) }).retryAfterMs ?? 0;
    const throughput = parseCloudApiError({ httpStatus: 400, body: graph(130429) }).retryAfterMs ?? 0;
    expect(throughput).toBeGreaterThan(0);
    expect(pair).toBeGreaterThan(throughput);
  });

  it('a rate limit without a per-code default still gets a wait', () => {
    expect(parseCloudApiError({ httpStatus: 400, body: graph(133015) }).retryAfterMs).toBeGreaterThan(0);
  });

  it('non rate-limit codes carry no retryAfterMs', () => {
    expect(parseCloudApiError({ httpStatus: 400, body: graph(131026) }).retryAfterMs).toBeUndefined();
  });

  it('an uncatalogued code: UNKNOWN on 4xx, TEMPORARY on 5xx or is_transient, RATE_LIMITED on 429', () => {
    expect(parseCloudApiError({ httpStatus: 400, body: graph(999_999) })).toMatchObject({ code: 'UNKNOWN', vendorCode: 999_999, vendorTitle: 'Some title' });
    expect(parseCloudApiError({ httpStatus: 502, body: graph(999_999) }).code).toBe('TEMPORARY');
    expect(parseCloudApiError({ httpStatus: 400, body: graph(999_999, { is_transient: true }) }).code).toBe('TEMPORARY');
    expect(parseCloudApiError({ httpStatus: 429, body: graph(999_999) }).code).toBe('RATE_LIMITED');
  });

  it('accepts a numeric string code', () => {
    expect(parseCloudApiError({ httpStatus: 400, body: { error: { message: 'x', code: '131047' } } }).code).toBe('WINDOW_CLOSED');
  });
});

describe('parseCloudApiError — no Graph envelope', () => {
  it.each([
    [502, '<html>Bad Gateway</html>', 'TEMPORARY'],
    [503, undefined, 'TEMPORARY'],
    [500, { unexpected: true }, 'TEMPORARY'],
    [429, 'slow down', 'RATE_LIMITED'],
    [401, 'nope', 'AUTH_FAILED'],
    [404, 'not found', 'UNKNOWN'],
  ] as const)('HTTP %i with %j → %s', (httpStatus, body, expected) => {
    const error = parseCloudApiError({ httpStatus, body });
    expect(error.code).toBe(expected);
    expect(error.vendorCode).toBeUndefined();
  });

  it('keeps a snippet of the body and the Retry-After of a 503', () => {
    const error = parseCloudApiError({ httpStatus: 503, body: 'maintenance', retryAfter: '30' });
    expect(error).toMatchObject({ vendorDetails: 'maintenance', retryAfterMs: 30_000 });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter({ retryAfter: '3' })).toBe(3_000);
    expect(parseRetryAfter({ retryAfter: 'Thu, 01 Jan 2026 00:00:10 GMT', now })).toBe(10_000);
    expect(parseRetryAfter({ retryAfter: 'Wed, 31 Dec 2025 00:00:00 GMT', now })).toBe(0);
    expect(parseRetryAfter({ retryAfter: 'soon' })).toBeUndefined();
    expect(parseRetryAfter({ retryAfter: null })).toBeUndefined();
  });
});
