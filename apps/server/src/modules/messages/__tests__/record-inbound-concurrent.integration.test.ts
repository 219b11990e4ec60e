import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { createMessagesHarness, type MessagesHarness } from './messages-harness.js';

const CUSTOMER = '4915112345678';

/**
 * The inbound job records messages inside its own transaction and runs several jobs at once, so two
 * transactions can carry the same wamid (a re-delivered job, a webhook re-sent with another body).
 * The loser must not leave the winner's side effects twice (unread count, preview) in its commit.
 */
describe(`recording the same inbound message in two open transactions (${testDialect()})`, () => {
  let h: MessagesHarness;
  beforeEach(async () => {
    h = await createMessagesHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('counts the message unread once', async () => {
    const { service } = await h.startProcess({ start: false });
    const input = { tenantId: h.tenantId, channelId: h.channel.channelId, event: h.inboundText(CUSTOMER, 'wamid.TWICE', h.clock.now()) };
    const { db } = h.database;
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => (firstRecorded = resolve));
    const first = db.transaction().execute(async (trx) => {
      const result = await service.recordInbound(input, trx);
      firstRecorded();
      await firstHolds;
      return result;
    });
    await recorded;
    // The second one's read does not see the first one's uncommitted row; it then waits on its locks.
    const second = db.transaction().execute((trx) => service.recordInbound(input, trx)).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (testDialect() === 'postgres') {
      await eventually(async () => {
        const waiting = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into "contacts"%'`.execute(db);
        expect(Number(waiting.rows[0]!.n)).toBeGreaterThan(0);
      });
    }
    releaseFirst();
    expect((await first).duplicate).toBe(false);
    const outcome = await second;
    // Either a clean duplicate or a refusal its caller retries; never a second count.
    if ('result' in outcome) expect(outcome.result.duplicate).toBe(true);
    const conversation = await db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(conversation.unread_count).toBe(1);
    // A retry, as the job does it, sees the committed message.
    const again = await db.transaction().execute((trx) => service.recordInbound(input, trx));
    expect(again.duplicate).toBe(true);
    const after = await db.selectFrom('conversations').select('unread_count').executeTakeFirstOrThrow();
    expect(after.unread_count).toBe(1);
  });
});
