import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CreateNoteRequest, Note, NotePage, PageQuery } from '@valeo/contracts';
import { Type } from 'typebox';
import type { Clock } from '../../core/clock.js';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import type { Db } from '../../db/database.js';
import { API_ERRORS, errorResponses } from '../../http/error-responses.js';
import { authOf, requireScope, type AuthContext } from '../../http/plugins/auth.plugin.js';
import { insertNote, listNotes, type NoteRecord } from './notes.repository.js';

export type NotesDeps = {
  db: Db;
  clock: Clock;
  /** Throws the 404 of a conversation the tenant does not have. */
  conversationExists: (tenantId: string, id: string) => Promise<unknown>;
  /** The display name of a signed-in user of the tenant. */
  userName: (tenantId: string, userId: string) => Promise<string | undefined>;
  /** Tells the inbox that a note was added (the live `conversation.updated`, change `note`). */
  noteAdded: (tenantId: string, conversationId: string) => void;
};

const tags = ['notes'];
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Private notes: stored in their own table and never handed to the send pipeline, so no code path
 * can deliver one to WhatsApp.
 */
export function notesRoutes(deps: NotesDeps): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post('/conversations/:id/notes', {
      onRequest: requireScope('messages:send'),
      schema: { tags, summary: 'Add a private note (agents only; never sent)', params: Params, body: CreateNoteRequest, response: { 201: Note, ...errorResponses(...API_ERRORS, 404) } },
    }, async (request, reply) => {
      const auth = authOf(request);
      await deps.conversationExists(auth.tenantId, request.params.id);
      const author = await authorOf(deps, auth);
      const note = await insertNote(deps.db, {
        tenantId: auth.tenantId, conversationId: request.params.id, ...author, body: request.body.text, createdAt: deps.clock.now(),
      });
      deps.noteAdded(auth.tenantId, note.conversationId);
      return reply.status(201).send(toNoteDto(note));
    });

    r.get('/conversations/:id/notes', {
      onRequest: requireScope('messages:read'),
      schema: { tags, summary: 'Private notes of a conversation, newest first', params: Params, querystring: PageQuery, response: { 200: NotePage, ...errorResponses(...API_ERRORS, 404) } },
    }, async (request) => {
      const { tenantId } = authOf(request);
      await deps.conversationExists(tenantId, request.params.id);
      const limit = request.query.limit ?? 50;
      const rows = await listNotes(deps.db, {
        tenantId, conversationId: request.params.id, limit: limit + 1, beforeId: decodeCursor(request.query.cursor, ['id'])?.id,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { data: page.map(toNoteDto), nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
    });
  };
}

async function authorOf(deps: NotesDeps, auth: AuthContext): Promise<{ authorUserId: string | null; authorName: string }> {
  if (auth.userId) return { authorUserId: auth.userId, authorName: (await deps.userName(auth.tenantId, auth.userId)) ?? 'Unknown user' };
  return { authorUserId: null, authorName: 'API' };
}

function toNoteDto(note: NoteRecord): Note {
  return {
    id: note.id,
    conversationId: note.conversationId,
    author: { userId: note.authorUserId, name: note.authorName },
    text: note.body,
    createdAt: note.createdAt.toISOString(),
  };
}
