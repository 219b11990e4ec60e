export { buildEmulatorApp, createEmulatorPlugin } from './app.js';
export type { EmulatorContext } from './context.js';
export type { FaultsInput, FaultsSnapshot } from './faults.js';
export type { EmulatorOptions, StatusDelays } from './options.js';
export { DEFAULT_PERSONAS, PERSONA_SCRIPTS } from './personas.js';
export type {
  Delivery, DeliveryAttempt, DeliveryKind, DeliveryState, InboundMessage, MediaObject, Persona, PersonaScript,
  PhoneNumber, SentMessage, StatusName, StatusRecord, Template, TemplateStatus,
} from './state/types.js';
