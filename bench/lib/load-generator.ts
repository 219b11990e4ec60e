import { performance } from 'node:perf_hooks';
import { KeepAliveConnection } from './keep-alive-client.js';
import { summarizeLatencies, type LatencySummary } from './percentile.js';

export type LoadOptions = {
  host: string;
  port: number;
  /** Persistent connections, each with one request in flight (a closed loop). */
  connections: number;
  /** Stop issuing new requests after this long; in-flight ones still complete. */
  durationMs: number;
  /** The next pre-serialised request; undefined when the supply is used up (the run ends early). */
  next: () => Buffer | undefined;
  /** Status codes that count as success. */
  okStatuses: readonly number[];
};

export type LoadResult = {
  /** Responses with an ok status. */
  ok: number;
  /** Other statuses and transport errors. */
  errors: number;
  statuses: Record<string, number>;
  firstError?: string;
  /** Epoch ms, comparable with timestamps the Hub writes to its database. */
  startedAt: number;
  endedAt: number;
  elapsedMs: number;
  /** ok / elapsed seconds. */
  perSecond: number;
  /** Latency of successful requests, ms. */
  latencyMs: LatencySummary;
};

type Tally = { ok: number; errors: number; statuses: Record<string, number>; latencies: number[]; firstError?: string };

/** Runs a closed-loop load: `connections` workers send back-to-back over keep-alive connections. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const connections = await Promise.all(Array.from({ length: opts.connections }, () => KeepAliveConnection.open(opts.host, opts.port)));
  const tally: Tally = { ok: 0, errors: 0, statuses: {}, latencies: [] };
  const startedAt = Date.now();
  const start = performance.now();
  const deadline = start + opts.durationMs;
  await Promise.all(connections.map((connection) => worker({ opts, connection, deadline, tally })));
  const elapsedMs = performance.now() - start;
  return {
    ok: tally.ok,
    errors: tally.errors,
    statuses: tally.statuses,
    ...(tally.firstError === undefined ? {} : { firstError: tally.firstError }),
    startedAt,
    endedAt: startedAt + Math.round(elapsedMs),
    elapsedMs,
    perSecond: tally.ok / (elapsedMs / 1000),
    latencyMs: summarizeLatencies(tally.latencies),
  };
}

async function worker(input: { opts: LoadOptions; connection: KeepAliveConnection; deadline: number; tally: Tally }): Promise<void> {
  const { opts, tally, deadline } = input;
  let connection = input.connection;
  try {
    while (performance.now() < deadline && !connection.closed) {
      const request = opts.next();
      if (request === undefined) return;
      connection = await sendOne({ opts, tally, connection, request });
    }
  } finally {
    connection.close();
  }
}

/** Sends one request and tallies it; returns the connection to go on with (a fresh one after a transport error). */
async function sendOne(input: { opts: LoadOptions; tally: Tally; connection: KeepAliveConnection; request: Buffer }): Promise<KeepAliveConnection> {
  const { opts, tally, connection, request } = input;
  const sentAt = performance.now();
  try {
    const status = await connection.send(request);
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
    if (opts.okStatuses.includes(status)) {
      tally.ok += 1;
      tally.latencies.push(performance.now() - sentAt);
    } else {
      tally.errors += 1;
    }
    return connection;
  } catch (error) {
    tally.errors += 1;
    tally.firstError ??= (error as Error).message;
    connection.close();
    // A refused reconnect ends this worker (its connection stays closed); the others carry on.
    return KeepAliveConnection.open(opts.host, opts.port).catch(() => connection);
  }
}
