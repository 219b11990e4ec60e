import {
  checkLength, firstProblem, invalid, isObject, missing, requireString, type Json, type Problem,
} from './send-request-problems.js';

/** Interactive message limits (REFERENCE.md §1.2 and §5 "Text length summary"). */
const INTERACTIVE_TYPES = [
  'button', 'list', 'cta_url', 'flow', 'location_request_message', 'product', 'product_list',
  'catalog_message', 'call_permission_request', 'address_message', 'carousel', 'order_details', 'order_status',
];
const NEEDS_BODY = ['button', 'list', 'cta_url', 'flow', 'location_request_message', 'product_list', 'catalog_message'];

function checkButtons(action: Json): Problem {
  const buttons = action['buttons'];
  if (!Array.isArray(buttons) || buttons.length === 0) return missing("interactive['action']['buttons']");
  if (buttons.length > 3) return invalid("interactive['action']['buttons']", 'at most 3 buttons are allowed');
  const seen = new Set<string>();
  for (const [i, button] of buttons.entries()) {
    const reply = isObject(button) && isObject(button['reply']) ? button['reply'] : null;
    const path = `interactive['action']['buttons'][${i}]['reply']`;
    if (!reply) return missing(path);
    const problem = requireString(reply, 'id', `${path}['id']`, 256) ?? requireString(reply, 'title', `${path}['title']`, 20);
    if (problem) return problem;
    const key = `${String(reply['id'])}|${String(reply['title'])}`;
    if (seen.has(key)) return invalid(path, 'button ids and titles must be unique');
    seen.add(key);
  }
  return null;
}

function checkListRow(row: unknown, path: string): Problem {
  if (!isObject(row)) return missing(path);
  return firstProblem([
    () => requireString(row, 'id', `${path}['id']`, 200),
    () => requireString(row, 'title', `${path}['title']`, 24),
    () => checkLength(row['description'], `${path}['description']`, 72),
  ]);
}

function checkList(action: Json): Problem {
  const sections = action['sections'];
  const buttonProblem = requireString(action, 'button', "interactive['action']['button']", 20);
  if (buttonProblem) return buttonProblem;
  if (!Array.isArray(sections) || sections.length === 0) return missing("interactive['action']['sections']");
  if (sections.length > 10) return invalid("interactive['action']['sections']", 'at most 10 sections are allowed');
  const rows = sections.flatMap((s, i) => (isObject(s) && Array.isArray(s['rows']) ? s['rows'].map((r, j) => ({ r, path: `interactive['action']['sections'][${i}]['rows'][${j}]` })) : []));
  if (rows.length === 0) return missing("interactive['action']['sections'][0]['rows']");
  if (rows.length > 10) return invalid("interactive['action']['sections']", 'at most 10 rows are allowed in total');
  for (const { r, path } of rows) {
    const problem = checkListRow(r, path);
    if (problem) return problem;
  }
  return sections.length > 1 && sections.some((s) => !isObject(s) || !s['title'])
    ? missing("interactive['action']['sections'][]['title']")
    : null;
}

function checkCtaUrl(action: Json): Problem {
  const params = isObject(action['parameters']) ? action['parameters'] : null;
  if (!params) return missing("interactive['action']['parameters']");
  return requireString(params, 'display_text', "interactive['action']['parameters']['display_text']", 20)
    ?? requireString(params, 'url', "interactive['action']['parameters']['url']");
}

function checkBodyAndChrome(payload: Json, type: string): Problem {
  const body = isObject(payload['body']) ? payload['body'] : null;
  if (NEEDS_BODY.includes(type) && !body) return missing("interactive['body']");
  const bodyMax = type === 'list' ? 4096 : 1024;
  const header = isObject(payload['header']) ? payload['header'] : {};
  const footer = isObject(payload['footer']) ? payload['footer'] : {};
  return firstProblem([
    () => (body && NEEDS_BODY.includes(type) ? requireString(body, 'text', "interactive['body']['text']", bodyMax) : null),
    () => checkLength(header['text'], "interactive['header']['text']", 60),
    () => checkLength(footer['text'], "interactive['footer']['text']", 60),
  ]);
}

export function validateInteractive(payload: Json): Problem {
  const type = payload['type'];
  if (typeof type !== 'string' || type === '') return missing("interactive['type']");
  if (!INTERACTIVE_TYPES.includes(type)) return invalid("interactive['type']", `unsupported interactive type '${type}'`);
  const chrome = checkBodyAndChrome(payload, type);
  if (chrome) return chrome;
  const action = isObject(payload['action']) ? payload['action'] : null;
  if (!action) return type === 'order_status' || type === 'address_message' ? null : missing("interactive['action']");
  if (type === 'button') return checkButtons(action);
  if (type === 'list') return checkList(action);
  if (type === 'cta_url') return checkCtaUrl(action);
  return null;
}
