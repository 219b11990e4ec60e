import { buildEmulatorApp } from './app.js';

/**
 * Standalone emulator (`npm run emulator`). Env: EMULATOR_PORT (4010), EMULATOR_HOST (127.0.0.1),
 * EMULATOR_PUBLIC_URL (origin used in media URLs), EMULATOR_PERSONAS (`default` | `none`, default `default`),
 * EMULATOR_LOG_LEVEL (info).
 */
const port = Number(process.env['EMULATOR_PORT'] ?? 4010);
const host = process.env['EMULATOR_HOST'] ?? '127.0.0.1';
const publicBaseUrl = process.env['EMULATOR_PUBLIC_URL'];

const app = await buildEmulatorApp({
  logger: { level: process.env['EMULATOR_LOG_LEVEL'] ?? 'info' },
  personas: process.env['EMULATOR_PERSONAS'] === 'none' ? 'none' : 'default',
  ...(publicBaseUrl ? { publicBaseUrl } : {}),
});

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'emulator shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port, host });
