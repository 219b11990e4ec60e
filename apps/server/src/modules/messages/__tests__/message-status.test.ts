import { describe, expect, it } from 'vitest';
import { isMessageStatus, isStatusAdvance } from '../message-status.js';
import type { MessageStatus } from '../messages.types.js';

function finalStatus(start: MessageStatus, updates: MessageStatus[]): MessageStatus {
  return updates.reduce((current, next) => (isStatusAdvance(current, next) ? next : current), start);
}

describe('message status ordering', () => {
  it('ends in read whatever order sent/delivered/read arrive in', () => {
    const orders: MessageStatus[][] = [
      ['sent', 'delivered', 'read'],
      ['read', 'sent', 'delivered'],
      ['delivered', 'read', 'sent'],
      ['read', 'read', 'delivered', 'sent', 'sent'],
    ];
    for (const order of orders) expect(finalStatus('queued', order)).toBe('read');
  });

  it('lets failed override sent but never delivered or read', () => {
    expect(finalStatus('sent', ['failed'])).toBe('failed');
    expect(finalStatus('queued', ['failed', 'sent'])).toBe('failed');
    expect(finalStatus('delivered', ['failed'])).toBe('delivered');
  });

  it('resolves an unknown outcome with any provider status', () => {
    expect(isStatusAdvance('unknown', 'sent')).toBe(true);
    expect(isStatusAdvance('unknown', 'failed')).toBe(true);
    expect(isStatusAdvance('sent', 'unknown')).toBe(false);
  });

  it('recognises only known statuses', () => {
    expect(isMessageStatus('played')).toBe(true);
    expect(isMessageStatus('accepted')).toBe(false);
    expect(isMessageStatus('constructor')).toBe(false);
  });
});
