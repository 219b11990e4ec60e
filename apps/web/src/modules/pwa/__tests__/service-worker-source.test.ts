import { describe, expect, it } from 'vitest';
import { serviceWorkerSource, SHELL_CACHE_PREFIX } from '../../../../build/service-worker-source.js';

type Listener = (event: FakeEvent) => void;
type FakeEvent = { request?: { method: string; url: string; mode: string }; waitUntil(p: Promise<unknown>): void; respondWith(p: Promise<unknown>): void };

/** Runs the generated worker against fake `self`, `caches` and `fetch`, recording what it does. */
function loadWorker(version: string, shell: string[], existingCaches: string[], network: 'up' | 'down' = 'up') {
  const listeners = new Map<string, Listener>();
  const stores = new Map<string, Map<string, string>>(existingCaches.map((name) => [name, new Map()]));
  const deleted: string[] = [];
  const fetched: string[] = [];
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name)!;
      return {
        addAll: async (paths: string[]) => paths.forEach((path) => store.set(path, `cached ${path}`)),
        match: async (path: string) => store.get(path),
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => {
      deleted.push(name);
      return stores.delete(name);
    },
  };
  const self = {
    location: { origin: 'https://hub.example' },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  const fetchFake = async (request: { url: string } | string) => {
    fetched.push(typeof request === 'string' ? request : request.url);
    if (network === 'down') throw new TypeError('Failed to fetch');
    return 'network';
  };
  new Function('self', 'caches', 'fetch', 'Response', serviceWorkerSource(version, shell))(self, caches, fetchFake, { error: () => 'error' });

  async function dispatch(type: string, request?: FakeEvent['request']): Promise<unknown> {
    let waited: Promise<unknown> = Promise.resolve();
    let answer: Promise<unknown> | undefined;
    listeners.get(type)!({ ...(request ? { request } : {}), waitUntil: (p) => (waited = p), respondWith: (p) => (answer = p) });
    await waited;
    return answer === undefined ? 'not handled' : await answer;
  }
  return { stores, deleted, fetched, dispatch };
}

const SHELL = ['/', '/manifest.webmanifest', '/assets/index-abc.js'];
const get = (path: string, mode = 'no-cors') => ({ method: 'GET', url: `https://hub.example${path}`, mode });

describe('the generated service worker', () => {
  it('installs exactly the shell into the versioned cache and deletes older shell caches on activate', async () => {
    const worker = loadWorker('v2', SHELL, [`${SHELL_CACHE_PREFIX}v1`, 'someone-elses-cache']);
    await worker.dispatch('install');
    expect([...worker.stores.get(`${SHELL_CACHE_PREFIX}v2`)!.keys()]).toEqual(SHELL);
    await worker.dispatch('activate');
    expect(worker.deleted).toEqual([`${SHELL_CACHE_PREFIX}v1`]);
    expect([...worker.stores.keys()].sort()).toEqual(['someone-elses-cache', `${SHELL_CACHE_PREFIX}v2`]);
  });

  it('answers shell files from the cache and leaves the API, media and other requests alone', async () => {
    const worker = loadWorker('v1', SHELL, []);
    await worker.dispatch('install');
    expect(await worker.dispatch('fetch', get('/assets/index-abc.js'))).toBe('cached /assets/index-abc.js');
    for (const path of ['/api/v1/conversations', '/api/v1/media/m1/content', '/api/v1/events', '/sandbox/_emulator/inbound', '/assets/other.js']) {
      expect(await worker.dispatch('fetch', get(path)), path).toBe('not handled');
    }
    expect(await worker.dispatch('fetch', { method: 'POST', url: 'https://hub.example/', mode: 'cors' })).toBe('not handled');
    expect(await worker.dispatch('fetch', { method: 'GET', url: 'https://elsewhere.example/assets/index-abc.js', mode: 'no-cors' })).toBe('not handled');
    expect(await worker.dispatch('fetch', get('/api/v1/auth/me', 'navigate'))).toBe('not handled');
  });

  it('loads pages from the network first, the cached shell only when that fails', async () => {
    const online = loadWorker('v1', SHELL, []);
    await online.dispatch('install');
    expect(await online.dispatch('fetch', get('/c/123', 'navigate'))).toBe('network');
    const offline = loadWorker('v1', SHELL, [], 'down');
    offline.stores.set(`${SHELL_CACHE_PREFIX}v1`, new Map([['/', 'cached /']]));
    expect(await offline.dispatch('fetch', get('/c/123', 'navigate'))).toBe('cached /');
  });
});
