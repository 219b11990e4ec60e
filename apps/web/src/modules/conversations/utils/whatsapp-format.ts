import { safeHttpUrl } from '../../ui/utils/safe-url.js';

/**
 * WhatsApp's text formatting as a tree of nodes, never as HTML (RELIABILITY §4.5): the renderer turns
 * nodes into React elements and every character of the input ends up as text content. Supported:
 * `*bold*`, `_italic_`, `~strike~`, ```` ```monospace``` ```` and `` `inline code` ``, and http(s)
 * URLs as links (no other scheme is ever linked).
 *
 * Rules follow WhatsApp's behaviour: a marker opens only at the start of a word and must be followed
 * by a non-space; it closes only when preceded by a non-space and not followed by a letter or digit;
 * bold/italic/strike do not span lines; markers nest (`*_both_*`).
 */
export type FormatNode =
  | { kind: 'text'; text: string }
  | { kind: 'bold' | 'italic' | 'strike'; children: FormatNode[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; text: string };

type StyleKind = 'bold' | 'italic' | 'strike';
const STYLE_MARKERS: Record<string, StyleKind> = { '*': 'bold', _: 'italic', '~': 'strike' };
const FENCE = '```';
const MAX_DEPTH = 6;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const URL_AT = /^https?:\/\/[^\s<>"'`]+/i;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»“”]+$/u;

type Step = { node: FormatNode; end: number };
/**
 * Per parse: the markers whose search for a closer already failed, with the limit searched to. A
 * later opener before that limit cannot succeed either, so it is not searched again: this keeps
 * parsing linear on input full of unmatched markers.
 */
type Misses = Map<string, number>;

export function parseWhatsAppFormatting(input: string, depth = 0): FormatNode[] {
  const nodes: FormatNode[] = [];
  const misses: Misses = new Map();
  let text = '';
  let i = 0;
  while (i < input.length) {
    const step = depth > MAX_DEPTH ? undefined : matchAt(input, i, depth, misses);
    if (step === undefined) {
      text += input.charAt(i);
      i += 1;
      continue;
    }
    if (text !== '') nodes.push({ kind: 'text', text });
    text = '';
    nodes.push(step.node);
    i = step.end;
  }
  if (text !== '') nodes.push({ kind: 'text', text });
  return nodes;
}

function matchAt(input: string, i: number, depth: number, misses: Misses): Step | undefined {
  const ch = input.charAt(i);
  if (input.startsWith(FENCE, i)) return matchFence(input, i, misses);
  if (ch === '`') return matchInlineCode(input, i, misses);
  const style = STYLE_MARKERS[ch];
  if (style !== undefined) return matchStyle(input, i, { kind: style, depth, misses });
  if (ch === 'h' || ch === 'H') return matchUrl(input, i);
  return undefined;
}

function matchFence(input: string, i: number, misses: Misses): Step | undefined {
  if (i < (misses.get(FENCE) ?? -1)) return undefined;
  const close = input.indexOf(FENCE, i + FENCE.length);
  if (close === -1) misses.set(FENCE, input.length);
  if (close <= i + FENCE.length) return undefined;
  return { node: { kind: 'code', text: input.slice(i + FENCE.length, close) }, end: close + FENCE.length };
}

function matchInlineCode(input: string, i: number, misses: Misses): Step | undefined {
  const lineEnd = endOfLine(input, i);
  if (i < (misses.get('`') ?? -1)) return undefined;
  const close = input.indexOf('`', i + 1);
  if (close === -1 || close > lineEnd) {
    misses.set('`', lineEnd);
    return undefined;
  }
  if (close === i + 1) return undefined;
  return { node: { kind: 'code', text: input.slice(i + 1, close) }, end: close + 1 };
}

type StyleScan = { kind: StyleKind; depth: number; misses: Misses };

function matchStyle(input: string, i: number, { kind, depth, misses }: StyleScan): Step | undefined {
  const marker = input.charAt(i);
  if (!opensAt(input, i)) return undefined;
  const lineEnd = endOfLine(input, i);
  if (i < (misses.get(marker) ?? -1)) return undefined;
  for (let k = input.indexOf(marker, i + 2); k !== -1 && k < lineEnd; k = input.indexOf(marker, k + 1)) {
    if (closesAt(input, k)) {
      const children = parseWhatsAppFormatting(input.slice(i + 1, k), depth + 1);
      return { node: { kind, children }, end: k + 1 };
    }
  }
  misses.set(marker, lineEnd);
  return undefined;
}

function opensAt(input: string, i: number): boolean {
  const before = input.charAt(i - 1);
  const after = input.charAt(i + 1);
  const startsWord = i === 0 || !WORD_CHAR.test(before);
  return startsWord && after !== '' && !SPACE.test(after) && after !== input.charAt(i);
}

function closesAt(input: string, k: number): boolean {
  const before = input.charAt(k - 1);
  const after = input.charAt(k + 1);
  return !SPACE.test(before) && (after === '' || !WORD_CHAR.test(after));
}

function endOfLine(input: string, from: number): number {
  const newline = input.indexOf('\n', from);
  return newline === -1 ? input.length : newline;
}

function matchUrl(input: string, i: number): Step | undefined {
  if (i > 0 && WORD_CHAR.test(input.charAt(i - 1))) return undefined;
  const match = URL_AT.exec(input.slice(i, i + 2048));
  if (!match) return undefined;
  const raw = match[0].replace(TRAILING_PUNCTUATION, '');
  const href = safeHttpUrl(raw);
  if (href === undefined) return undefined;
  return { node: { kind: 'link', href, text: raw }, end: i + raw.length };
}
