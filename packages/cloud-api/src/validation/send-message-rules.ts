import { INTERACTIVE_LIMITS, type InteractiveObject } from '../schemas/interactive.js';
import type { SendMessageRequest } from '../schemas/send-message.js';
import type { ValidationIssue } from './parse-result.js';

/**
 * Rules Meta documents that JSON Schema cannot express. Run after the schema check passed.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
 */
export function checkInteractiveRules(interactive: InteractiveObject, path = '/interactive'): ValidationIssue[] {
  if (interactive.type === 'button') {
    const replies = interactive.action.buttons.map((b) => b.reply);
    return [
      ...duplicates(replies.map((r) => r.id), `${path}/action/buttons`, 'button ids must be unique'),
      ...duplicates(replies.map((r) => r.title), `${path}/action/buttons`, 'button titles must be unique'),
    ];
  }
  if (interactive.type !== 'list') return [];
  const { sections } = interactive.action;
  const issues: ValidationIssue[] = [];
  const rows = sections.flatMap((s) => s.rows);
  if (rows.length > INTERACTIVE_LIMITS.listRowsTotal) {
    issues.push({ path: `${path}/action/sections`, message: `must have at most ${INTERACTIVE_LIMITS.listRowsTotal} rows in total` });
  }
  if (sections.length > 1) {
    sections.forEach((s, i) => {
      if (s.title === undefined) issues.push({ path: `${path}/action/sections/${i}`, message: 'title is required when there is more than one section' });
    });
  }
  issues.push(...duplicates(rows.map((r) => r.id), `${path}/action/sections`, 'row ids must be unique'));
  return issues;
}

/** Schema-external rules for a whole send request. */
export function checkSendMessageRules(request: SendMessageRequest): ValidationIssue[] {
  if (request.type === 'interactive') return checkInteractiveRules(request.interactive);
  if (request.type === 'reaction' && request.context !== undefined) {
    return [{ path: '/context', message: 'reactions cannot be contextual replies' }];
  }
  return [];
}

function duplicates(values: string[], path: string, message: string): ValidationIssue[] {
  return new Set(values).size === values.length ? [] : [{ path, message }];
}
