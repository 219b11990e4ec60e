import type { Message } from '@valeo/contracts';
import { asObject, asString } from './json-reader.js';

export type Reactions = {
  /** Current emojis on a message, by the target's wamid (one per side; an empty emoji removes it). */
  byWamid: Map<string, string[]>;
  /** Reaction messages shown on their target instead of as bubbles of their own. */
  attachedIds: Set<string>;
};

/** `messages` oldest first, so the latest reaction of each side wins. */
export function collectReactions(messages: readonly Message[]): Reactions {
  const present = new Set(messages.flatMap((m) => (m.wamid === null ? [] : [m.wamid])));
  const perTarget = new Map<string, Map<Message['direction'], string>>();
  const attachedIds = new Set<string>();
  for (const message of messages) {
    if (message.type !== 'reaction') continue;
    const content = asObject(message.content);
    const target = asString(content['message_id']);
    if (target === undefined || !present.has(target)) continue;
    attachedIds.add(message.id);
    const sides = perTarget.get(target) ?? new Map<Message['direction'], string>();
    const emoji = asString(content['emoji']);
    if (emoji === undefined) sides.delete(message.direction);
    else sides.set(message.direction, emoji);
    perTarget.set(target, sides);
  }
  const byWamid = new Map<string, string[]>();
  for (const [target, sides] of perTarget) {
    if (sides.size > 0) byWamid.set(target, [...sides.values()]);
  }
  return { byWamid, attachedIds };
}
