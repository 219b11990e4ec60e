import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.js';
import { CloudApiProvider } from '../cloud-api/cloud-api.provider.js';
import { FakeMessagingProvider } from '../fake/fake-messaging-provider.js';
import { createProviderRegistry } from '../provider-registry.js';

describe('createProviderRegistry', () => {
  it('returns the instance registered for each kind', () => {
    const cloud = new CloudApiProvider();
    const fake = new FakeMessagingProvider();
    const registry = createProviderRegistry([cloud, fake]);
    expect(registry.get('cloud-api')).toBe(cloud);
    expect(registry.get('fake')).toBe(fake);
    expect(registry.kinds()).toEqual(['cloud-api', 'fake']);
    expect(registry.has('fake')).toBe(true);
  });

  it('throws an AppError naming the unknown kind and the registered ones', () => {
    const registry = createProviderRegistry([new FakeMessagingProvider()]);
    let caught: unknown;
    try { registry.get('baileys'); } catch (error) { caught = error; }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'PROVIDER_NOT_REGISTERED', httpStatus: 500, details: { kind: 'baileys', registered: ['fake'] } });
    expect(registry.has('baileys')).toBe(false);
  });

  it('refuses two providers of the same kind', () => {
    expect(() => createProviderRegistry([new FakeMessagingProvider(), new FakeMessagingProvider()])).toThrow(/fake/);
  });
});
