import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Parent ↔ child messaging for the benchmark processes (Hub, no-op server, load generator), so
 * each runs on its own event loop and core. A child announces `{ ready }` once, then answers
 * `{ id, command, args }` requests with `{ id, ok, result | error }`.
 */
type Request = { id: number; command: string; args: unknown };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
type ChildMessage = { ready: unknown } | Reply;

export type ChildHandle<Ready> = {
  ready: Ready;
  pid: number;
  call<T>(command: string, args?: unknown): Promise<T>;
  /** Asks the child to stop (its `stop` handler), then waits for it to exit. */
  stop(): Promise<void>;
};

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/** Forks a TypeScript entry under tsx; its stdout and stderr go to our stderr, keeping our stdout for figures. */
export function startChild<Ready>(script: URL, opts: { nodeOptions?: string[]; args?: string[] } = {}): Promise<ChildHandle<Ready>> {
  const execArgv = ['--import', 'tsx', ...(opts.nodeOptions ?? [])];
  const child = fork(fileURLToPath(script), opts.args ?? [], { execArgv, stdio: ['ignore', 2, 2, 'ipc'] });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`${script.pathname} exited (${code})`));
    waiting.clear();
  });
  const handle = (ready: Ready): ChildHandle<Ready> => ({
    ready,
    pid: child.pid ?? -1,
    call<T>(command: string, callArgs?: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, args: callArgs } satisfies Request);
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await this.call('stop').catch(() => undefined);
      await exited;
      clearTimeout(timer);
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script.pathname} did not start in time`)), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`${script.pathname} exited (${code}) before it was ready`)));
    child.on('message', (message: ChildMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(handle(message.ready as Ready));
        return;
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve(message.result);
      else pending?.reject(new Error(message.error));
    });
  });
}

export type Handlers = Record<string, (args: never) => Promise<unknown> | unknown>;

/** Child side: announces `ready` and serves `handlers`; `stop` runs the handler, then exits (also when the parent goes away). */
export function serveParent(ready: unknown, handlers: Handlers): void {
  const send = (message: ChildMessage, then?: () => void) => process.send?.(message, undefined, undefined, (error: Error | null) => {
    if (error) process.stderr.write(`could not answer the parent: ${error.message}\n`);
    then?.();
  });
  process.on('message', (message: Request) => {
    const handler = handlers[message.command];
    // After `stop` the process exits once the answer is written to the channel.
    const then = message.command === 'stop' ? () => process.exit(0) : undefined;
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${message.command}`);
        return handler(message.args as never);
      })
      .then(
        (result) => send({ id: message.id, ok: true, result }, then),
        (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }, then),
      );
  });
  // An orphaned child (the parent died or was interrupted) cleans up like on `stop`, then exits.
  process.once('disconnect', () => {
    void Promise.resolve(handlers['stop']?.(undefined as never)).finally(() => process.exit(0));
  });
  send({ ready });
}
