import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/load-config.js';
import { printBanner } from './composition/print-banner.js';
import { startHub } from './composition/start-hub.js';
import type { Logger } from './core/logger.js';

/** Process entry: config → start the roles → banner → graceful shutdown on signals. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = pino({ level: config.log.level });
  const hub = await startHub({ config, logger: log as unknown as Logger });
  printBanner({ config, publicBaseUrl: hub.publicBaseUrl, initialApiKey: hub.initialApiKey, sandbox: hub.sandbox, personas: hub.personas });

  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'shutting down after an error');
    else log.info({ signal }, 'shutting down');
    await hub.close();
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(error);
  process.exit(1);
});
