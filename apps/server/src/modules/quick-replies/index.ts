import { systemClock, type Clock } from '../../core/clock.js';
import type { Db } from '../../db/database.js';
import { quickRepliesRoutes } from './quick-replies.routes.js';
import { QuickRepliesService } from './quick-replies.service.js';

export { QuickRepliesService } from './quick-replies.service.js';
export type { QuickReplyRecord } from './quick-replies.repository.js';

export type QuickRepliesModule = ReturnType<typeof createQuickRepliesModule>;

/** Canned responses per tenant, inserted with `/` in the inbox composer. `routes` goes into `apiPlugins`. */
export function createQuickRepliesModule(deps: { db: Db; clock?: Clock }) {
  const service = new QuickRepliesService({ db: deps.db, clock: deps.clock ?? systemClock });
  return { service, routes: quickRepliesRoutes(service) };
}
