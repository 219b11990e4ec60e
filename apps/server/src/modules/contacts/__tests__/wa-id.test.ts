import { describe, expect, it } from 'vitest';
import { normalizeWaId } from '../wa-id.js';

describe('normalizeWaId', () => {
  it('accepts international numbers in the forms people type', () => {
    expect(normalizeWaId('+4915112345678')).toBe('4915112345678');
    expect(normalizeWaId('4915112345678')).toBe('4915112345678');
    expect(normalizeWaId(' +49 (151) 1234-5678 ')).toBe('4915112345678');
    expect(normalizeWaId('16505551234')).toBe('16505551234');
  });

  it.each(['', 'abc', '+49', '123', '+4915112345678999999', 'javascript:alert(1)', '49151a2345678'])(
    'rejects %j with INVALID_PHONE_NUMBER',
    (input) => {
      expect(() => normalizeWaId(input)).toThrowError(expect.objectContaining({ code: 'INVALID_PHONE_NUMBER', httpStatus: 400 }));
    },
  );
});
