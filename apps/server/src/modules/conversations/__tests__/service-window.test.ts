import { describe, expect, it } from 'vitest';
import { canSendMessageType, isWindowOpen, windowExpiresAt } from '../service-window.js';

const inbound = new Date('2026-05-01T10:00:00.000Z');

describe('24-hour customer-service window', () => {
  it('is open until 24 hours after the last inbound message, then closed', () => {
    const expiry = windowExpiresAt(inbound);
    expect(isWindowOpen(expiry, new Date('2026-05-02T09:59:59.999Z'))).toBe(true);
    expect(isWindowOpen(expiry, new Date('2026-05-02T10:00:00.000Z'))).toBe(false);
  });

  it('is closed when the customer never wrote', () => {
    expect(isWindowOpen(null, inbound)).toBe(false);
  });

  it('allows templates at any time and free-form only inside the window', () => {
    const late = new Date('2026-05-03T00:00:00.000Z');
    expect(canSendMessageType('template', null, late)).toBe(true);
    expect(canSendMessageType('text', windowExpiresAt(inbound), late)).toBe(false);
    expect(canSendMessageType('text', windowExpiresAt(inbound), inbound)).toBe(true);
  });
});
