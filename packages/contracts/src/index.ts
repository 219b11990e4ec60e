export * from './errors.js';
export * from './pagination.js';
export * from './api-keys.js';
export * from './channels.js';
export * from './messages.js';
export * from './conversations.js';
