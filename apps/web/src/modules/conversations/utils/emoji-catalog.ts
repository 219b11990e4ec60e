/**
 * The composer's emoji: a curated set of the ones agents use in service chats, grouped like
 * WhatsApp's own picker. Built in (no data file fetched, no runtime styles): see the composer's
 * emoji picker for why this is not a library. Only Emoji ≤ 13.0, which every supported phone and
 * desktop renders.
 */
export const EMOJI_CATEGORIES = [
  { id: 'smileys', emoji: ['😀', '😃', '😄', '😁', '😆', '😅', '😂', '🙂', '😉', '😊', '😇', '🥰', '😍', '😘', '😋', '😎', '🤔', '🤗', '😐', '😮', '😢', '😭', '😡', '🙁', '😴', '🤒', '🥳', '😬'] },
  { id: 'gestures', emoji: ['👍', '👎', '👌', '✌️', '🤞', '👏', '🙌', '🙏', '🤝', '👋', '💪', '☝️', '👉', '👈', '✋', '🤙'] },
  { id: 'hearts', emoji: ['❤️', '🧡', '💛', '💚', '💙', '💜', '🤍', '💯', '✨', '🎉', '🎁', '⭐'] },
  { id: 'objects', emoji: ['📦', '🚚', '🚜', '🌾', '🌱', '🏭', '📄', '📎', '📅', '⏰', '📞', '📧', '💶', '🧾', '🔧', '🛒'] },
  { id: 'symbols', emoji: ['✅', '☑️', '✔️', '❌', '⚠️', '❗', '❓', 'ℹ️', '➡️', '⬅️', '🔄', '🆗', '🆕', '🔔', '📍', '🕐'] },
  { id: 'nature', emoji: ['☀️', '🌤️', '⛅', '🌧️', '⛈️', '❄️', '🌈', '🌍', '🐄', '🐖', '🐓', '🌽'] },
] as const satisfies readonly { id: string; emoji: readonly string[] }[];

export type EmojiCategoryId = (typeof EMOJI_CATEGORIES)[number]['id'];

/** Puts `emoji` where the caret is (replacing a selection) and tells where the caret goes after it. */
export function insertAtCaret(text: string, emoji: string, start: number, end: number = start): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: `${text.slice(0, from)}${emoji}${text.slice(to)}`, caret: from + emoji.length };
}
