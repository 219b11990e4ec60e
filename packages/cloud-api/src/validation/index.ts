export * from './parse-result.js';
export * from './parse-webhook.js';
export * from './parse-send.js';
export * from './parse-responses.js';
export * from './send-message-rules.js';
