import type { Conversation, Message, MessageMedia } from '@valeo/contracts';

let seq = 0;
const next = () => (seq += 1);

export function makeMessage(overrides: Partial<Message> = {}): Message {
  const n = next();
  return {
    id: `msg_${n}`,
    channelId: 'ch_1',
    conversationId: 'conv_1',
    direction: 'inbound',
    contactWaId: '4915112345678',
    type: 'text',
    content: { body: `message ${n}` },
    status: 'received',
    statuses: [],
    wamid: `wamid.${n}`,
    replyToWamid: null,
    media: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

export function makeMedia(overrides: Partial<MessageMedia> = {}): MessageMedia {
  return { id: `med_${next()}`, status: 'stored', mimeType: null, fileName: null, size: null, ...overrides };
}

export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  const n = next();
  return {
    id: `conv_${n}`,
    channelId: 'ch_1',
    contact: { id: `ct_${n}`, waId: '4915112345678', profileName: `Kunde ${n}`, lastInboundAt: null, createdAt: '2026-03-01T08:00:00.000Z' },
    status: 'open',
    assignee: null,
    team: null,
    labels: [],
    unreadCount: 0,
    lastMessageAt: '2026-03-02T10:00:00.000Z',
    lastMessagePreview: 'Hallo',
    windowExpiresAt: null,
    windowOpen: false,
    createdAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}
