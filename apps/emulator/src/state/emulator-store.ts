import type {
  Delivery, InboundMessage, MediaObject, Persona, PhoneNumber, SentMessage, Template,
} from './types.js';

import { BoundedMap } from './bounded-map.js';

/** Messages kept per direction, and webhook deliveries in the log, before the oldest are forgotten. */
export const DEFAULT_MAX_STORED_MESSAGES = 10_000;

const WINDOW_KEY = (phoneNumberId: string, waId: string): string => `${phoneNumberId}:${waId}`;

/**
 * In-memory state of one emulator instance. Plain maps and small lookups only: the Meta-like rules
 * live in `rules/`, the behaviour (webhooks, statuses) in the services that use this store.
 */
export class EmulatorStore {
  readonly phoneNumbers = new Map<string, PhoneNumber>();
  readonly sentMessages: Map<string, SentMessage>;
  readonly inboundMessages: Map<string, InboundMessage>;
  readonly media = new Map<string, MediaObject>();
  readonly templates = new Map<string, Template>();
  readonly deliveries: Delivery[] = [];
  readonly personas = new Map<string, Persona>();
  /** Last inbound message time (epoch ms) per number × customer: the 24-hour window anchor. */
  private readonly lastInboundAt = new Map<string, number>();
  private deliverySeq = 0;
  readonly maxStoredMessages: number;

  constructor(maxStoredMessages = DEFAULT_MAX_STORED_MESSAGES) {
    this.maxStoredMessages = maxStoredMessages;
    this.sentMessages = new BoundedMap(maxStoredMessages);
    this.inboundMessages = new BoundedMap(maxStoredMessages);
  }

  /** Appends to the delivery log, dropping the oldest entries beyond the bound. */
  logDelivery(delivery: Delivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > this.maxStoredMessages) this.deliveries.splice(0, this.deliveries.length - this.maxStoredMessages);
  }

  clear(): void {
    this.phoneNumbers.clear();
    this.clearTraffic();
    this.templates.clear();
    this.personas.clear();
  }

  /** Forgets messages, media, windows and deliveries but keeps numbers, templates and personas. */
  clearTraffic(): void {
    this.sentMessages.clear();
    this.inboundMessages.clear();
    this.media.clear();
    this.deliveries.length = 0;
    this.lastInboundAt.clear();
    this.deliverySeq = 0;
  }

  numbersOfWaba(wabaId: string): PhoneNumber[] {
    return [...this.phoneNumbers.values()].filter((n) => n.wabaId === wabaId);
  }

  /** A token may be shared by several numbers of a business (one system-user token). */
  isKnownToken(token: string): boolean {
    return [...this.phoneNumbers.values()].some((n) => n.accessToken === token);
  }

  recordInboundAt(phoneNumberId: string, waId: string, atMs: number): void {
    this.lastInboundAt.set(WINDOW_KEY(phoneNumberId, waId), atMs);
  }

  lastInboundMs(phoneNumberId: string, waId: string): number | undefined {
    return this.lastInboundAt.get(WINDOW_KEY(phoneNumberId, waId));
  }

  templatesOfWaba(wabaId: string): Template[] {
    return [...this.templates.values()].filter((t) => t.wabaId === wabaId);
  }

  findTemplate(wabaId: string, name: string, language: string): Template | undefined {
    return this.templatesOfWaba(wabaId).find((t) => t.name === name && t.language === language);
  }

  nextDeliveryId(): number {
    this.deliverySeq += 1;
    return this.deliverySeq;
  }

  /** Personas bound to this number win over the ones that answer on every number. */
  findPersona(phoneNumberId: string, waId: string): Persona | undefined {
    return this.personas.get(personaKey(phoneNumberId, waId)) ?? this.personas.get(personaKey(null, waId));
  }

  savePersona(persona: Persona): void {
    this.personas.set(personaKey(persona.phoneNumberId, persona.waId), persona);
  }
}

export function personaKey(phoneNumberId: string | null, waId: string): string {
  return `${phoneNumberId ?? '*'}:${waId}`;
}
