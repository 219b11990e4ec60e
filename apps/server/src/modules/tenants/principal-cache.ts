import type { Clock } from '../../core/clock.js';
import type { ApiKeyPrincipal } from './tenants.types.js';

type Entry = { principal: ApiKeyPrincipal; expiresAt: number };

/**
 * A small LRU with TTL from key hash to principal, so the hot path does not query the database
 * per request. Bounded in size (an attacker cannot grow it: only valid keys are cached) and in
 * age: a key revoked by another process stops working within `ttlMs` (RELIABILITY §4.3: ≤ 60 s).
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly opts: { ttlMs: number; maxEntries: number; clock: Clock }) {}

  get(keyHash: string): ApiKeyPrincipal | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    this.entries.delete(keyHash);
    if (entry.expiresAt <= this.opts.clock.now().getTime()) return undefined;
    this.entries.set(keyHash, entry); // re-insert = most recently used (Map keeps insertion order)
    return entry.principal;
  }

  set(keyHash: string, principal: ApiKeyPrincipal): void {
    if (this.opts.ttlMs <= 0) return;
    this.entries.delete(keyHash);
    this.entries.set(keyHash, { principal, expiresAt: this.opts.clock.now().getTime() + this.opts.ttlMs });
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every entry of one key, so a revocation in this process applies immediately. */
  evictApiKey(apiKeyId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.principal.apiKeyId === apiKeyId) this.entries.delete(hash);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
