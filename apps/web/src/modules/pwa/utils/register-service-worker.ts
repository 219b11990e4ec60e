/** Where the build writes the service worker (apps/web/build/pwa-plugin.ts); served from the root so its scope is the whole app. */
export const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the app-shell service worker in production builds only: in `vite` dev it would cache
 * modules that change on every save. Failure only costs the offline shell, so it is logged, not shown.
 */
export function registerServiceWorker(env: { prod: boolean } = { prod: import.meta.env.PROD }, nav: Navigator = navigator): void {
  if (!env.prod || !('serviceWorker' in nav)) return;
  const register = () => {
    nav.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch((error: unknown) => {
      console.warn('service worker not registered', error);
    });
  };
  // After the page has loaded, so installing the shell does not compete with the first render.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
