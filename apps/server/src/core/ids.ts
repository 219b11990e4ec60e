import { v7 as uuidv7 } from 'uuid';

/**
 * App-generated, time-ordered ids (UUIDv7), so inserts never depend on dialect sequences
 * and ids sort by creation time (which keyset pagination relies on).
 */
export function newId(): string {
  return uuidv7();
}
