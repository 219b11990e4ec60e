import type { FastifyServerOptions } from 'fastify';
import { DEFAULT_MAX_STORED_MESSAGES } from './state/emulator-store.js';

/** Delays (ms after the send was accepted) of the automatic status webhooks; `null` = only on command. */
export type StatusDelays = { sent: number; delivered: number; read: number };

/**
 * Options of {@link buildEmulatorApp}. Every field is optional; the defaults give a Meta-like sandbox.
 */
export type EmulatorOptions = {
  /** Injectable wall clock. `POST /_emulator/clock` adds an offset on top. @defaultValue `() => new Date()` */
  now?: () => Date;
  /** Random source for probabilistic faults. @defaultValue `Math.random` */
  random?: () => number;
  /**
   * Public origin used in media download URLs, e.g. `http://127.0.0.1:4010`; the mount prefix is appended.
   * @defaultValue the origin of the latest request (`protocol://host`)
   */
  publicBaseUrl?: string;
  /** Mount point of {@link buildEmulatorApp}, e.g. `/sandbox`. (Embedded plugins use their register prefix.) @defaultValue `''` */
  prefix?: string;
  /** Messages per second per business number (Meta: 80). `0` = unlimited. @defaultValue 80 */
  throughputPerSecond?: number;
  /** @defaultValue `{ sent: 50, delivered: 200, read: 1000 }` */
  statusDelaysMs?: StatusDelays | null;
  /** Backoff between webhook attempts; its length is the number of retries. @defaultValue `[1000, 5000, 30000]` */
  webhookRetryDelaysMs?: readonly number[];
  /** Per-attempt timeout of a webhook POST. @defaultValue 10000 */
  webhookTimeoutMs?: number;
  /** `'default'` seeds the simulated customers of {@link DEFAULT_PERSONAS} for every number. */
  personas?: 'default' | 'none';
  /** Approve new templates automatically after this many ms; `null` = only via the control API. @defaultValue null */
  autoApproveTemplatesAfterMs?: number | null;
  /**
   * Messages kept per direction (and webhook deliveries in the log) before the oldest are forgotten,
   * so a long-running emulator stays bounded. @defaultValue 10000
   */
  maxStoredMessages?: number;
  /** Fastify logger option of the standalone app. @defaultValue false */
  logger?: FastifyServerOptions['logger'];
};

export type ResolvedOptions = {
  now: () => Date;
  random: () => number;
  publicBaseUrl: string | null;
  prefix: string;
  throughputPerSecond: number;
  statusDelaysMs: StatusDelays | null;
  webhookRetryDelaysMs: readonly number[];
  webhookTimeoutMs: number;
  personas: 'default' | 'none';
  autoApproveTemplatesAfterMs: number | null;
  maxStoredMessages: number;
};

export const DEFAULT_STATUS_DELAYS: StatusDelays = { sent: 50, delivered: 200, read: 1000 };
export const DEFAULT_WEBHOOK_RETRY_DELAYS = [1000, 5000, 30000] as const;

/** `'/sandbox/'` → `'/sandbox'`, `'/'` → `''`. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function resolveOptions(opts: EmulatorOptions): ResolvedOptions {
  return {
    now: opts.now ?? (() => new Date()),
    random: opts.random ?? Math.random,
    publicBaseUrl: opts.publicBaseUrl?.replace(/\/+$/, '') ?? null,
    prefix: normalizePrefix(opts.prefix),
    throughputPerSecond: opts.throughputPerSecond ?? 80,
    statusDelaysMs: opts.statusDelaysMs === undefined ? DEFAULT_STATUS_DELAYS : opts.statusDelaysMs,
    webhookRetryDelaysMs: opts.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
    personas: opts.personas ?? 'none',
    autoApproveTemplatesAfterMs: opts.autoApproveTemplatesAfterMs ?? null,
    maxStoredMessages: opts.maxStoredMessages ?? DEFAULT_MAX_STORED_MESSAGES,
  };
}
