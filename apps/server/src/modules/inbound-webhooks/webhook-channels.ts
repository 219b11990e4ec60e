import { TtlCache } from './ttl-cache.js';

/** What the webhook path needs to know about a channel; tenant comes from here, never from the body. */
export type WebhookChannel = {
  channelId: string;
  tenantId: string;
  /** The channel's Meta app secret; undefined when it has none (the WA_APP_SECRET fallback applies). */
  appSecret: string | undefined;
};

/**
 * The channel lookups of webhook intake and processing. `index.ts` adapts the channels module to it;
 * tests use a small in-memory one.
 */
export interface WebhookChannelDirectory {
  byPhoneNumberId(phoneNumberId: string): Promise<WebhookChannel | undefined>;
  /** Every channel of a WhatsApp Business Account (account-level fields are keyed by WABA id). */
  byWabaId(wabaId: string): Promise<WebhookChannel[]>;
  byChannelId(channelId: string): Promise<WebhookChannel | undefined>;
  /** Whether `token` is the handshake token of a channel (of `channelId`, when given). */
  matchesVerifyToken(token: string, channelId?: string): Promise<boolean>;
}

export type ChannelCacheOptions = {
  /** How long a resolved channel (with its secret) is reused. @defaultValue 30 s */
  ttlMs?: number;
  /** How long "no such channel" is remembered. @defaultValue 2 s */
  missTtlMs?: number;
  now?: () => number;
};

/**
 * Caches lookups briefly: Meta may send hundreds of webhooks a second for one number, and each would
 * otherwise cost a channel query plus a secret decryption. A changed app secret takes effect after
 * at most `ttlMs`. Verify-token checks are not cached (rare, and must see a token change at once).
 */
export function cacheWebhookChannels(source: WebhookChannelDirectory, opts: ChannelCacheOptions = {}): WebhookChannelDirectory {
  const cacheOpts = { ttlMs: opts.ttlMs ?? 30_000, missTtlMs: opts.missTtlMs ?? 2_000, ...(opts.now ? { now: opts.now } : {}) };
  const byPhone = new TtlCache<WebhookChannel | undefined>(cacheOpts);
  const byWaba = new TtlCache<WebhookChannel[]>(cacheOpts);
  const byId = new TtlCache<WebhookChannel | undefined>(cacheOpts);
  return {
    byPhoneNumberId: (id) => byPhone.get(id, () => source.byPhoneNumberId(id)),
    byWabaId: (id) => byWaba.get(id, () => source.byWabaId(id)),
    byChannelId: (id) => byId.get(id, () => source.byChannelId(id)),
    matchesVerifyToken: (token, channelId) => source.matchesVerifyToken(token, channelId),
  };
}
