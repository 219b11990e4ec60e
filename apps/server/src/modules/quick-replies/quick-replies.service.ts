import { QUICK_REPLIES_PER_TENANT_MAX, type CreateQuickReplyRequest, type UpdateQuickReplyRequest } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { quickReplyLimitReached, quickReplyNotFound, quickReplyTextEmpty, shortcutTaken } from './quick-replies.errors.js';
import {
  countQuickReplies, deleteQuickReply, findByShortcut, insertQuickReply, listQuickReplies, updateQuickReply, type QuickReplyRecord,
} from './quick-replies.repository.js';

export type QuickRepliesServiceDeps = { db: Db; clock: Clock };

/** Tenant-scoped CRUD; the shortcut is unique per tenant (409), blank text is refused. */
export class QuickRepliesService {
  readonly #deps: QuickRepliesServiceDeps;

  constructor(deps: QuickRepliesServiceDeps) {
    this.#deps = deps;
  }

  list(tenantId: string): Promise<QuickReplyRecord[]> {
    return listQuickReplies(this.#deps.db, tenantId);
  }

  async create(tenantId: string, input: CreateQuickReplyRequest): Promise<QuickReplyRecord> {
    const text = checkedText(input.text);
    if (await countQuickReplies(this.#deps.db, tenantId) >= QUICK_REPLIES_PER_TENANT_MAX) throw quickReplyLimitReached();
    const created = await insertQuickReply(this.#deps.db, { id: newId(), tenantId, shortcut: input.shortcut, text }, this.#deps.clock.now());
    if (created === undefined) throw shortcutTaken(input.shortcut);
    return created;
  }

  async update(tenantId: string, id: string, input: UpdateQuickReplyRequest): Promise<QuickReplyRecord> {
    const text = input.text === undefined ? undefined : checkedText(input.text);
    if (input.shortcut !== undefined) {
      const holder = await findByShortcut(this.#deps.db, tenantId, input.shortcut);
      if (holder !== undefined && holder.id !== id) throw shortcutTaken(input.shortcut);
    }
    let updated: QuickReplyRecord | undefined;
    try {
      updated = await updateQuickReply(this.#deps.db, { tenantId, id }, { shortcut: input.shortcut, text }, this.#deps.clock.now());
    } catch (error) {
      // A concurrent create took the shortcut between the check and the update.
      if (input.shortcut !== undefined && isUniqueViolation(error)) throw shortcutTaken(input.shortcut);
      throw error;
    }
    if (updated === undefined) throw quickReplyNotFound();
    return updated;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    if (!(await deleteQuickReply(this.#deps.db, tenantId, id))) throw quickReplyNotFound();
  }
}

/** Whitespace-only text would insert nothing useful; the text itself is kept as written. */
function checkedText(text: string): string {
  if (text.trim() === '') throw quickReplyTextEmpty();
  return text;
}
