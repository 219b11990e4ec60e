/** Epoch milliseconds (as `Date.now()`) or a Date → Meta's unix-seconds string (`"1749416383"`). */
export function toUnixSeconds(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return String(Math.floor(ms / 1000));
}
