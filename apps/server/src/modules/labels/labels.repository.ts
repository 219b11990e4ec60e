import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, toDbTime } from '../../db/column-types.js';
import type { LabelsTable } from '../../db/tables/labels-notes.tables.js';
import { newId } from '../../core/ids.js';

export type LabelRecord = { id: string; tenantId: string; name: string; color: string; createdAt: Date };

/** What a label is attached to; each has its own join table `<target>_labels`. */
export type LabelTarget = 'conversation' | 'contact';

export async function listLabels(db: DbExecutor, tenantId: string): Promise<LabelRecord[]> {
  const rows = await db.selectFrom('labels').selectAll().where('tenant_id', '=', tenantId).orderBy('name_key').orderBy('id').execute();
  return rows.map(toLabel);
}

export async function countLabels(db: DbExecutor, tenantId: string): Promise<number> {
  const row = await db.selectFrom('labels').select((eb) => eb.fn.countAll<number | string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findLabel(db: DbExecutor, tenantId: string, id: string): Promise<LabelRecord | undefined> {
  const row = await db.selectFrom('labels').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toLabel(row) : undefined;
}

export async function findLabelByNameKey(db: DbExecutor, tenantId: string, nameKey: string): Promise<LabelRecord | undefined> {
  const row = await db.selectFrom('labels').selectAll().where('tenant_id', '=', tenantId).where('name_key', '=', nameKey).executeTakeFirst();
  return row ? toLabel(row) : undefined;
}

/** undefined when the (tenant, name_key) is taken, also by a concurrent insert. */
export async function insertLabel(
  db: DbExecutor,
  input: { tenantId: string; name: string; nameKey: string; color: string; now: Date },
): Promise<LabelRecord | undefined> {
  const at = toDbTime(input.now);
  const row = await db
    .insertInto('labels')
    .values({ id: newId(), tenant_id: input.tenantId, name: input.name, name_key: input.nameKey, color: input.color, created_at: at, updated_at: at })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toLabel(row) : undefined;
}

/**
 * undefined when the label is not there or already has that name and colour: the row is written only
 * when something differs, decided in the statement itself, so a concurrent edit cannot turn a real
 * change into an unnoticed one (the caller publishes only for a written row).
 */
export async function updateLabel(
  db: DbExecutor,
  tenantId: string,
  id: string,
  patch: { name?: string; nameKey?: string; color?: string; now: Date },
): Promise<LabelRecord | undefined> {
  const { name, color } = patch;
  const row = await db
    .updateTable('labels')
    .set({
      ...(name === undefined ? {} : { name }),
      ...(patch.nameKey === undefined ? {} : { name_key: patch.nameKey }),
      ...(color === undefined ? {} : { color }),
      updated_at: toDbTime(patch.now),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where((eb) => eb.or([...(name === undefined ? [] : [eb('name', '<>', name)]), ...(color === undefined ? [] : [eb('color', '<>', color)])]))
    .returningAll()
    .executeTakeFirst();
  return row ? toLabel(row) : undefined;
}

/** Attachments go with the label (ON DELETE CASCADE). */
export async function deleteLabel(db: DbExecutor, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('labels').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function attachLabel(db: DbExecutor, target: LabelTarget, input: { tenantId: string; targetId: string; labelId: string; now: Date }): Promise<void> {
  const values = { tenant_id: input.tenantId, label_id: input.labelId, created_at: toDbTime(input.now) };
  // Two statements rather than a dynamic table name, so Kysely checks both against the schema.
  if (target === 'conversation') {
    await db.insertInto('conversation_labels').values({ ...values, conversation_id: input.targetId }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await db.insertInto('contact_labels').values({ ...values, contact_id: input.targetId }).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function detachLabel(db: DbExecutor, target: LabelTarget, input: { tenantId: string; targetId: string; labelId: string }): Promise<void> {
  if (target === 'conversation') {
    await db.deleteFrom('conversation_labels').where('tenant_id', '=', input.tenantId).where('conversation_id', '=', input.targetId).where('label_id', '=', input.labelId).execute();
  } else {
    await db.deleteFrom('contact_labels').where('tenant_id', '=', input.tenantId).where('contact_id', '=', input.targetId).where('label_id', '=', input.labelId).execute();
  }
}

/** The labels of each target, by target id (targets without labels are absent). */
export async function labelsOf(db: DbExecutor, target: LabelTarget, tenantId: string, targetIds: readonly string[]): Promise<Map<string, LabelRecord[]>> {
  const ids = [...new Set(targetIds)];
  const result = new Map<string, LabelRecord[]>();
  if (ids.length === 0) return result;
  const rows =
    target === 'conversation'
      ? await db
          .selectFrom('conversation_labels as t')
          .innerJoin('labels', 'labels.id', 't.label_id')
          .selectAll('labels')
          .select('t.conversation_id as target_id')
          .where('t.tenant_id', '=', tenantId)
          .where('t.conversation_id', 'in', ids)
          .orderBy('labels.name_key')
          .execute()
      : await db
          .selectFrom('contact_labels as t')
          .innerJoin('labels', 'labels.id', 't.label_id')
          .selectAll('labels')
          .select('t.contact_id as target_id')
          .where('t.tenant_id', '=', tenantId)
          .where('t.contact_id', 'in', ids)
          .orderBy('labels.name_key')
          .execute();
  for (const row of rows) {
    const list = result.get(row.target_id) ?? [];
    list.push(toLabel(row));
    result.set(row.target_id, list);
  }
  return result;
}

function toLabel(row: Selectable<LabelsTable>): LabelRecord {
  return { id: row.id, tenantId: row.tenant_id, name: row.name, color: row.color, createdAt: fromDbTime(row.created_at) };
}
