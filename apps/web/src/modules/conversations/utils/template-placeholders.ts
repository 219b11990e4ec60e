import type { ChannelTemplate, TemplateComponent } from '@valeo/contracts';

/** `{{1}}` (positional) or `{{first_name}}` (named). */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; key: string };

/** The distinct placeholders of a text in the order the Cloud API expects them: by number, or by first use when named. */
export function placeholdersOf(text: string | undefined, format: ChannelTemplate['parameterFormat']): string[] {
  if (text === undefined) return [];
  const keys = [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
  return format === 'positional' ? keys.sort((a, b) => Number(a) - Number(b)) : keys;
}

/** A text split into literal parts and placeholders, to render the preview without building HTML. */
export function splitPlaceholders(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'placeholder', key: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export type TemplateShape = {
  header: TemplateComponent | undefined;
  body: TemplateComponent | undefined;
  footer: TemplateComponent | undefined;
  headerKeys: string[];
  bodyKeys: string[];
  /** Media headers and dynamic URL buttons need inputs this picker does not offer yet. */
  supported: boolean;
};

export function templateShape(template: ChannelTemplate): TemplateShape {
  const find = (type: string) => template.components.find((c) => c.type.toUpperCase() === type);
  const header = find('HEADER');
  const body = find('BODY');
  const buttons = find('BUTTONS')?.buttons ?? [];
  const textHeader = header === undefined || (header.format ?? 'TEXT').toUpperCase() === 'TEXT';
  const dynamicButton = buttons.some((b) => b.url !== undefined && /\{\{\s*[A-Za-z0-9_]+\s*\}\}/.test(b.url));
  return {
    header,
    body,
    footer: find('FOOTER'),
    headerKeys: textHeader ? placeholdersOf(header?.text, template.parameterFormat) : [],
    bodyKeys: placeholdersOf(body?.text, template.parameterFormat),
    supported: textHeader && !dynamicButton,
  };
}
