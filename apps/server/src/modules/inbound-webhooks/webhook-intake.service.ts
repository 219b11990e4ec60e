import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import type { MessagingProvider, RawWebhookRequest } from '../../providers/messaging-provider.js';
import type { JobQueue } from '../../queue/job-queue.js';
import { InboundEventWriter } from './inbound-event-writer.js';
import type { InboundEventStatus } from './inbound-events.repository.js';
import { signatureInvalid, verifyTokenInvalid, webhookChannelNotFound, webhookMalformed } from './inbound-webhooks.errors.js';
import type { WebhookChannel, WebhookChannelDirectory } from './webhook-channels.js';
import { firstHeader, isWellFormedSignature, parseJsonBody, readWebhookRouting } from './webhook-envelope.js';

export type WebhookIntakeDeps = {
  db: Db;
  queue: JobQueue;
  /** Verifies signatures (and, in the job, parses bodies) of the `/webhooks/whatsapp` wire format. */
  provider: MessagingProvider;
  channels: WebhookChannelDirectory;
  /** WA_APP_SECRET: used for channels without their own app secret, and for unrouted bodies. */
  fallbackAppSecret?: string | undefined;
  /** WA_WEBHOOK_VERIFY_TOKEN: accepted by the app-level handshake besides the channels' own tokens. */
  fallbackVerifyToken?: string | undefined;
  clock: Clock;
  logger: Logger;
};

export type IncomingWebhook = RawWebhookRequest & {
  /** Set on the per-channel URL `/webhooks/whatsapp/:channelId`. */
  channelId?: string | undefined;
};

export type IntakeOutcome = 'stored' | 'duplicate' | 'unrouted';
export type IntakeResult = { outcome: IntakeOutcome; eventId?: string };

export type SubscriptionCheck = {
  mode?: string | undefined;
  token?: string | undefined;
  challenge?: string | undefined;
  channelId?: string | undefined;
};

/** Meta's challenge is a number; anything that could be markup is never reflected (RELIABILITY.md IN-17). */
const SAFE_CHALLENGE = /^[A-Za-z0-9._-]{1,256}$/;

/**
 * The thin, verified intake (house rule 6): size is capped by the route, then verify → store raw →
 * enqueue `inbound.process` in one transaction → resolve, so the route answers 200 only after the
 * commit. Nothing is stored for a body whose signature does not verify.
 */
export class WebhookIntakeService {
  readonly #deps: WebhookIntakeDeps;
  readonly #log: Logger;
  readonly #writer: InboundEventWriter;

  constructor(deps: WebhookIntakeDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'webhook-intake' });
    this.#writer = new InboundEventWriter({ db: deps.db, queue: deps.queue });
  }

  /** Throws AppError 400 (malformed), 401 (signature), 404 (unknown per-channel URL). */
  async receive(webhook: IncomingWebhook): Promise<IntakeResult> {
    // Cheap refusals first: no HMAC, no JSON parse, no query for a request without a plausible signature.
    if (!isWellFormedSignature(firstHeader(webhook.headers['x-hub-signature-256']))) throw this.#rejected('SIGNATURE_MISSING');
    let pathChannel: WebhookChannel | undefined;
    if (webhook.channelId !== undefined) {
      pathChannel = await this.#deps.channels.byChannelId(webhook.channelId);
      if (pathChannel === undefined) throw webhookChannelNotFound();
      this.#verifyFor(webhook, [pathChannel]);
    }
    const body = parseJsonBody(webhook.rawBody);
    if (body === undefined) return this.#quarantineMalformed(webhook, pathChannel, 'body is not JSON');
    const channels = await this.#resolveChannels(body, pathChannel);
    if (channels === undefined) return this.#quarantineMalformed(webhook, pathChannel, 'not a whatsapp_business_account envelope');
    this.#verifyFor(webhook, channels);
    if (channels.length > 0) return this.#store(webhook, channels, 'pending', null);
    const result = await this.#store(webhook, channels, 'unrouted', 'no channel for this phone number / WABA');
    if (result.outcome === 'unrouted') this.#log.error({ eventId: result.eventId }, 'webhook for an unknown phone number or WABA; quarantined');
    return result;
  }

  /** Meta's GET handshake: answers the challenge to echo, or throws 403. */
  async verifySubscription(check: SubscriptionCheck): Promise<string> {
    const { mode, token, challenge, channelId } = check;
    if (mode !== 'subscribe' || !token || challenge === undefined || !SAFE_CHALLENGE.test(challenge)) throw verifyTokenInvalid();
    const fallback = this.#deps.fallbackVerifyToken;
    const matchesFallback = channelId === undefined && fallback !== undefined && safeEqual(token, fallback);
    if (matchesFallback || (await this.#deps.channels.matchesVerifyToken(token, channelId))) return challenge;
    this.#log.warn({ channelId }, 'webhook handshake with a wrong verify token');
    throw verifyTokenInvalid();
  }

  /** Every channel the body names must accept the signature: a body signed for one tenant cannot reach another. */
  #verifyFor(webhook: IncomingWebhook, channels: readonly WebhookChannel[]): void {
    const fallback = this.#deps.fallbackAppSecret;
    const secrets = new Set<string>();
    for (const channel of channels) {
      const secret = channel.appSecret ?? fallback;
      if (secret === undefined) throw this.#rejected('channel has no app secret and WA_APP_SECRET is unset', channel.channelId);
      secrets.add(secret);
    }
    if (secrets.size === 0) {
      if (fallback === undefined) throw this.#rejected('no channel routed and WA_APP_SECRET is unset');
      secrets.add(fallback);
    }
    for (const secret of secrets) {
      const verdict = this.#deps.provider.verifyWebhook(webhook, secret);
      if (!verdict.ok) throw this.#rejected(verdict.reason, channels[0]?.channelId);
    }
  }

  #rejected(reason: string, channelId?: string): Error {
    this.#log.warn({ reason, channelId }, 'webhook rejected: signature not verified');
    return signatureInvalid();
  }

  /** Channels named by the body (phone number ids, WABA ids) plus the per-channel URL's; undefined if not an envelope. */
  async #resolveChannels(body: unknown, pathChannel: WebhookChannel | undefined): Promise<WebhookChannel[] | undefined> {
    const routing = readWebhookRouting(body);
    if (routing === undefined) return undefined;
    const { channels } = this.#deps;
    const [byPhone, byWaba] = await Promise.all([
      Promise.all(routing.phoneNumberIds.map((id) => channels.byPhoneNumberId(id))),
      Promise.all(routing.wabaIds.map((id) => channels.byWabaId(id))),
    ]);
    const found = new Map<string, WebhookChannel>();
    for (const channel of [pathChannel, ...byPhone, ...byWaba.flat()]) {
      if (channel !== undefined) found.set(channel.channelId, channel);
    }
    return [...found.values()];
  }

  /** Resolves after the commit of the row (and, for pending events, of its `inbound.process` job). */
  async #store(webhook: IncomingWebhook, channels: readonly WebhookChannel[], status: InboundEventStatus, note: string | null): Promise<IntakeResult> {
    const eventId = newId();
    const single = channels.length === 1 ? channels[0] : undefined;
    const inserted = await this.#writer.write({
      id: eventId,
      tenantId: single?.tenantId ?? null,
      channelId: single?.channelId ?? null,
      provider: this.#deps.provider.kind,
      bodySha256: createHash('sha256').update(webhook.rawBody).digest('hex'),
      rawBody: webhook.rawBody.toString('utf8'),
      status,
      error: note,
      receivedAt: this.#deps.clock.now(),
    });
    if (!inserted) return { outcome: 'duplicate' };
    return { outcome: status === 'unrouted' ? 'unrouted' : 'stored', eventId };
  }

  /** A malformed body that still carries a valid signature is kept for inspection (IN-09), then refused. */
  async #quarantineMalformed(webhook: IncomingWebhook, pathChannel: WebhookChannel | undefined, reason: string): Promise<never> {
    const secret = pathChannel?.appSecret ?? this.#deps.fallbackAppSecret;
    if (secret !== undefined && this.#deps.provider.verifyWebhook(webhook, secret).ok) {
      await this.#store(webhook, pathChannel ? [pathChannel] : [], 'failed', `malformed: ${reason}`);
      this.#log.warn({ reason, channelId: pathChannel?.channelId }, 'signed webhook is malformed; kept as failed');
    }
    throw webhookMalformed(reason);
  }
}

/** Constant-time string comparison over fixed-length digests (no length leak, no RangeError). */
function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
