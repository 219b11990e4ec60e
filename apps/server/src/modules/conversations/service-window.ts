/**
 * The 24-hour customer-service window: after a customer's message, the business may send any
 * message type for 24 hours; outside it only approved templates are delivered (Meta error 131047).
 * @see https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages#customer-service-windows
 */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Message types Meta delivers outside the window. */
const ALLOWED_OUTSIDE_WINDOW: ReadonlySet<string> = new Set(['template']);

export function windowExpiresAt(lastInboundAt: Date): Date {
  return new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
}

export function isWindowOpen(windowExpiry: Date | null, now: Date): boolean {
  return windowExpiry !== null && windowExpiry.getTime() > now.getTime();
}

/** Chatwoot's `can_reply?`: may a message of `type` be sent now? */
export function canSendMessageType(type: string, windowExpiry: Date | null, now: Date): boolean {
  return ALLOWED_OUTSIDE_WINDOW.has(type) || isWindowOpen(windowExpiry, now);
}
