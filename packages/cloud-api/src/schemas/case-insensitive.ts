/**
 * Pattern matching any of `words` regardless of case. Template management accepts `MARKETING` and
 * `marketing`, `HEADER` and `header` alike (Meta's own examples mix them), and JS regex in JSON Schema
 * has no inline `(?i)` flag.
 */
export function caseInsensitivePattern(words: readonly string[]): string {
  const letter = (ch: string) => (ch.toLowerCase() === ch.toUpperCase() ? escape(ch) : `[${ch.toLowerCase()}${ch.toUpperCase()}]`);
  return `^(?:${words.map((w) => [...w].map(letter).join('')).join('|')})$`;
}

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}
