import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation, SessionResponse } from '@valeo/contracts';
import { App } from '../app.js';
import { fakeApi, on } from '../test/fake-api.js';
import { makeConversation } from '../test/factories.js';
import { renderWithProviders } from '../test/render.js';

const SESSION: SessionResponse = {
  user: { id: 'u1', tenantId: 't1', email: 'agent@valeo.example', name: 'Anna Agentin', role: 'agent' },
  csrfToken: 'csrf-1',
};

/** Stands in for the browser's EventSource; the test pushes events through it. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.readyState = 2;
  }
}

function backend(conversations: () => Conversation[]) {
  let signedIn = false;
  return fakeApi([
    on('GET', '/auth/me', () => (signedIn ? { status: 200, body: SESSION } : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'no session' } } })),
    on('POST', '/auth/login', (request) => {
      const body = request.body as { password: string };
      if (body.password !== 'richtig-und-lang') return { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'wrong' } } };
      signedIn = true;
      return { status: 200, body: SESSION };
    }),
    on('POST', '/auth/logout', () => {
      signedIn = false;
      return { status: 204 };
    }),
    on('GET', '/conversations', () => ({ status: 200, body: { data: conversations(), nextCursor: null } })),
  ]);
}

async function signIn(password: string) {
  fireEvent.change(await screen.findByLabelText('E-Mail'), { target: { value: 'agent@valeo.example' } });
  fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
}

describe('App', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    localStorage.clear();
    window.location.hash = '';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('signs in (German by default), shows the inbox and signs out again', async () => {
    const { client, requests } = backend(() => [makeConversation({ contact: { id: 'c', waId: '49151', profileName: 'Jörg', lastInboundAt: null, createdAt: '2026-01-01T00:00:00Z' } })]);
    renderWithProviders(<App />, { api: client, locale: 'de' });
    await signIn('falsch');
    expect((await screen.findByRole('alert')).textContent).toBe('E-Mail oder Passwort ist falsch.');
    await signIn('richtig-und-lang');
    expect(await screen.findByText('Angemeldet als Anna Agentin')).toBeTruthy();
    expect(await screen.findByText('Jörg')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    expect(await screen.findByRole('heading', { name: 'Anmelden' })).toBeTruthy();
    const logout = requests.find((r) => r.url === '/api/v1/auth/logout');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('switches the language and remembers the choice', async () => {
    const { client } = backend(() => []);
    renderWithProviders(<App />, { api: client, locale: 'de' });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Sprache' }), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem('valeo.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a new conversation when the live stream announces a message', async () => {
    let conversations: Conversation[] = [];
    const { client, requests } = backend(() => conversations);
    renderWithProviders(<App />, { api: client, locale: 'de' });
    await signIn('richtig-und-lang');
    expect(await screen.findByText('Noch keine Unterhaltungen.')).toBeTruthy();
    const stream = FakeEventSource.instances[0];
    if (stream === undefined) throw new Error('no EventSource opened');
    expect(stream.url).toBe('/api/v1/events');
    stream.readyState = 1;
    stream.onopen?.(new Event('open'));
    expect(await screen.findByText('Live')).toBeTruthy();
    const arrived = makeConversation({ contact: { id: 'c9', waId: '49152', profileName: 'Erika Echo', lastInboundAt: null, createdAt: '2026-01-01T00:00:00Z' }, unreadCount: 1 });
    conversations = [arrived];
    const before = requests.filter((r) => r.url.startsWith('/api/v1/conversations')).length;
    const data = { tenantId: 't1', channelId: 'ch_1', conversationId: arrived.id, messageId: 'm1', contactWaId: '49152', type: 'text' };
    stream.listeners.get('message.received')?.(new MessageEvent('message.received', { data: JSON.stringify(data) }));
    expect(await screen.findByText('Erika Echo')).toBeTruthy();
    await waitFor(() => expect(requests.filter((r) => r.url.startsWith('/api/v1/conversations')).length).toBeGreaterThan(before));
  });
});
