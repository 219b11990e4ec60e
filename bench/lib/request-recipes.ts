import type { WebhookStatusValue } from '@valeo/cloud-api';
import { serializeRequest } from './keep-alive-client.js';
import { buildStatusWebhook, type StatusTarget, type WebhookNumber } from './status-webhooks.js';

/**
 * What the load generator sends, described as data so the parent can hand it over IPC; the load
 * process turns it into pre-serialised requests before any clock starts.
 */
export type Recipe =
  | {
      kind: 'status-webhooks';
      path: string;
      number: WebhookNumber;
      appSecret: string;
      targets: StatusTarget[];
      /** One webhook per target and status, all targets' first status before any second one. */
      statuses: WebhookStatusValue[];
      /** Added to each body's sequence number, so a second supply for the same targets has other bytes. @defaultValue 0 */
      sequenceOffset?: number;
    }
  | { kind: 'api-sends'; apiKey: string; channelId: string; distinctRequests: number }
  | { kind: 'graph-sends'; path: string; accessToken: string; distinctRequests: number }
  /** The same GET over and over (read endpoints: list pages, health). */
  | { kind: 'get'; path: string; headers: Record<string, string> };

export type RequestSupply = {
  requests: Buffer[];
  /** Sends may repeat (each POST is a new message); signed webhooks must not (the Hub dedupes by body). */
  cycle: boolean;
  /** Mean body size in bytes. */
  meanBodyBytes: number;
};

const HOST = '127.0.0.1';
/** Distinct customers the sends go to (a broadcast-sized audience). */
export const RECIPIENTS = 10_000;

/** `+49 1512 …`: valid German mobile numbers, one per customer index. */
export function recipientFor(index: number): string {
  return `+491512${String(index % RECIPIENTS).padStart(7, '0')}`;
}

/** The approved template every seeded emulator number has; templates need no open service window. */
const TEMPLATE = { name: 'hello_world', language: { code: 'en_US' } };

export function buildRequests(recipe: Recipe): RequestSupply {
  if (recipe.kind === 'status-webhooks') return statusWebhookRequests(recipe);
  if (recipe.kind === 'get') return { requests: [serializeRequest({ method: 'GET', path: recipe.path, host: HOST, headers: recipe.headers })], cycle: true, meanBodyBytes: 0 };
  const bodies = Array.from({ length: recipe.distinctRequests }, (_, i) => {
    if (recipe.kind === 'api-sends') {
      return { path: '/api/v1/messages', auth: recipe.apiKey, body: { channelId: recipe.channelId, to: recipientFor(i), type: 'template', template: TEMPLATE } };
    }
    // What the Hub's provider sends (to-cloud-api-message.ts), so the baseline does the same work at the emulator.
    const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to: recipientFor(i).slice(1), type: 'template', template: TEMPLATE, biz_opaque_callback_data: `bench-${i}` };
    return { path: recipe.path, auth: recipe.accessToken, body };
  });
  return supplyOf(bodies.map(({ path, auth, body }) => ({ path, headers: { authorization: `Bearer ${auth}` }, body: JSON.stringify(body) })), true);
}

function statusWebhookRequests(recipe: Extract<Recipe, { kind: 'status-webhooks' }>): RequestSupply {
  const baseSeconds = Math.floor(Date.now() / 1000);
  const specs = recipe.statuses.flatMap((status, step) =>
    recipe.targets.map((target, i) => {
      const signed = buildStatusWebhook({
        number: recipe.number, target, status, appSecret: recipe.appSecret,
        timestamp: new Date((baseSeconds + step) * 1000), sequence: (recipe.sequenceOffset ?? 0) + step * recipe.targets.length + i,
      });
      return { path: recipe.path, headers: { 'x-hub-signature-256': signed.signature }, body: signed.body };
    }),
  );
  return supplyOf(specs, false);
}

function supplyOf(specs: { path: string; headers: Record<string, string>; body: string }[], cycle: boolean): RequestSupply {
  let bodyBytes = 0;
  const requests = specs.map((spec) => {
    bodyBytes += Buffer.byteLength(spec.body);
    return serializeRequest({ method: 'POST', path: spec.path, host: HOST, headers: { 'content-type': 'application/json', ...spec.headers }, body: spec.body });
  });
  return { requests, cycle, meanBodyBytes: specs.length === 0 ? 0 : bodyBytes / specs.length };
}
