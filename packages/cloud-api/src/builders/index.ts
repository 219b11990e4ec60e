export * from './unix-seconds.js';
export * from './webhook-envelope.js';
export * from './inbound-message.js';
export * from './status.js';
export * from './template-status-update.js';
