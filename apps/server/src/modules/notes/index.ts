import { notesRoutes, type NotesDeps } from './notes.routes.js';

export type { NoteRecord } from './notes.repository.js';
export type { NotesDeps } from './notes.routes.js';

/** Agents' private notes on conversations. */
export function createNotesModule(deps: NotesDeps) {
  return { routes: notesRoutes(deps) };
}
