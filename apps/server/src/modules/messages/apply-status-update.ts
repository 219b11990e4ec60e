import { inTransaction, type DbExecutor } from '../../db/database.js';
import { applyStatusUpdates } from './apply-status-updates.js';
import type { MessagesDeps } from './messages.deps.js';
import type { ApplyStatusInput, ApplyStatusResult } from './messages.types.js';

/**
 * Applies one status webhook item: {@link applyStatusUpdates} with a batch of one, so both share
 * one set of rules. Statuses arrive late, twice and out of order: the history keeps one row per
 * status, the current status only moves forward (message-status.ts), and a status for a message
 * whose send response never reached us (OUTCOME_UNKNOWN) is matched by our id, which Meta echoes in
 * `biz_opaque_callback_data`. In the caller's transaction the result carries `afterCommit`; on its
 * own the event is published after this function's commit.
 */
export async function applyStatusUpdate(deps: MessagesDeps, input: ApplyStatusInput, executor?: DbExecutor): Promise<ApplyStatusResult> {
  const [result] = await inTransaction(executor ?? deps.db, (trx) => applyStatusUpdates(deps, [input], trx));
  if (result === undefined) throw new Error('applyStatusUpdates returned no result for its input');
  if (executor?.isTransaction) return result;
  const { afterCommit, ...outcome } = result;
  afterCommit?.();
  return outcome;
}
