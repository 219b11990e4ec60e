import type { Label } from '@valeo/contracts';
import type { LabelRecord } from './labels.repository.js';

export function toLabelDto(label: LabelRecord): Label {
  return { id: label.id, name: label.name, color: label.color, createdAt: label.createdAt.toISOString() };
}
