import { useState, type FormEvent } from 'react';
import { NOTE_MAX_LENGTH } from '@valeo/contracts';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useAddNote, useNotes } from '../hooks/use-notes.js';

export type NotesPanelProps = { conversationId: string; canWrite: boolean };

/**
 * Private notes, apart from the chat and its composer: a note is written in its own yellow box, so it
 * can never be sent to the customer by a slip of the Enter key, and reads as internal at a glance.
 */
export function NotesPanel({ conversationId, canWrite }: NotesPanelProps) {
  const { t, locale } = useI18n();
  const notes = useNotes(conversationId);
  return (
    <section className="notes-panel" aria-label={t('notes.title')}>
      <h3>{t('notes.title')}</h3>
      <p className="muted small">{t('notes.hint')}</p>
      {canWrite ? <NoteForm conversationId={conversationId} /> : null}
      {notes.isPending ? <p className="muted small">{t('common.loading')}</p> : null}
      {notes.isError ? <p className="muted small" role="alert">{t('common.loadError')}</p> : null}
      {notes.data?.data.length === 0 ? <p className="muted small">{t('notes.empty')}</p> : null}
      <ol className="notes-list">
        {(notes.data?.data ?? []).map((note) => (
          <li key={note.id} className="note">
            <span className="note-meta small">
              {note.author.name} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, locale)}</time>
            </span>
            <span className="note-text">{note.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function NoteForm({ conversationId }: { conversationId: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const add = useAddNote(conversationId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    add.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <form className="note-form" onSubmit={submit}>
      <textarea
        value={text}
        maxLength={NOTE_MAX_LENGTH}
        rows={3}
        aria-label={t('notes.label')}
        placeholder={t('notes.placeholder')}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button-small" disabled={add.isPending || text.trim() === ''}>
        {t('notes.add')}
      </button>
      {add.isError ? <p className="work-error" role="alert">{t('notes.failed')}</p> : null}
    </form>
  );
}
