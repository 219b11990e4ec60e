import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * App-generated, time-ordered ids (UUIDv7), so inserts never depend on dialect sequences
 * and ids sort by creation time (which keyset pagination relies on).
 *
 * `uuid` draws 16 fresh bytes per id through WebCrypto's getRandomValues, which cost ≈ 8 % of the
 * Hub's CPU under webhook load (bench/ profile). Here the random bytes come from a pool refilled
 * 4 KiB at a time, and the ms/sequence state that keeps ids strictly increasing within one
 * process (RFC 9562 §6.2 method 1, as `uuid` does without options) is kept here, because `uuid`
 * skips its own state once options are given.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;
const state = { msecs: -Infinity, seq: 0 };

function nextRandom16(): Uint8Array {
  if (poolOffset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return bytes;
}

export function newId(): string {
  const random = nextRandom16();
  const now = Date.now();
  if (now > state.msecs) {
    // A new millisecond starts a random 31-bit counter, as `uuid` does.
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    state.msecs = now;
  } else {
    // Same (or an earlier, clock stepped back) millisecond: count on, spilling into the next ms.
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ msecs: state.msecs, seq: state.seq, random });
}

/**
 * An id that sorts at `atMs` among the ids of {@link newId}: for a record that belongs earlier in
 * time order than its creation (a message Meta delivers late). At or after the current
 * millisecond it is simply {@link newId}; before it, the time part is `atMs` with a random counter.
 */
export function newIdAt(atMs: number): string {
  if (atMs >= Date.now()) return newId();
  return uuidv7({ msecs: Math.max(0, Math.floor(atMs)), random: nextRandom16() });
}
