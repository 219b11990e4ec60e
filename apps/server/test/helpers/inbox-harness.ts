import { randomBytes } from 'node:crypto';
import { ROLE_SCOPES, type ApiKeyScope, type UserRole } from '@valeo/contracts';
import { FakeMessagingProvider } from '../../src/providers/fake/fake-messaging-provider.js';
import { startTestHub, type TestHub } from './start-test-hub.js';

export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

export type InboxHarness = {
  hub: TestHub;
  provider: FakeMessagingProvider;
  /** Calls with the bootstrap admin key. */
  admin: Call;
  /** A key with exactly the scopes of `role`. */
  as(role: UserRole): Promise<Call>;
  /** A second tenant with an admin key (isolation tests). */
  otherTenant(): Promise<Call>;
  /** Stores a customer's text message (as the webhook intake would) and returns its conversation id. */
  inbound(waId: string, text: string, opts?: { profileName?: string; type?: string; content?: Record<string, unknown> }): Promise<string>;
};

/** The Hub as `npm start` composes it, with a fake provider that records every send. */
export async function startInboxHarness(): Promise<InboxHarness> {
  const provider = new FakeMessagingProvider();
  const hub = await startTestHub({ provider });
  const callWith = (authorization: string): Call => async (method, path, body) =>
    hub.api(path, { method, headers: { authorization }, ...(body === undefined ? {} : { body }) });
  const keyFor = async (tenantId: string, scopes: readonly ApiKeyScope[]) =>
    (await hub.container.tenants.apiKeys.createApiKey({ tenantId, name: `test ${scopes.join(' ')}`, scopes: [...scopes] })).key;
  return {
    hub,
    provider,
    admin: callWith(`Bearer ${hub.apiKey}`),
    as: async (role) => callWith(`Bearer ${await keyFor(hub.tenantId, ROLE_SCOPES[role])}`),
    async otherTenant() {
      const slug = `other-${randomBytes(4).toString('hex')}`;
      const tenant = await hub.container.tenants.tenants.createTenant({ name: slug, slug });
      return callWith(`Bearer ${await keyFor(tenant.id, ['admin'])}`);
    },
    async inbound(waId, text, opts = {}) {
      const channelId = hub.sandbox?.channelId;
      if (!channelId) throw new Error('no sandbox channel');
      const result = await hub.container.messages.service.recordInbound({
        tenantId: hub.tenantId,
        channelId,
        event: {
          kind: 'message',
          phoneNumberId: 'test',
          wamid: `wamid.${randomBytes(12).toString('hex')}`,
          from: waId,
          profileName: opts.profileName ?? 'Erika Mustermann',
          timestamp: new Date(),
          type: opts.type ?? 'text',
          content: opts.content ?? { body: text },
          raw: {},
        },
      });
      return result.conversationId;
    },
  };
}
