import { describe, expect, it } from 'vitest';
import { attributesPatch, isValidAttributeKey, toRows } from '../attribute-rows.js';

describe('attribute rows', () => {
  it('sends only what changed: new and changed values, removed keys as null, blank rows ignored', () => {
    const before = { city: 'München', tier: 'gold', keep: 'x' };
    const rows = [...toRows(before).filter((r) => r.key !== 'tier').map((r) => (r.key === 'city' ? { ...r, value: 'Hamburg' } : r)), { key: 'segment', value: 'B2B' }, { key: ' ', value: 'ignored' }];
    expect(attributesPatch(before, rows)).toEqual({ tier: null, city: 'Hamburg', segment: 'B2B' });
    expect(attributesPatch(before, toRows(before))).toEqual({});
  });

  it('accepts the keys the server accepts', () => {
    expect(['tier', 'erp.segment', 'a_b-c', '1st'].every(isValidAttributeKey)).toBe(true);
    expect(['', 'bad key', '_lead', '__proto__', 'x'.repeat(65), 'ümlaut'].some(isValidAttributeKey)).toBe(false);
  });
});
