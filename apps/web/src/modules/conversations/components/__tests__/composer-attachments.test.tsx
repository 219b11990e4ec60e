import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MediaView } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { fakeXhrs } from '../../../../test/fake-xhr.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { Composer } from '../composer.js';

const openConversation = () => makeConversation({ windowOpen: true, windowExpiresAt: new Date(Date.now() + 20 * 3_600_000).toISOString() });

function file(name: string, type: string, size: number): File {
  const f = new File([new Uint8Array(Math.min(size, 16))], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

function uploaded(overrides: Partial<MediaView> = {}): MediaView {
  return {
    id: 'med_1', channelId: 'ch_1', messageId: null, direction: 'outbound', type: 'image', status: 'uploaded', providerMediaId: 'prov-1',
    mimeType: 'image/png', fileSize: 2048, sha256: null, filename: 'foto.png', error: null,
    createdAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z', ...overrides,
  };
}

function setup() {
  const conversation = openConversation();
  const xhrs = fakeXhrs();
  const { client, requests } = fakeApi([on('POST', '/messages', () => ({ status: 202, body: { id: 'msg_1', status: 'queued' } }))], { xhr: xhrs.create });
  client.setCsrfToken('csrf-9');
  const view = renderWithProviders(<Composer conversation={conversation} />, { api: client });
  const input = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const choose = (f: File) => fireEvent.change(input, { target: { files: [f] } });
  return { conversation, xhrs, requests, choose };
}

describe('Composer attachments', () => {
  it('uploads with a progress bar, then sends the image by its media id with the caption', async () => {
    const { conversation, xhrs, requests, choose } = setup();
    choose(file('foto.png', 'image/png', 2048));
    expect(xhrs.sent).toHaveLength(1);
    const [xhr] = xhrs.sent;
    expect([xhr?.method, xhr?.url, xhr?.headers['x-csrf-token']]).toEqual(['POST', '/api/v1/media', 'csrf-9']);
    expect(xhr?.body?.get('channelId')).toBe(conversation.channelId);
    expect((xhr?.body?.get('file') as File).name).toBe('foto.png');
    expect(screen.getByRole('region', { name: 'Attachment' }).textContent).toContain('foto.png');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);

    act(() => xhr?.progress(512, 2048));
    const bar = screen.getByRole('progressbar', { name: 'Upload progress' });
    expect(bar.getAttribute('value')).toBe('25');
    expect(screen.getByText('Uploading … 25%')).toBeTruthy();
    act(() => xhr?.progress(2048, 2048));
    expect(bar.getAttribute('value')).toBe('100');

    act(() => xhr?.respond(201, uploaded()));
    expect(await screen.findByText('Uploaded, ready to send')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Caption (optional)' }), { target: { value: 'Ihr Foto' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({ channelId: conversation.channelId, to: `+${conversation.contact.waId}`, type: 'image', image: { id: 'prov-1', caption: 'Ihr Foto' } });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Attachment' })).toBeNull());
  });

  it('sends a document with its file name, and the typed text after it', async () => {
    const { xhrs, requests, choose } = setup();
    choose(file('Angebot 4711.pdf', 'application/pdf', 90_000));
    act(() => xhrs.sent[0]?.respond(201, uploaded({ type: 'document', providerMediaId: 'prov-doc', mimeType: 'application/pdf' })));
    await screen.findByText('Uploaded, ready to send');
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Anbei das Angebot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests.map((r) => (r.body as { type: string }).type)).toEqual(['document', 'text']);
    expect(requests[0]?.body).toMatchObject({ document: { id: 'prov-doc', filename: 'Angebot 4711.pdf' } });
  });

  it.each([
    ['archiv.zip', 'application/zip', 10, '“archiv.zip” cannot be sent: WhatsApp does not take this file type'],
    ['riesig.png', 'image/png', 6 * 1024 * 1024, '“riesig.png” is too large (Image: at most 5.2 MB).'],
    ['leer.pdf', 'application/pdf', 0, '“leer.pdf” is empty.'],
  ])('refuses %s before uploading and says why', (name, type, size, message) => {
    const { xhrs, choose } = setup();
    choose(file(name, type, size));
    expect(xhrs.sent).toHaveLength(0);
    expect(screen.getByRole('alert').textContent).toContain(message);
  });

  it('cancels a running upload', () => {
    const { xhrs, choose } = setup();
    choose(file('video.mp4', 'video/mp4', 4_000_000));
    expect(screen.getByRole('region', { name: 'Attachment' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(xhrs.sent[0]?.aborted).toBe(true);
    expect(screen.queryByRole('region', { name: 'Attachment' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server\'s reason when the upload fails, and blocks sending until the file is removed', async () => {
    const { xhrs, choose } = setup();
    choose(file('foto.png', 'image/png', 2048));
    act(() => xhrs.sent[0]?.respond(415, { error: { code: 'MEDIA_CONTENT_MISMATCH', message: 'The file is not a PNG image' } }));
    expect((await screen.findByRole('alert')).textContent).toBe('Upload failed: The file is not a PNG image');
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Hallo' } });
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove attachment' }));
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', false);
  });
});
