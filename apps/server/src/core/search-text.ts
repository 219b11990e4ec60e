/**
 * The one folding rule of search (ADR 0012), applied by the app to what it stores (message text,
 * contact names) and to what the user types, so SQLite and PostgreSQL compare the same words and
 * need no accent-aware collation, extension or custom SQL function.
 *
 * Fold = NFKD, drop combining marks, lower-case, then the few letters that do not decompose
 * (ß → ss, ø → o, ł → l, …): "Grüße" → "grusse", "ÖZDEMİR" → "ozdemir", "Straße" → "strasse".
 * German spelling without umlauts ("gruesse", "Joerg") is the second spelling: stored documents
 * carry both spellings of every word with ä/ö/ü, and a typed ä/ö/ü word is looked up under both,
 * so "grusse", "gruesse" and "grüße" all find "Grüße", and "Jörg" also finds a "Joerg". Not the
 * other way round: "jorg" does not find "Joerg", since "oe" is not an umlaut in every word ("Poet").
 *
 * Changing anything here changes stored data: it needs a migration that re-folds existing rows.
 */

/** Letters NFKD leaves alone but a user types without: German ß and a few Nordic/Slavic/Turkish ones. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const UNDECOMPOSED_PATTERN = /[ßæœøłđðþı]/g;
const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };
const UMLAUT_PATTERN = /[äöü]/g;
/** A word (letters, marks, digits) with an umlaut in it, in NFC lower-case text. */
const UMLAUT_WORD = /[\p{L}\p{M}\p{N}]*[äöü][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}+/gu;
/** A word is a run of letters and digits; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Pure ASCII folds by lower-casing alone: the fast path for most messages (it runs per message stored). */
const ASCII = /^[^\u0080-\uffff]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

/** The folded form of any text (words and separators kept). */
export function foldForSearch(text: string): string {
  // Marks go before lower-casing: "İ".toLowerCase() would add a combining dot of its own.
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(UNDECOMPOSED_PATTERN, (c) => UNDECOMPOSED[c] ?? c);
}

/** The folded words of a text, in order. */
export function searchWords(text: string): string[] {
  const folded = ASCII.test(text) ? text.toLowerCase() : foldForSearch(text);
  // Most folded German text is ASCII, and the ASCII pattern is several times faster than \p{…}.
  return (ASCII.test(folded) ? folded.match(ASCII_WORD) : folded.match(WORD)) ?? [];
}

/**
 * What the database indexes for a text: its distinct folded words, then the German spellings of
 * its words with ä/ö/ü, separated by single spaces (so FTS5 and PostgreSQL's parser split it alike);
 * null when the text has no word.
 */
export function searchDocument(parts: readonly (string | null | undefined)[]): string | null {
  const text = parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
  const words = new Set(searchWords(text));
  for (const word of germanWords(text)) words.add(word);
  return words.size > 0 ? [...words].join(' ') : null;
}

/** The German spellings of the words with ä/ö/ü only (the others are already in the document). */
function germanWords(text: string): string[] {
  if (ASCII.test(text)) return [];
  const withUmlauts = text.normalize('NFC').toLowerCase().match(UMLAUT_WORD);
  return withUmlauts === null ? [] : searchWords(withUmlauts.join(' ').replace(UMLAUT_PATTERN, (c) => UMLAUTS[c] ?? c));
}

/**
 * The words of typed input, each with the spellings it may be stored under: the folded word and,
 * when it has ä/ö/ü, its German spelling (`"Jörg"` → `[["jorg", "joerg"]]`).
 */
export function searchWordSpellings(input: string): string[][] {
  const folded = searchWords(input);
  const german = germanSpelling(input);
  const spelled = german === undefined ? [] : searchWords(german);
  // ä → ae swaps letters for letters, so both lists have the same words in the same places.
  const aligned = spelled.length === folded.length;
  return folded.map((word, i) => {
    const other = aligned ? spelled[i] : undefined;
    return other === undefined || other === word ? [word] : [word, other];
  });
}

/** The text with ä/ö/ü written as ae/oe/ue (any case, composed or not); undefined when it has none. */
function germanSpelling(text: string): string | undefined {
  const lower = text.normalize('NFC').toLowerCase();
  return /[äöü]/.test(lower) ? lower.replace(UMLAUT_PATTERN, (c) => UMLAUTS[c] ?? c) : undefined;
}
