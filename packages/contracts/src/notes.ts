import { Type, type Static } from 'typebox';

/**
 * Private notes on a conversation: for agents only, never sent to WhatsApp.
 *
 * - `POST /api/v1/conversations/:id/notes` `CreateNoteRequest` → 201 `Note` (scope `messages:send`).
 * - `GET /api/v1/conversations/:id/notes?limit&cursor` → `NotePage`, newest first.
 */
export const NOTE_MAX_LENGTH = 4096;

export const NoteAuthor = Type.Object({
  /** null when written with an API key. */
  userId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
});

export const Note = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  author: NoteAuthor,
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Note = Static<typeof Note>;

export const NotePage = Type.Object({ data: Type.Array(Note), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type NotePage = Static<typeof NotePage>;

export const CreateNoteRequest = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: NOTE_MAX_LENGTH, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type CreateNoteRequest = Static<typeof CreateNoteRequest>;
