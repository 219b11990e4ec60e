import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../logger.js';
import { InProcessEventBus } from '../in-process-event-bus.js';

const payload = { tenantId: 't', channelId: 'c', conversationId: 'v', messageId: 'm', contactWaId: '49', type: 'text' };

describe('InProcessEventBus', () => {
  it('delivers to every subscriber after publish returns, and stops after unsubscribe', async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    const off = bus.subscribe('message.received', (p) => void seen.push(`a:${p.messageId}`));
    bus.subscribe('message.received', (p) => void seen.push(`b:${p.messageId}`));
    bus.publish('message.received', payload);
    expect(seen).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(seen.sort()).toEqual(['a:m', 'b:m']);
    off();
    bus.publish('message.received', { ...payload, messageId: 'n' });
    await new Promise((r) => setImmediate(r));
    expect(seen.sort()).toEqual(['a:m', 'b:m', 'b:n']);
  });

  it('logs a failing handler without affecting the others', async () => {
    const error = vi.fn();
    const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error, child: () => logger };
    const bus = new InProcessEventBus(logger);
    const ok = vi.fn();
    bus.subscribe('message.received', () => {
      throw new Error('boom');
    });
    bus.subscribe('message.received', ok);
    bus.publish('message.received', payload);
    await new Promise((r) => setImmediate(r));
    expect(ok).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
  });
});
