export * from './contact-card.js';
export * from './webhook-common.js';
export * from './webhook-interactive.js';
export * from './webhook-messages.js';
export * from './webhook-statuses.js';
export * from './webhook-payload.js';
