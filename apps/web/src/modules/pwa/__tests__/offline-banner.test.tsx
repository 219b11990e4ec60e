import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, on } from '../../../test/fake-api.js';
import { makeConversation } from '../../../test/factories.js';
import { renderWithProviders } from '../../../test/render.js';
import { ChatView } from '../../conversations/components/chat-view.js';
import { OfflineBanner } from '../components/offline-banner.js';

/** Plays the browser losing or regaining its network: navigator.onLine plus the matching event. */
function goOffline(offline: boolean) {
  act(() => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!offline);
    window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
  });
}

describe('offline state', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the banner only while the browser is offline, in the chosen language', () => {
    renderWithProviders(<OfflineBanner />, { locale: 'de' });
    expect(screen.queryByRole('status')).toBeNull();
    goOffline(true);
    expect(screen.getByRole('status').textContent).toBe('Offline – verbinde erneut …');
    goOffline(false);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('disables the composer while offline and enables it again when the network is back', async () => {
    const conversation = makeConversation({ id: 'conv_1', windowOpen: true, windowExpiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { client } = fakeApi([
      on('GET', '/conversations/conv_1', () => ({ status: 200, body: conversation })),
      on('GET', /^\/conversations\/conv_1\/messages/, () => ({ status: 200, body: { data: [], nextCursor: null } })),
    ]);
    renderWithProviders(<ChatView conversationId="conv_1" onBack={() => undefined} />, { api: client });
    const textbox = await screen.findByRole('textbox', { name: 'Message' });
    // A disabled fieldset disables every control in it (happy-dom does not model that inheritance;
    // the browser e2e test checks the textarea itself).
    const fieldset = textbox.closest('fieldset');
    expect(fieldset?.disabled).toBe(false);
    goOffline(true);
    await waitFor(() => expect(fieldset?.disabled).toBe(true));
    goOffline(false);
    await waitFor(() => expect(fieldset?.disabled).toBe(false));
  });
});
