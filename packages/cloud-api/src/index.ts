export * from './webhook-signature.js';
export * from './graph-error-codes.js';
export * from './graph-error.js';
export * from './schemas/index.js';
export * from './builders/index.js';
export * from './validation/index.js';
