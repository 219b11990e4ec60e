import type { HubPhaseUsage } from '../hub-process.js';
import type { LoadResult } from '../lib/load-generator.js';
import type { Recipe } from '../lib/request-recipes.js';
import type { RunArgs } from '../load-process.js';
import { describeLoad, prepareSupply, withHubUsage, type BenchContext } from './bench-context.js';

export type ConversationListResult = {
  conversations: number;
  seedMs: number;
  /** Offset of the deep page's cursor (conversations before it). */
  deepOffset: number;
  health: LoadResult;
  firstPage: LoadResult;
  deepPage: LoadResult;
  hub: HubPhaseUsage;
  problems: string[];
};

/** One agent's browser: one request at a time, so the figure is the response time, not a queue. */
const CONNECTIONS = 1;
const PAGE = 50;

/**
 * `conversation_list`: `GET /api/v1/conversations?limit=50` with `count` conversations in the
 * tenant (seeded straight into the Hub's database), newest first (page 1) and from a cursor
 * 90 % of the way down (the keyset page an agent reaches after scrolling for long). Baseline:
 * `GET /healthz` of the same Hub over the same connection (routing, auth-free JSON answer).
 */
export async function measureConversationList(ctx: BenchContext, opts: { conversations: number }): Promise<ConversationListResult> {
  const { ready } = ctx.hub;
  const seed = await ctx.hub.call<{ seeded: number; ms: number }>('seedConversations', { count: opts.conversations });
  ctx.log(`seeded ${seed.seeded} contacts + conversations in ${(seed.ms / 1000).toFixed(1)} s`);
  // 90 % down, but with a full page and a next cursor after it also for small --conversations.
  const deepOffset = Math.min(Math.floor(opts.conversations * 0.9), opts.conversations - 2 * PAGE);
  const cursor = await ctx.hub.call<string>('conversationCursorAt', { offset: deepOffset });
  const auth = { authorization: `Bearer ${ready.apiKey}` };
  const supplies: [string, Recipe][] = [
    ['healthz', { kind: 'get', path: '/healthz', headers: {} }],
    ['list-first', { kind: 'get', path: `/api/v1/conversations?limit=${PAGE}`, headers: auth }],
    ['list-deep', { kind: 'get', path: `/api/v1/conversations?limit=${PAGE}&cursor=${cursor}`, headers: auth }],
  ];
  for (const [name, recipe] of supplies) await prepareSupply(ctx, name, recipe);
  const problems = await checkPages(ready.port, auth, supplies.slice(1).map(([, recipe]) => (recipe as { path: string }).path));
  const run = (name: string, durationMs: number) =>
    ctx.load.call<LoadResult>('run', { name, port: ready.port, connections: CONNECTIONS, durationMs, okStatuses: [200] } satisfies RunArgs);
  const measure = async (name: string, label: string) => {
    await run(name, ctx.settings.warmupMs);
    const result = await run(name, ctx.settings.durationMs);
    ctx.log(describeLoad(label, result));
    return result;
  };
  const { result, hub } = await withHubUsage(ctx, 'conversation_list', async () => ({
    health: await measure('healthz', 'GET /healthz (baseline)'),
    firstPage: await measure('list-first', `GET /api/v1/conversations (first page of ${opts.conversations})`),
    deepPage: await measure('list-deep', `GET /api/v1/conversations (cursor after ${deepOffset})`),
  }));
  for (const [label, load] of Object.entries(result)) {
    if (load.errors > 0) problems.push(`conversation_list ${label}: ${load.errors} failed requests ${JSON.stringify(load.statuses)}${load.firstError ? ` (${load.firstError})` : ''}`);
  }
  return { conversations: opts.conversations, seedMs: seed.ms, deepOffset, ...result, hub, problems };
}

/** The timed requests only check the status; this checks once that both pages are full pages. */
async function checkPages(port: number, headers: Record<string, string>, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    const body = (await response.json()) as { data?: unknown[]; nextCursor?: string | null };
    if (response.status !== 200 || body.data?.length !== PAGE || !body.nextCursor) {
      problems.push(`conversation_list: ${path} answered ${response.status} with ${body.data?.length ?? 'no'} conversations (want ${PAGE} and a next cursor)`);
    }
  }
  return problems;
}
