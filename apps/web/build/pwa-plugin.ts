import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { BRAND_COLOR, ICONS, renderIcon } from './icons.js';
import { serviceWorkerSource } from './service-worker-source.js';

export const MANIFEST_FILE = 'manifest.webmanifest';
export const SERVICE_WORKER_FILE = 'sw.js';

/** The web app manifest: installable, standalone, German first (the ERP's home language). */
export function webManifest(): Record<string, unknown> {
  return {
    name: 'VALEO WhatsApp Hub',
    short_name: 'WhatsApp Hub',
    description: 'WhatsApp-Posteingang von VALEO NeuroERP',
    lang: 'de',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#eef1f3',
    theme_color: BRAND_COLOR,
    icons: ICONS.map((icon) => ({ src: `/${icon.file}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose })),
  };
}

/**
 * Makes the production build an installable PWA without downloading anything: draws the icons,
 * writes the manifest and a service worker whose cache is named by a hash of the shell's files (a
 * new build → a new cache, the old one is deleted), and links manifest and theme colour from
 * index.html. Build only: `vite` (dev) stays without a service worker.
 */
export function pwaPlugin(): Plugin {
  return {
    name: 'valeo-pwa',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: `/${MANIFEST_FILE}` }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: BRAND_COLOR }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `/${ICONS[0]!.file}` }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: `${JSON.stringify(webManifest(), null, 2)}\n` });
      const hash = createHash('sha256');
      for (const icon of ICONS) {
        const png = renderIcon(icon);
        hash.update(png);
        this.emitFile({ type: 'asset', fileName: icon.file, source: png });
      }
      const built = Object.keys(bundle).filter((file) => file.startsWith('assets/') && !file.endsWith('.map')).sort();
      const shell = ['/', `/${MANIFEST_FILE}`, ...ICONS.map((icon) => `/${icon.file}`), ...built.map((file) => `/${file}`)];
      // Hashed asset names change with their content, so the names (plus the icons) identify the build.
      for (const path of shell) hash.update(path);
      const version = hash.digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: serviceWorkerSource(version, shell) });
    },
  };
}
