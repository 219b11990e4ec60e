export * from './webhook-signature.js';
export * from './graph-error-codes.js';
export * from './graph-error.js';
