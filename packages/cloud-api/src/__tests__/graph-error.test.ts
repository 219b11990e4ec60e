import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { buildGraphError, GraphErrorEnvelope } from '../graph-error.js';
import { describeGraphError, GRAPH_ERROR_CODES } from '../graph-error-codes.js';

const REQUIRED_CODES = [
  0, 1, 2, 3, 4, 10, 100, 190, 200, 368, 80007, 130429, 130472, 130497, 131000, 131005, 131008, 131009, 131016,
  131021, 131026, 131031, 131037, 131042, 131045, 131047, 131048, 131049, 131050, 131051, 131052, 131053, 131056,
  131057, 132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068, 132069, 133010, 135000,
];

describe('GRAPH_ERROR_CODES', () => {
  it.each(REQUIRED_CODES)('catalogues %i', (code) => {
    const info = describeGraphError(code);
    expect(info?.code).toBe(code);
    expect(info?.title.length).toBeGreaterThan(0);
    expect(info?.httpStatus).toBeGreaterThanOrEqual(400);
  });

  it('classifies the codes that drive retry behaviour', () => {
    expect(describeGraphError(130429)).toMatchObject({ kind: 'rate-limit', retryable: true });
    expect(describeGraphError(131056)).toMatchObject({ kind: 'rate-limit', retryable: true });
    expect(describeGraphError(131047)).toMatchObject({ kind: 'window-closed', retryable: false });
    expect(describeGraphError(131026)).toMatchObject({ kind: 'recipient', retryable: false });
    expect(describeGraphError(132001)).toMatchObject({ kind: 'template', httpStatus: 404 });
    expect(describeGraphError(190)).toMatchObject({ kind: 'auth', httpStatus: 401, retryable: false });
    expect(describeGraphError(131000)).toMatchObject({ retryable: true, httpStatus: 500 });
    expect(describeGraphError(2)).toMatchObject({ kind: 'temporary', httpStatus: 503 });
    expect(describeGraphError(131048)).toMatchObject({ kind: 'rate-limit', retryable: false });
  });

  it('maps the 200–299 permission range and returns undefined for unknown codes', () => {
    expect(describeGraphError(250)).toMatchObject({ code: 250, kind: 'auth', httpStatus: 403 });
    expect(describeGraphError(999_999)).toBeUndefined();
    expect(GRAPH_ERROR_CODES[250]).toBeUndefined();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(GRAPH_ERROR_CODES)).toBe(true);
    expect(Object.isFrozen(GRAPH_ERROR_CODES[100])).toBe(true);
  });
});

describe('buildGraphError', () => {
  it('builds Meta’s envelope and status for a catalogued code', () => {
    const built = buildGraphError({ code: 131047, details: 'window closed', fbtraceId: 'abc' });
    expect(built).toEqual({
      status: 400,
      body: {
        error: {
          message: '(#131047) Re-engagement message',
          type: 'OAuthException',
          code: 131047,
          error_data: { messaging_product: 'whatsapp', details: 'window closed' },
          fbtrace_id: 'abc',
        },
      },
    });
    expect(Value.Check(GraphErrorEnvelope, built.body)).toBe(true);
  });

  it('uses overrides and a generated fbtrace id', () => {
    const built = buildGraphError({ code: 190, message: 'Invalid OAuth access token', subcode: 460, type: 'X' });
    expect(built.status).toBe(401);
    expect(built.body.error).toMatchObject({ message: 'Invalid OAuth access token', error_subcode: 460, type: 'X' });
    expect(built.body.error.error_data).toBeUndefined();
    expect(built.body.error.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{23}$/);
  });

  it('falls back to 400 for codes outside the catalogue and honours a status override', () => {
    expect(buildGraphError({ code: 424242 }).status).toBe(400);
    expect(buildGraphError({ code: 424242 }).body.error.message).toBe('(#424242) Unknown error');
    expect(buildGraphError({ code: 130429, status: 429 }).status).toBe(429);
  });
});
