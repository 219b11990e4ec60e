import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { createEmulatorContext, type EmulatorContext } from './context.js';
import { controlPlugin } from './control/control.plugin.js';
import { graphPlugin } from './graph/graph.plugin.js';
import { resolveOptions, type EmulatorOptions } from './options.js';
import { seedDefaultPersonas } from './personas.js';
import { seedHelloWorld } from './templates.js';

/** Clears state and timers; `keepPhoneNumbers` keeps registrations (and re-seeds their templates). */
function resetEmulator(ctx: EmulatorContext, keepPhoneNumbers: boolean): void {
  ctx.scheduler.cancelAll();
  ctx.faults.clear();
  ctx.clock.reset();
  ctx.throughput.reset();
  const numbers = [...ctx.store.phoneNumbers.values()];
  ctx.store.clear();
  if (keepPhoneNumbers) {
    for (const number of numbers) {
      ctx.store.phoneNumbers.set(number.phoneNumberId, number);
      seedHelloWorld(ctx, number.wabaId);
    }
  }
  if (ctx.options.personas === 'default') seedDefaultPersonas(ctx);
}

/**
 * The emulator as a Fastify plugin, for embedding in another app: `app.register(plugin, { prefix: '/sandbox' })`.
 * Links it hands out (media URLs) use the prefix it is mounted under; `opts.prefix` is only used by
 * {@link buildEmulatorApp}.
 */
export function createEmulatorPlugin(opts: EmulatorOptions = {}): { plugin: FastifyPluginAsync; context: EmulatorContext } {
  const options = resolveOptions(opts);
  let log: FastifyInstance['log'] | undefined;
  const context = createEmulatorContext(options, (err) => log?.error({ err }, 'emulator background task failed'));
  if (options.personas === 'default') seedDefaultPersonas(context);
  const plugin: FastifyPluginAsync = async (app) => {
    log = app.log;
    context.mountPrefix = app.prefix;
    app.addHook('onRequest', async (request) => {
      context.lastSeenOrigin = `${request.protocol}://${request.host}`;
    });
    app.addHook('onClose', async () => context.scheduler.cancelAll());
    await app.register(controlPlugin(context, (keep) => resetEmulator(context, keep)));
    await app.register(graphPlugin(context));
  };
  return { plugin, context };
}

/** Builds the standalone emulator app (never listens; `main.ts` or a test does). */
export async function buildEmulatorApp(opts: EmulatorOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // Clients that gave up (timeoutAfterAccept, latency faults) leave keep-alive sockets behind that
    // undici does not close; without this, close() would wait for them forever.
    forceCloseConnections: true,
  });
  const { plugin } = createEmulatorPlugin(opts);
  await app.register(plugin, { prefix: resolveOptions(opts).prefix });
  return app;
}
