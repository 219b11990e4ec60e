/**
 * Meta's customer-service window: a customer message opens (or refreshes) a 24-hour window per
 * business number × customer in which free-form messages may be sent; outside it only templates.
 * @see REFERENCE.md §5 "Customer service window"
 */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function isServiceWindowOpen(lastInboundMs: number | undefined, nowMs: number): boolean {
  return lastInboundMs !== undefined && nowMs - lastInboundMs < SERVICE_WINDOW_MS;
}

/** Only templates may open a conversation; everything else needs an open window. */
export function requiresServiceWindow(messageType: string): boolean {
  return messageType !== 'template';
}

export const WINDOW_CLOSED_DETAILS =
  'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';
