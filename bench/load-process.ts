/**
 * The load generator, in its own process so it never shares an event loop with the server under
 * test. The parent hands it recipes (`prepare`), which it serialises up front, then asks for timed
 * runs (`run`) against a port; a named supply keeps its position across runs (warm-up, then measure).
 */
import { buildInboundTextWebhooks, type InboundWebhookRequest } from './lib/inbound-webhooks.js';
import { serveParent } from './lib/ipc.js';
import { runLoad, type LoadResult } from './lib/load-generator.js';
import { measurePushLatency, type PushLatencyResult } from './lib/push-latency.js';
import { buildRequests, type Recipe, type RequestSupply } from './lib/request-recipes.js';

export type PrepareArgs = { name: string; recipe: Recipe };
export type PrepareResult = { requests: number; meanBodyBytes: number };
export type PreparePushArgs = Omit<Parameters<typeof buildInboundTextWebhooks>[0], 'path'> & { name: string };
export type PushLatencyArgs = { name: string; port: number; ssePath: string; sseHeaders?: Record<string, string>; timeoutMs: number };
export type RunArgs = {
  name: string;
  port: number;
  connections: number;
  durationMs: number;
  okStatuses: number[];
  /** Start over at the end of the supply instead of ending the run (for servers that do not dedupe). */
  cycle?: boolean;
};

type Supply = RequestSupply & { cursor: number };

const supplies = new Map<string, Supply>();
/** Signed inbound webhooks of the push-latency benchmark, by name (warm-up, measured run). */
const pushSupplies = new Map<string, InboundWebhookRequest[]>();

function supplyNamed(name: string): Supply {
  const supply = supplies.get(name);
  if (!supply) throw new Error(`no supply named ${name}; prepare it first`);
  return supply;
}

serveParent({ pid: process.pid }, {
  prepare: (args: PrepareArgs): PrepareResult => {
    const supply = buildRequests(args.recipe);
    supplies.set(args.name, { ...supply, cursor: 0 });
    return { requests: supply.requests.length, meanBodyBytes: supply.meanBodyBytes };
  },
  /** Starts a supply from its first request again (the no-op baseline gets the Hub's exact bodies). */
  rewind: (args: { name: string }) => {
    supplyNamed(args.name).cursor = 0;
  },
  remaining: (args: { name: string }) => {
    const supply = supplyNamed(args.name);
    return supply.cycle ? Number.MAX_SAFE_INTEGER : supply.requests.length - supply.cursor;
  },
  run: (args: RunArgs): Promise<LoadResult> => {
    const supply = supplyNamed(args.name);
    const next = () => {
      if (supply.cursor >= supply.requests.length) {
        if (!(args.cycle ?? supply.cycle) || supply.requests.length === 0) return undefined;
        supply.cursor = 0;
      }
      return supply.requests[supply.cursor++];
    };
    return runLoad({ host: '127.0.0.1', port: args.port, connections: args.connections, durationMs: args.durationMs, next, okStatuses: args.okStatuses });
  },
  preparePush: (args: PreparePushArgs): number => {
    const { name, ...input } = args;
    pushSupplies.set(name, buildInboundTextWebhooks({ ...input, path: '/webhooks/whatsapp' }));
    return input.count;
  },
  pushLatency: (args: PushLatencyArgs): Promise<PushLatencyResult> => {
    const webhooks = pushSupplies.get(args.name);
    if (!webhooks) throw new Error(`no push supply named ${args.name}; preparePush first`);
    const { name: _name, ...rest } = args;
    return measurePushLatency({ ...rest, webhooks });
  },
  stop: () => undefined,
});
