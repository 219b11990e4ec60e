import type { Template, TemplateComponent } from '../state/types.js';

/** The send-time template checks of Meta that our logic depends on (132000 count, 132012 format). */
export type TemplateParamProblem = { code: 132000 | 132012; details: string };

type SendComponent = { type?: unknown; sub_type?: unknown; index?: unknown; parameters?: unknown };
type SendParameter = { type?: unknown; parameter_name?: unknown };

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const MEDIA_HEADER_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];

/** Distinct placeholder names in order of appearance: `['1','2']` or `['first_name']`. */
export function placeholdersOf(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

function findTemplateComponent(template: Template, type: string): TemplateComponent | undefined {
  return template.components.find((c) => String(c.type).toUpperCase() === type);
}

function sendParams(components: SendComponent[], type: string, index?: number): SendParameter[] | undefined {
  const found = components.find(
    (c) => String(c.type).toLowerCase() === type && (index === undefined || Number(c.index) === index),
  );
  if (!found) return undefined;
  return Array.isArray(found.parameters) ? (found.parameters as SendParameter[]) : [];
}

function countMismatch(label: string, got: number, expected: number): TemplateParamProblem {
  return {
    code: 132000,
    details: `${label}: number of localizable_params (${got}) does not match the expected number of params (${expected})`,
  };
}

function checkTextParams(label: string, expected: string[], given: SendParameter[], named: boolean): TemplateParamProblem | null {
  if (given.length !== expected.length) return countMismatch(label, given.length, expected.length);
  if (!named) return null;
  const names = given.map((p) => p.parameter_name);
  const missing = expected.filter((name) => !names.includes(name));
  if (missing.length === 0) return null;
  return { code: 132012, details: `${label}: missing named parameter(s) ${missing.join(', ')}` };
}

function checkHeader(template: Template, components: SendComponent[]): TemplateParamProblem | null {
  const header = findTemplateComponent(template, 'HEADER');
  const given = sendParams(components, 'header') ?? [];
  const format = String(header?.['format'] ?? 'TEXT').toUpperCase();
  if (header && MEDIA_HEADER_FORMATS.includes(format)) {
    if (given.length !== 1) return countMismatch('header', given.length, 1);
    const type = String(given[0]?.type ?? '').toUpperCase();
    return type === format ? null : { code: 132012, details: `header: expected a ${format.toLowerCase()} parameter, got ${type.toLowerCase()}` };
  }
  return checkTextParams('header', placeholdersOf(header?.['text']), given, template.parameterFormat === 'named');
}

function checkBody(template: Template, components: SendComponent[]): TemplateParamProblem | null {
  const body = findTemplateComponent(template, 'BODY');
  const given = sendParams(components, 'body') ?? [];
  return checkTextParams('body', placeholdersOf(body?.['text']), given, template.parameterFormat === 'named');
}

/** URL buttons with a `{{1}}` suffix and one-tap/copy-code OTP buttons need one send parameter each. */
function checkButtons(template: Template, components: SendComponent[]): TemplateParamProblem | null {
  const buttons = findTemplateComponent(template, 'BUTTONS')?.['buttons'];
  if (!Array.isArray(buttons)) return null;
  for (const [index, button] of (buttons as Record<string, unknown>[]).entries()) {
    const type = String(button['type'] ?? '').toUpperCase();
    const needsParam = (type === 'URL' && placeholdersOf(button['url']).length > 0) || type === 'OTP';
    if (!needsParam) continue;
    const given = sendParams(components, 'button', index) ?? [];
    if (given.length !== 1) return countMismatch(`button at index ${index}`, given.length, 1);
  }
  return null;
}

/** Compares a send's `template.components` with the stored template definition. */
export function checkTemplateParameters(template: Template, sendComponents: unknown): TemplateParamProblem | null {
  const components = Array.isArray(sendComponents) ? (sendComponents as SendComponent[]) : [];
  return checkHeader(template, components) ?? checkBody(template, components) ?? checkButtons(template, components);
}
