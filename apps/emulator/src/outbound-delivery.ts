import type { EmulatorContext } from './context.js';
import { schedulePersonaReply } from './personas.js';
import type { SentMessage } from './state/types.js';
import { webhookError } from './webhook-payloads.js';

const IMMEDIATE = { sent: 0, delivered: 0, read: 0 };

/**
 * What happens to an accepted business message on the "phone" side: an async failure (closed window,
 * unreachable persona, bad reaction target), or the `sent → delivered → read` lifecycle. Personas
 * always read what they get (immediately when automatic statuses are off) and may answer.
 */
export function deliverToRecipient(ctx: EmulatorContext, message: SentMessage): void {
  const delays = ctx.options.statusDelaysMs;
  const persona = ctx.store.findPersona(message.phoneNumberId, message.waId);
  if (!message.failure && persona?.script === 'unreachable') {
    message.failure = { code: 131026, details: 'Message undeliverable: the recipient is not on WhatsApp.' };
  }
  if (message.failure) {
    ctx.lifecycle.fail(message, [webhookError(message.failure.code, message.failure.details)], delays?.sent ?? 0);
    return;
  }
  if (!delays && !persona) return;
  ctx.lifecycle.run(message, {
    delays: delays ?? IMMEDIATE,
    onlySent: message.type === 'reaction',
    ...(persona ? { onRead: () => schedulePersonaReply(ctx, persona, message) } : {}),
  });
}
