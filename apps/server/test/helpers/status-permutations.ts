import { buildWebhookError, type BuildStatusInput } from '@valeo/cloud-api';

/**
 * Property-style cases for status webhooks (RELIABILITY.md IN-04) without a property-testing
 * dependency: seeded random permutations, so every run checks the same cases.
 */

/** The order statuses must end in (message-status.ts): `failed` above `sent`, but a delivered message cannot fail later. */
export const STATUS_RANK = { sent: 1, failed: 2, delivered: 3, read: 4 } as const;
export type DeliveryStatus = keyof typeof STATUS_RANK;

/** mulberry32: a small seeded PRNG, so the "random" cases are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A non-empty random subset of the statuses, shuffled, with some statuses repeated later on. */
export function randomStatusSequence(random: () => number): { distinct: DeliveryStatus[]; sequence: DeliveryStatus[] } {
  const all = Object.keys(STATUS_RANK) as DeliveryStatus[];
  let distinct = all.filter(() => random() < 0.5);
  if (distinct.length === 0) distinct = [all[Math.floor(random() * all.length)]!];
  const sequence = [...distinct];
  for (let i = sequence.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [sequence[i], sequence[j]] = [sequence[j]!, sequence[i]!];
  }
  for (const status of distinct) {
    if (random() < 0.3) sequence.splice(1 + Math.floor(random() * sequence.length), 0, status);
  }
  return { distinct, sequence };
}

export function highest(statuses: DeliveryStatus[]): DeliveryStatus {
  return statuses.reduce((best, s) => (STATUS_RANK[s] > STATUS_RANK[best] ? s : best));
}

/** Repeats get a later timestamp, so their bytes differ and they pass the intake's body-hash dedupe. */
export function statusItem(wamid: string, status: DeliveryStatus, recipientId: string, index: number): BuildStatusInput {
  return {
    messageId: wamid,
    status,
    timestamp: Date.now() + index * 1_000,
    recipientId,
    ...(status === 'failed' ? { errors: [buildWebhookError({ code: 131026 })] } : {}),
  };
}
