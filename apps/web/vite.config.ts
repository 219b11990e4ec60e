import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { pwaPlugin } from './build/pwa-plugin.js';

/**
 * Builds the agents' inbox into `dist/` (served by apps/server's serve-web.ts). The dev server
 * proxies the API to a Hub on :3000, so `npx vite apps/web` works beside `npm run dev`.
 * The `test` block is the happy-dom project of the root vitest.config.ts.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), pwaPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP allows scripts from 'self' only; keep every asset a file, never an inline data: script.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The app takes constants (event names, error codes) from @valeo/contracts, whose modules also
      // build TypeBox schemas for the server. Those are pure: let the bundler drop what the app does
      // not use, so the schemas and the Cloud API package stay out of the browser bundle.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/](packages[\\/](contracts|cloud-api)|node_modules[\\/]typebox)[\\/]/.test(id),
        manualPureFunctions: ['Type', 'Compile'],
      },
      // Resolving @valeo/cloud-api (behind the contracts) meets its node:crypto import; the code using
      // it is tree-shaken away, so the "externalized for browser compatibility" notice is noise there.
      onLog(level, log, handler) {
        if (log.plugin === 'rolldown:vite-resolve' && /node:crypto.*packages\/cloud-api\//s.test(log.message)) return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
