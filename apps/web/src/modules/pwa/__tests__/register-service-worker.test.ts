import { describe, expect, it, vi } from 'vitest';
import { registerServiceWorker, SERVICE_WORKER_URL } from '../utils/register-service-worker.js';

function fakeNavigator() {
  const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
  return { nav: { serviceWorker: { register } } as unknown as Navigator, register };
}

describe('registerServiceWorker', () => {
  it('registers /sw.js for the whole app in a production build', () => {
    const { nav, register } = fakeNavigator();
    registerServiceWorker({ prod: true }, nav);
    if (document.readyState !== 'complete') window.dispatchEvent(new Event('load'));
    expect(register).toHaveBeenCalledWith(SERVICE_WORKER_URL, { scope: '/' });
  });

  it('never registers in development (vite dev would cache changing modules)', () => {
    const { nav, register } = fakeNavigator();
    registerServiceWorker({ prod: false }, nav);
    window.dispatchEvent(new Event('load'));
    expect(register).not.toHaveBeenCalled();
  });

  it('does nothing where service workers are unsupported', () => {
    expect(() => registerServiceWorker({ prod: true }, {} as Navigator)).not.toThrow();
  });
});
