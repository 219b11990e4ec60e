import { Type } from 'typebox';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Db, Trx } from '../../db/database.js';
import type { InboundEvent, MessagingProvider } from '../../providers/messaging-provider.js';
import { RetryJobError } from '../../queue/job-errors.js';
import { defineJob, jobSettings, type JobContext, type JobHandler } from '../../queue/job-queue.js';
import {
  findInboundEvents, finishInboundEvent, finishInboundEvents, pendingInboundEventIds, type InboundEventFinish, type InboundEventRecord,
} from './inbound-events.repository.js';
import type { InboundMediaInput, InboundMediaRegistrar, InboundMessageSink, SinkStatusInput } from './inbound-message-sink.js';
import type { WebhookChannel, WebhookChannelDirectory } from './webhook-channels.js';

/**
 * Turns stored raw webhooks into messages, statuses and media downloads. One job carries the events
 * committed together by the intake's group commit (often just one).
 */
export const processInboundEventJob = defineJob({
  name: 'inbound.process',
  schema: Type.Object({
    inboundEventIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 1_000 }),
  }, { additionalProperties: false }),
  maxAttempts: 10,
  backoff: { baseMs: 1_000, maxMs: 60_000 },
  // One job at a time per process: jobs are claimed in arrival order, so a customer's messages are
  // stored (and listed) in that order. Four at once applied statuses faster on PostgreSQL (bench
  // --postgres: 3,981 → 5,251 statuses/s) but could store two messages of one conversation out of
  // order (as several worker processes still can); doing it safely needs jobs partitioned by conversation.
});

export type ProcessInboundEventPayload = { inboundEventIds: string[] };

export type ProcessInboundEventDeps = {
  db: Db;
  provider: MessagingProvider;
  channels: WebhookChannelDirectory;
  sink: InboundMessageSink;
  media: InboundMediaRegistrar;
  clock: Clock;
  logger: Logger;
  /**
   * Attempts during which a status for a message we do not know yet is retried: Meta can report
   * `sent` before our own send transaction committed the wamid. @defaultValue 4
   */
  statusMatchAttempts?: number;
  /** Delay before such a retry, times the attempt number. @defaultValue 1000 ms */
  statusRetryDelayMs?: number;
};

const MEDIA_MESSAGE_TYPES: readonly string[] = ['image', 'audio', 'video', 'document', 'sticker'];

/** Events applied in one transaction (bounded so the SQLite connection is not held for long). */
const TOGETHER_MAX = 64;

/** The transaction events are processed in, and what to publish once it committed. */
type Unit = {
  trx: Trx;
  afterCommit: (() => void)[];
  /** The pending events read, their parsed bodies by event id and channels by phone number id, prepared outside the transaction. */
  events: Map<string, InboundEventRecord>;
  parsed: Map<string, InboundEvent[] | Error>;
  routes: Map<string, WebhookChannel | undefined>;
  /** Status items waiting to be applied together once every event's other items ran. */
  statuses: { input: SinkStatusInput; report: RunReport }[];
  /** Final states written together at the end of the unit. */
  finishes: InboundEventFinish[];
};

/** An event whose items ran, waiting to be finished (or deferred) once the statuses are applied. */
type StartedEvent = { event: InboundEventRecord; report: RunReport };

/** What a run noticed beyond the normal flow; kept on the event row as its note. */
type RunReport = { unmatched: string[]; unrouted: number; vendorErrors: number[]; otherFields: Set<string> };

/** The `inbound.process` handler, to register with `queue.work(processInboundEventJob, …)`. */
export function createProcessInboundEventHandler(deps: ProcessInboundEventDeps): JobHandler<ProcessInboundEventPayload> {
  const processor = new InboundEventProcessor(deps);
  return (payload, ctx) => processor.process(payload, ctx);
}

/**
 * Idempotent under replays: a finished event is skipped, `recordInbound` dedupes by wamid (and a
 * duplicate never gets a second media row), statuses only move forward.
 */
export class InboundEventProcessor {
  readonly #deps: ProcessInboundEventDeps;
  readonly #log: Logger;
  readonly #statusMatchAttempts: number;
  readonly #statusRetryDelayMs: number;

  constructor(deps: ProcessInboundEventDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ job: processInboundEventJob.name });
    this.#statusMatchAttempts = deps.statusMatchAttempts ?? 4;
    this.#statusRetryDelayMs = deps.statusRetryDelayMs ?? 1_000;
  }

  /**
   * The events of a job are applied together, in transactions of up to {@link TOGETHER_MAX} events
   * (one commit instead of two per event: the group commit of the intake, carried on). If such a
   * transaction fails, its events are processed again one by one, each in its own transaction, so
   * one bad event does not hold up the others. Finished events are skipped on a re-run, so a retry
   * only redoes what is still pending. On the last attempt a still-failing event is marked `failed`
   * (the dead letter, kept with its raw body).
   */
  async process(payload: ProcessInboundEventPayload, ctx: JobContext): Promise<void> {
    const lastAttempt = ctx.attempt >= jobSettings(processInboundEventJob).maxAttempts;
    let deferred = 0;
    let failure: unknown;
    const alone: string[] = [];
    for (const ids of chunks(payload.inboundEventIds, TOGETHER_MAX)) {
      const together = ids.length > 1 ? await this.#processTogether(ids, ctx) : undefined;
      if (together === undefined) alone.push(...ids);
      else deferred += together;
    }
    for (const id of alone) {
      try {
        deferred += await this.#inTransaction([id], (unit) => this.#runEvents([id], ctx, unit));
      } catch (error) {
        failure ??= error;
        this.#log.error({ eventId: id, err: error, attempt: ctx.attempt }, 'inbound event processing failed');
        if (lastAttempt) await finishInboundEvent(this.#deps.db, { id, status: 'failed', note: errorNote(error), at: this.#deps.clock.now() });
      }
    }
    if (failure !== undefined && !lastAttempt) throw failure;
    if (deferred > 0) {
      throw new RetryJobError(`status updates for messages not found yet in ${deferred} event(s)`, {
        retryAfterMs: this.#statusRetryDelayMs * ctx.attempt,
      });
    }
  }

  /** Deferred events of a committed batch, or undefined when the batch rolled back. */
  async #processTogether(ids: string[], ctx: JobContext): Promise<number | undefined> {
    try {
      return await this.#inTransaction(ids, (unit) => this.#runEvents(ids, ctx, unit));
    } catch (error) {
      this.#log.warn({ events: ids.length, err: error }, 'a batch of inbound events failed; processing them one by one');
      return undefined;
    }
  }

  /**
   * Runs `fn` in a transaction; the domain events it collected are published after the commit only.
   * The events are read, parsed and routed first, outside it: on SQLite the transaction holds the
   * one connection, so a channel lookup inside it would wait for itself.
   */
  async #inTransaction<T>(ids: readonly string[], fn: (unit: Unit) => Promise<T>): Promise<T> {
    const prepared = await this.#prepare(ids);
    const afterCommit: (() => void)[] = [];
    const result = await this.#deps.db.transaction().execute((trx) => fn({ trx, afterCommit, statuses: [], finishes: [], ...prepared }));
    for (const publish of afterCommit) publish();
    return result;
  }

  async #prepare(ids: readonly string[]): Promise<Pick<Unit, 'events' | 'parsed' | 'routes'>> {
    const events = await findInboundEvents(this.#deps.db, ids);
    const parsed = new Map<string, InboundEvent[] | Error>();
    const routes = new Map<string, WebhookChannel | undefined>();
    for (const id of ids) {
      const event = events.get(id);
      if (event === undefined || event.status !== 'pending') {
        events.delete(id);
        continue;
      }
      const items = this.#parseItems(event);
      parsed.set(id, items);
      if (items instanceof Error) continue;
      for (const item of items) {
        if (item.kind === 'other' || item.phoneNumberId === undefined || routes.has(item.phoneNumberId)) continue;
        routes.set(item.phoneNumberId, await this.#deps.channels.byPhoneNumberId(item.phoneNumberId));
      }
    }
    return { events, parsed, routes };
  }

  /**
   * The events' items in order (messages at once; status items collected and applied together
   * afterwards), then each event finished or deferred. Returns how many were deferred.
   */
  async #runEvents(ids: readonly string[], ctx: JobContext, unit: Unit): Promise<number> {
    // Re-checked inside the transaction: gone or already final means a re-delivered job, a no-op
    // for that event (handlers are at-least-once). The bodies read before it are still valid: a
    // stored body never changes.
    const pending = await pendingInboundEventIds(unit.trx, ids);
    const started: StartedEvent[] = [];
    for (const id of ids) {
      const event = unit.events.get(id);
      if (event === undefined || !pending.has(id)) continue;
      const run = await this.#startEvent(event, unit);
      if (run !== undefined) started.push(run);
    }
    await this.#applyCollectedStatuses(unit);
    let deferred = 0;
    for (const event of started) if (this.#finishEvent(event, ctx, unit) === 'deferred') deferred += 1;
    await finishInboundEvents(unit.trx, unit.finishes, this.#deps.clock.now());
    return deferred;
  }

  async #startEvent(event: InboundEventRecord, unit: Unit): Promise<StartedEvent | undefined> {
    const items = unit.parsed.get(event.id) ?? this.#parseItems(event);
    if (items instanceof Error) {
      this.#log.error({ eventId: event.id, err: items.message }, 'stored webhook cannot be parsed; kept as failed');
      unit.finishes.push({ id: event.id, status: 'failed', note: items.message });
      return undefined;
    }
    const report: RunReport = { unmatched: [], unrouted: 0, vendorErrors: [], otherFields: new Set() };
    // Every entry × change × item, in order (house rule 6; Chatwoot and whatsapp-api-js read only [0]).
    for (const item of items) await this.#processItem(item, event, report, unit);
    return { event, report };
  }

  async #applyCollectedStatuses(unit: Unit): Promise<void> {
    const collected = unit.statuses;
    if (collected.length === 0) return;
    const results = await this.#deps.sink.applyStatuses(collected.map((c) => c.input), unit.trx);
    results.forEach((result, i) => {
      const { input: { event }, report } = collected[i]!;
      if (result.afterCommit) unit.afterCommit.push(result.afterCommit);
      if (result.outcome === 'message-not-found') report.unmatched.push(`${event.wamid} (${event.status})`);
    });
    collected.length = 0;
  }

  #finishEvent({ event, report }: StartedEvent, ctx: JobContext, unit: Unit): 'done' | 'deferred' {
    if (report.unmatched.length > 0 && ctx.attempt < this.#statusMatchAttempts) return 'deferred';
    if (report.unmatched.length > 0) {
      // The wamids go to the event row, not the log: a wamid encodes the customer's number (GDPR-07).
      this.#log.warn({ eventId: event.id, unmatched: report.unmatched.length }, 'status updates for unknown messages; recorded as unmatched');
    }
    unit.finishes.push({ id: event.id, status: 'processed', note: describeReport(report) });
    return 'done';
  }

  #parseItems(event: InboundEventRecord): InboundEvent[] | Error {
    try {
      return this.#deps.provider.parseWebhook(JSON.parse(event.rawBody));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  async #processItem(item: InboundEvent, event: InboundEventRecord, report: RunReport, unit: Unit): Promise<void> {
    if (item.kind === 'other') {
      report.otherFields.add(item.field);
      this.#log.info({ eventId: event.id, field: item.field, wabaId: item.wabaId }, 'webhook field without a handler; kept raw');
      return;
    }
    const channel = item.phoneNumberId === undefined ? undefined : this.#routeTo(item.phoneNumberId, event, unit);
    if (item.kind === 'error') {
      report.vendorErrors.push(...item.errors.map((e) => e.code));
      this.#log.warn({ eventId: event.id, channelId: channel?.channelId, errors: item.errors }, 'webhook carries value-level errors');
      return;
    }
    if (channel === undefined) {
      report.unrouted += 1;
      this.#log.warn({ eventId: event.id, phoneNumberId: item.phoneNumberId }, 'webhook item for a phone number without channel; skipped');
      return;
    }
    const scope = { tenantId: channel.tenantId, channelId: channel.channelId };
    if (item.kind === 'status') {
      unit.statuses.push({ input: { ...scope, event: item }, report });
      return;
    }
    await this.#recordMessage(item, scope, unit);
  }

  /** The message and, for media types, its media row + `media.fetch` job: in the event's transaction. */
  async #recordMessage(item: Extract<InboundEvent, { kind: 'message' }>, scope: { tenantId: string; channelId: string }, unit: Unit): Promise<void> {
    const result = await this.#deps.sink.recordInbound({ ...scope, event: item }, unit.trx);
    if (result.afterCommit) unit.afterCommit.push(result.afterCommit);
    // A duplicate already got its media row when it was first recorded, in that transaction.
    if (result.duplicate || !MEDIA_MESSAGE_TYPES.includes(item.type)) return;
    const media = toMediaInput(item.content, {
      ...scope, messageId: result.messageId, messageType: item.type,
      ...(result.conversationId === undefined ? {} : { conversationId: result.conversationId }),
    });
    if (media !== undefined) await this.#deps.media.registerInbound(media, unit.trx);
  }

  /**
   * The channel comes from our own lookup, never from the body. When intake routed the whole body to
   * one channel (the common case), items must belong to it: intake verified the signature for that
   * channel only.
   */
  #routeTo(phoneNumberId: string, event: InboundEventRecord, unit: Unit): WebhookChannel | undefined {
    // Prepared before the transaction; an event that turned pending meanwhile cannot exist (pending is the first state).
    if (!unit.routes.has(phoneNumberId)) throw new Error(`route for phone number id ${phoneNumberId} was not prepared`);
    const channel = unit.routes.get(phoneNumberId);
    if (channel !== undefined && event.channelId !== null && channel.channelId !== event.channelId) return undefined;
    return channel;
  }
}

type MediaScope = Pick<InboundMediaInput, 'tenantId' | 'channelId' | 'messageId' | 'conversationId' | 'messageType'>;

/** `{id, mime_type, sha256, filename?, animated?}` of an inbound media message (REFERENCE.md §4.4). */
export function toMediaInput(content: Record<string, unknown>, scope: MediaScope): InboundMediaInput | undefined {
  const id = content['id'];
  if (typeof id !== 'string' || id === '') return undefined;
  const input: InboundMediaInput = { ...scope, providerMediaId: id };
  if (typeof content['mime_type'] === 'string') input.mimeType = content['mime_type'];
  if (typeof content['sha256'] === 'string') input.sha256 = content['sha256'];
  if (typeof content['filename'] === 'string') input.filename = content['filename'];
  if (typeof content['animated'] === 'boolean') input.animated = content['animated'];
  return input;
}

function errorNote(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2_000);
}

function describeReport(report: RunReport): string | null {
  const parts: string[] = [];
  if (report.unmatched.length > 0) parts.push(`unmatched statuses: ${report.unmatched.join(', ')}`);
  if (report.unrouted > 0) parts.push(`items without channel: ${report.unrouted}`);
  if (report.vendorErrors.length > 0) parts.push(`value-level errors: ${report.vendorErrors.join(', ')}`);
  if (report.otherFields.size > 0) parts.push(`unhandled fields: ${[...report.otherFields].join(', ')}`);
  const note = parts.join('; ');
  return note === '' ? null : note.slice(0, 2_000);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
