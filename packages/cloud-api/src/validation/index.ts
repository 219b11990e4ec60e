export * from './parse-result.js';
export * from './parse-webhook.js';
