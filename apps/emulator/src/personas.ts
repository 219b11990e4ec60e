import type { EmulatorContext } from './context.js';
import { receiveCustomerMessage, type CustomerMessage } from './customer-messages.js';
import type { Persona, SentMessage } from './state/types.js';

/**
 * Simulated customers. When a business message reaches a persona, the persona reads it (a `read`
 * status) and, after `replyDelayMs`, answers with a customer message of its own — which opens the
 * 24-hour window like a real reply would.
 * - `echo`: sends back the text it received (captions, interactive body, `template:<name>` otherwise).
 * - `greeter`: answers every message with a greeting (non-ASCII on purpose: exercises signature escaping).
 * - `button-clicker`: taps the first reply button / list row / template quick reply; otherwise says "OK".
 * - `silent`: reads, never answers.
 * - `unreachable`: never receives anything; the message fails with 131026 (undeliverable).
 */
export const PERSONA_SCRIPTS = ['echo', 'greeter', 'button-clicker', 'silent', 'unreachable'] as const;

export const DEFAULT_REPLY_DELAY_MS = 300;

/** Seeded by `buildEmulatorApp({ personas: 'default' })`; they answer on every business number. */
export const DEFAULT_PERSONAS: readonly Persona[] = [
  { phoneNumberId: null, waId: '4915100000001', name: 'Erika Echo', script: 'echo', replyDelayMs: DEFAULT_REPLY_DELAY_MS },
  { phoneNumberId: null, waId: '4915100000002', name: 'Jörg Grüßer', script: 'greeter', replyDelayMs: DEFAULT_REPLY_DELAY_MS },
  { phoneNumberId: null, waId: '4915100000003', name: 'Bruno Button', script: 'button-clicker', replyDelayMs: DEFAULT_REPLY_DELAY_MS },
  { phoneNumberId: null, waId: '4915100000004', name: 'Stella Silent', script: 'silent', replyDelayMs: DEFAULT_REPLY_DELAY_MS },
  { phoneNumberId: null, waId: '4915100000005', name: 'Udo Unreachable', script: 'unreachable', replyDelayMs: DEFAULT_REPLY_DELAY_MS },
];

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const text = (body: string): CustomerMessage => ({ type: 'text', text: { body } });

function textOf(message: SentMessage): string {
  const req = message.request;
  const payload = obj(req[message.type]);
  if (message.type === 'text') return String(payload['body'] ?? '');
  if (message.type === 'interactive') return String(obj(payload['body'])['text'] ?? '');
  if (message.type === 'template') return `template:${String(payload['name'] ?? '')}`;
  return typeof payload['caption'] === 'string' ? payload['caption'] : `[${message.type}]`;
}

function interactiveClick(payload: Json): CustomerMessage | null {
  const action = obj(payload['action']);
  if (payload['type'] === 'button' && Array.isArray(action['buttons'])) {
    const reply = obj(obj(action['buttons'][0])['reply']);
    return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: reply['id'], title: reply['title'] } } };
  }
  if (payload['type'] === 'list' && Array.isArray(action['sections'])) {
    const row = obj((obj(action['sections'][0])['rows'] as unknown[] | undefined)?.[0]);
    return { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: row['id'], title: row['title'], description: row['description'] } } };
  }
  return null;
}

/** A tap on a template quick-reply button arrives as `type: button` with the payload we sent. */
function templateClick(ctx: EmulatorContext, message: SentMessage, payload: Json): CustomerMessage | null {
  const components = Array.isArray(payload['components']) ? (payload['components'] as Json[]) : [];
  const quick = components.find((c) => c['type'] === 'button' && c['sub_type'] === 'quick_reply');
  if (!quick) return null;
  const param = obj((quick['parameters'] as unknown[] | undefined)?.[0]);
  const number = ctx.store.phoneNumbers.get(message.phoneNumberId);
  const template = number && ctx.store.findTemplate(number.wabaId, String(payload['name']), String(obj(payload['language'])['code']));
  const buttons = obj(template?.components.find((c) => c.type.toUpperCase() === 'BUTTONS'))['buttons'];
  const label = Array.isArray(buttons) ? obj(buttons[Number(quick['index'] ?? 0)])['text'] : undefined;
  return { type: 'button', button: { payload: param['payload'] ?? label, text: label ?? param['payload'] } };
}

export function personaReply(ctx: EmulatorContext, persona: Persona, message: SentMessage): CustomerMessage | null {
  if (message.type === 'reaction' || persona.script === 'silent' || persona.script === 'unreachable') return null;
  if (persona.script === 'echo') return text(textOf(message));
  if (persona.script === 'greeter') return text(`Grüß Gott! Hier ist ${persona.name} 👋`);
  const payload = obj(message.request[message.type]);
  const click = message.type === 'interactive' ? interactiveClick(payload)
    : message.type === 'template' ? templateClick(ctx, message, payload) : null;
  return click ? { ...click, context: { message_id: message.wamid } } : text('OK');
}

/** Called once the persona has read `message`: schedules its answer. */
export function schedulePersonaReply(ctx: EmulatorContext, persona: Persona, message: SentMessage): void {
  const reply = personaReply(ctx, persona, message);
  if (!reply) return;
  ctx.scheduler.schedule(persona.replyDelayMs, () => {
    if (!ctx.store.phoneNumbers.has(message.phoneNumberId)) return;
    receiveCustomerMessage(ctx, { phoneNumberId: message.phoneNumberId, from: persona.waId, name: persona.name, message: reply });
  }, ctx.reportError);
}

export function seedDefaultPersonas(ctx: EmulatorContext): void {
  for (const persona of DEFAULT_PERSONAS) ctx.store.savePersona({ ...persona });
}
