import { LABELS_PER_TENANT_MAX, type LabelChange } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { normalizeLabelName } from './label-name.js';
import { labelLimitReached, labelNameTaken, labelNotFound } from './labels.errors.js';
import {
  attachLabel,
  countLabels,
  deleteLabel,
  detachLabel,
  findLabel,
  insertLabel,
  labelsOf,
  listLabels,
  updateLabel,
  type LabelRecord,
  type LabelTarget,
} from './labels.repository.js';

export type LabelsService = ReturnType<typeof createLabelsService>;

/**
 * A tenant's labels and their attachments. Whether the target exists is the caller's check.
 * Creating, renaming/recolouring and deleting a label publish `label.updated` once written (each is one
 * statement, committed when it resolves); a refused change or an edit to the values it already has
 * publishes nothing. Attachments are reported by the routes' `changed` callback instead.
 */
export function createLabelsService(db: Db, clock: Clock, events: EventBus) {
  const changed = (tenantId: string, labelId: string, change: LabelChange) => events.publish('label.updated', { tenantId, labelId, change });
  const get = async (tenantId: string, id: string): Promise<LabelRecord> => {
    const label = await findLabel(db, tenantId, id);
    if (!label) throw labelNotFound(id);
    return label;
  };
  return {
    list: (tenantId: string) => listLabels(db, tenantId),
    get,
    async create(tenantId: string, input: { name: string; color: string }): Promise<LabelRecord> {
      if ((await countLabels(db, tenantId)) >= LABELS_PER_TENANT_MAX) throw labelLimitReached();
      const { name, nameKey } = normalizeLabelName(input.name);
      const label = await insertLabel(db, { tenantId, name, nameKey, color: input.color.toLowerCase(), now: clock.now() });
      if (!label) throw labelNameTaken(name);
      changed(tenantId, label.id, 'created');
      return label;
    },
    async update(tenantId: string, id: string, input: { name?: string | undefined; color?: string | undefined }): Promise<LabelRecord> {
      const renamed: { name?: string; nameKey?: string } = input.name === undefined ? {} : normalizeLabelName(input.name);
      try {
        const label = await updateLabel(db, tenantId, id, {
          ...renamed,
          ...(input.color === undefined ? {} : { color: input.color.toLowerCase() }),
          now: clock.now(),
        });
        if (label) {
          changed(tenantId, id, 'updated');
          return label;
        }
        // Nothing written: an unknown label, or one that already looks like this (no event).
        return await get(tenantId, id);
      } catch (error) {
        if (isUniqueViolation(error)) throw labelNameTaken(renamed.name ?? '');
        throw error;
      }
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await deleteLabel(db, tenantId, id))) throw labelNotFound(id);
      changed(tenantId, id, 'deleted');
    },
    /** Idempotent; answers the target's labels afterwards. */
    async attach(target: LabelTarget, tenantId: string, targetId: string, labelId: string): Promise<LabelRecord[]> {
      await get(tenantId, labelId);
      await attachLabel(db, target, { tenantId, targetId, labelId, now: clock.now() });
      return (await labelsOf(db, target, tenantId, [targetId])).get(targetId) ?? [];
    },
    async detach(target: LabelTarget, tenantId: string, targetId: string, labelId: string): Promise<LabelRecord[]> {
      await get(tenantId, labelId);
      await detachLabel(db, target, { tenantId, targetId, labelId });
      return (await labelsOf(db, target, tenantId, [targetId])).get(targetId) ?? [];
    },
    /** Labels per conversation or contact id, for list and detail views. */
    of: (target: LabelTarget, tenantId: string, targetIds: readonly string[]) => labelsOf(db, target, tenantId, targetIds),
  };
}
