/** A short, plain-text line for conversation lists. Never HTML: the UI renders it as text. */
export function messagePreview(type: string, content: unknown): string {
  const obj = (content ?? {}) as Record<string, unknown>;
  const text = pickText(type, obj);
  const line = text ?? `[${type}]`;
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function pickText(type: string, obj: Record<string, unknown>): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  switch (type) {
    case 'text':
      return str(obj['body']);
    case 'image':
    case 'video':
    case 'document':
      return str(obj['caption']) ?? str(obj['filename']);
    case 'reaction':
      return str(obj['emoji']);
    case 'template':
      return str(obj['name']) ? `[template: ${String(obj['name'])}]` : undefined;
    case 'button':
      return str(obj['text']);
    case 'interactive':
      return interactiveText(obj);
    default:
      return undefined;
  }
}

function interactiveText(obj: Record<string, unknown>): string | undefined {
  for (const key of ['button_reply', 'list_reply']) {
    const reply = obj[key] as Record<string, unknown> | undefined;
    if (reply && typeof reply['title'] === 'string') return reply['title'];
  }
  const body = obj['body'] as Record<string, unknown> | undefined;
  return body && typeof body['text'] === 'string' ? body['text'] : undefined;
}
