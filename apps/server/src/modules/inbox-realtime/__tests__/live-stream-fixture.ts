import { expect } from 'vitest';
import { ROLE_SCOPES, type ApiKeyScope } from '@valeo/contracts';
import { eventually } from '../../../../test/helpers/eventually.js';
import { startInboxHarness, type Call, type InboxHarness } from '../../../../test/helpers/inbox-harness.js';
import { openSse, type SseClient } from './sse-client.js';

export type Id = { id: string };
export type Tenant = { id: string; call: Call; key: string };

export type LiveStreamFixture = {
  h: InboxHarness;
  /** The main tenant, with a viewer's key (it may only read: what it sees, everyone of the tenant sees). */
  viewer: Tenant;
  /** Another tenant with an admin key: its stream must never see the main tenant's events. */
  other: Tenant;
  agent: Call;
  supervisor: Call;
  /** A viewer's stream of the main tenant and an admin's stream of the other tenant, both connected. */
  openStreams(): Promise<{ mine: SseClient; theirs: SseClient }>;
  /** The other tenant makes a change of its own; its stream must show that and nothing published before it. */
  expectOnlyOwnMarker(theirs: SseClient): Promise<void>;
  stop(): Promise<void>;
};

/** The whole Hub and two tenants' live streams, for the tests of who gets which live event when. */
export async function startLiveStreamFixture(otherSlug: string): Promise<LiveStreamFixture> {
  const h = await startInboxHarness();
  const tenant = async (tenantId: string, scopes: readonly ApiKeyScope[]): Promise<Tenant> => {
    const key = (await h.hub.container.tenants.apiKeys.createApiKey({ tenantId, name: scopes.join(' '), scopes: [...scopes] })).key;
    return { id: tenantId, key, call: (method, path, body) => h.hub.api(path, { method, headers: { authorization: `Bearer ${key}` }, ...(body === undefined ? {} : { body }) }) };
  };
  const viewer = await tenant(h.hub.tenantId, ROLE_SCOPES.viewer);
  const other = await tenant((await h.hub.container.tenants.tenants.createTenant({ name: 'Other', slug: otherSlug })).id, ['admin']);
  const [agent, supervisor] = await Promise.all([h.as('agent'), h.as('supervisor')]);
  const clients: SseClient[] = [];
  let markers = 0;
  return {
    h, viewer, other, agent, supervisor,
    async openStreams() {
      const before = h.hub.container.inboxRealtime.hub.stats().connections;
      const open = (key: string) => openSse(`${h.hub.publicBaseUrl}/api/v1/events`, { authorization: `Bearer ${key}` });
      const [mine, theirs] = await Promise.all([open(viewer.key), open(other.key)]);
      clients.push(mine, theirs);
      expect([mine.status, theirs.status]).toEqual([200, 200]);
      await eventually(() => expect(h.hub.container.inboxRealtime.hub.stats().connections).toBe(before + 2));
      return { mine, theirs };
    },
    async expectOnlyOwnMarker(theirs) {
      markers += 1;
      const team = (await other.call('POST', '/api/v1/teams', { name: `Marker ${markers}` })).body as Id;
      await eventually(() => expect(theirs.events()).toHaveLength(1));
      expect(theirs.events()).toEqual([{ event: 'team.updated', data: { tenantId: other.id, teamId: team.id, change: 'created' } }]);
    },
    async stop() {
      for (const client of clients) client.close();
      await h.hub.stop();
    },
  };
}
