import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '@valeo/contracts';
import { eventually } from '../../../../test/helpers/eventually.js';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { SANDBOX_NUMBER } from '../../../composition/bootstrap.js';

type Session = { id: string; cookie: string; csrfToken: string };
type Stream = { text(): string; close(): void };

/** The inbox's live stream as a browser holds it open; `text()` is everything received so far. */
async function openStream(url: string, cookie: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  expect(res.status).toBe(200);
  let text = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })().catch(() => undefined);
  return { text: () => text, close: () => controller.abort() };
}

/**
 * Work management on the Hub as `npm start` composes it: customers write through the emulator,
 * two agents have the inbox open (live streams), auto-assignment alternates between them, and the
 * streams carry conversation.updated.
 */
describe(`work management on the running Hub (${testDialect()})`, () => {
  let hub: TestHub;
  const streams: Stream[] = [];
  let anna: Session;
  let bert: Session;

  beforeAll(async () => {
    hub = await startTestHub();
    anna = await agent('anna');
    bert = await agent('bert');
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await hub?.stop();
  });

  async function agent(name: string): Promise<Session> {
    const password = `${name} password 123`;
    const created = await hub.api('/api/v1/users', { method: 'POST', body: { email: `${name}@hub.example`, name, password, role: 'agent' } });
    expect(created.status).toBe(201);
    const res = await fetch(`${hub.publicBaseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${name}@hub.example`, password }),
    });
    const body = (await res.json()) as { csrfToken: string; user: { id: string } };
    return { id: body.user.id, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', csrfToken: body.csrfToken };
  }

  const customerWrites = (from: string) =>
    hub.emulator('POST', '/_emulator/inbound', { phoneNumberId: SANDBOX_NUMBER.phoneNumberId, from, name: `Kunde ${from}`, message: { type: 'text', text: { body: 'Hallo' } } });

  async function conversationOf(waId: string): Promise<Conversation> {
    const list = await hub.api('/api/v1/conversations?limit=100');
    const found = (list.body as { data: Conversation[] }).data.find((c) => c.contact.waId === waId);
    expect(found).toBeDefined();
    return found!;
  }

  it('assigns new conversations round-robin to the agents who have the inbox open, live', async () => {
    const channelId = hub.sandbox!.channelId;
    const enabled = await hub.api(`/api/v1/channels/${channelId}/auto-assignment`, { method: 'PUT', body: { enabled: true } });
    expect(enabled.body).toEqual({ channelId, enabled: true, defaultTeamId: null });
    for (const who of [anna, bert]) streams.push(await openStream(`${hub.publicBaseUrl}/api/v1/events`, who.cookie));
    await eventually(() => expect(hub.container.inboxRealtime.hub.onlineUserIds(hub.tenantId).size).toBe(2));

    const customers = ['4915100000071', '4915100000072', '4915100000073', '4915100000074'];
    const assignees: string[] = [];
    for (const waId of customers) {
      await customerWrites(waId);
      // One at a time, so the order of assignment is the order of the customers.
      const assigned = await eventually(async () => {
        const conversation = await conversationOf(waId);
        expect(conversation.assignee).not.toBeNull();
        return conversation.assignee!.id;
      });
      assignees.push(assigned);
    }
    expect(new Set(assignees)).toEqual(new Set([anna.id, bert.id]));
    expect(assignees[0]).not.toBe(assignees[1]);
    expect(assignees.slice(2)).toEqual(assignees.slice(0, 2));
    await eventually(() => {
      const assignedEvents = streams[0]!.text().match(/event: conversation\.updated\ndata: \{[^\n]*"change":"assigned"/g) ?? [];
      expect(assignedEvents).toHaveLength(4);
    });
  });

  it('an agent closes their conversation; the customer writing again reopens it, still theirs', async () => {
    const waId = '4915100000071';
    const conversation = await conversationOf(waId);
    const owner = conversation.assignee!.id === anna.id ? anna : bert;
    const closed = await fetch(`${hub.publicBaseUrl}/api/v1/conversations/${conversation.id}/close`, {
      method: 'POST', headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
    });
    expect(((await closed.json()) as Conversation).status).toBe('closed');
    await customerWrites(waId);
    await eventually(async () => expect(await conversationOf(waId)).toMatchObject({ status: 'open', assignee: { id: owner.id } }));
    const mine = await fetch(`${hub.publicBaseUrl}/api/v1/conversations?assignee=me&status=open`, { headers: { cookie: owner.cookie } });
    expect(((await mine.json()) as { data: Conversation[] }).data.map((c) => c.contact.waId)).toContain(waId);
  });
});
