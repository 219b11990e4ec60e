import type { QuickReply } from '@valeo/contracts';

/** A `/shortcut` being typed: at the start of the text or after a space, ending at the caret. */
export type SlashCommand = { query: string; start: number; end: number };

const TRAILING_COMMAND = /(^|\s)\/([a-z0-9_-]*)$/i;

export function slashCommandAt(text: string, caret: number): SlashCommand | undefined {
  const match = TRAILING_COMMAND.exec(text.slice(0, caret));
  if (match === null) return undefined;
  const query = match[2] ?? '';
  return { query: query.toLowerCase(), start: caret - query.length - 1, end: caret };
}

/** Shortcuts starting with the query first, then those containing it; at most `limit`. */
export function matchQuickReplies(replies: readonly QuickReply[], query: string, limit = 8): QuickReply[] {
  const starts = replies.filter((r) => r.shortcut.startsWith(query));
  const contains = replies.filter((r) => !r.shortcut.startsWith(query) && r.shortcut.includes(query));
  return [...starts, ...contains].slice(0, limit);
}

/** The text with the command replaced by the reply's text, and where the caret goes after it. */
export function insertQuickReply(text: string, command: SlashCommand, reply: QuickReply): { text: string; caret: number } {
  const next = `${text.slice(0, command.start)}${reply.text}${text.slice(command.end)}`;
  return { text: next, caret: command.start + reply.text.length };
}
