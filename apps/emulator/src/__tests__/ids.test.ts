import { describe, expect, it } from 'vitest';
import { createGraphId, createWamid, toWaId } from '../ids.js';

describe('ids', () => {
  it('builds wamids shaped like Meta\'s, embedding the wa_id and direction', () => {
    const outbound = Buffer.from(createWamid('16505551234', 'outbound').slice('wamid.'.length), 'base64');
    const inbound = Buffer.from(createWamid('16505551234', 'inbound').slice('wamid.'.length), 'base64');
    expect([...outbound.subarray(0, 3)]).toEqual([0x1c, 0x18, 11]);
    expect(outbound.subarray(3, 14).toString()).toBe('16505551234');
    expect(outbound[17]).toBe(0x11);
    expect(inbound[17]).toBe(0x12);
    expect(outbound.at(-1)).toBe(0);
    expect(createWamid('1', 'outbound')).not.toBe(createWamid('1', 'outbound'));
  });

  it('creates numeric Graph ids and normalises phone numbers', () => {
    expect(createGraphId()).toMatch(/^1\d{15}$/);
    expect(Number.isSafeInteger(Number(createGraphId()))).toBe(true);
    expect(toWaId('+49 (151) 123-45')).toBe('4915112345');
  });
});
