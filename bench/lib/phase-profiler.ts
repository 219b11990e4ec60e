import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Optional diagnostics (`npm run bench -- --profile`): a V8 CPU profile of the Hub process for each
 * measured phase only (not start-up, not the idle baselines), written as `<phase>.cpuprofile`. Open
 * it in Chrome DevTools (Performance tab) or VS Code. Profiling slows the Hub down.
 */
export class PhaseProfiler {
  readonly #session = new Session();
  readonly #dir: URL;
  #connected = false;

  constructor(dir: URL) {
    this.#dir = dir;
  }

  async start(): Promise<void> {
    if (!this.#connected) {
      this.#session.connect();
      await this.#session.post('Profiler.enable');
      await this.#session.post('Profiler.setSamplingInterval', { interval: 250 });
      this.#connected = true;
    }
    await this.#session.post('Profiler.start');
  }

  /** Stops the profile and writes it; returns the file path. */
  async stop(phase: string): Promise<string> {
    const { profile } = await this.#session.post('Profiler.stop');
    mkdirSync(this.#dir, { recursive: true });
    const file = new URL(`${phase.replace(/[^a-z0-9_-]/gi, '_')}.cpuprofile`, this.#dir);
    writeFileSync(file, JSON.stringify(profile));
    return file.pathname;
  }
}
