import type { RealtimeEventName } from '@valeo/contracts';

/**
 * Server-Sent Events framing (WHATWG HTML §9.2). JSON.stringify escapes line breaks, so one
 * `data:` line always carries the whole payload; event names come from a closed set.
 */
export function sseEvent(name: RealtimeEventName, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Tells the browser how long to wait before reconnecting after a drop. */
export function sseRetry(ms: number): string {
  return `retry: ${ms}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and load balancers from closing an idle stream. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}
