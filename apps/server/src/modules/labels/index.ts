import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Db } from '../../db/database.js';
import { labelsRoutes, type LabelsChanged, type TargetLookup } from './labels.routes.js';
import { createLabelsService } from './labels.service.js';

export { createLabelsService, type LabelsService } from './labels.service.js';
export type { LabelRecord, LabelTarget } from './labels.repository.js';
export type { LabelsChanged, TargetLookup } from './labels.routes.js';
export { toLabelDto } from './label-view.js';
export { normalizeLabelName } from './label-name.js';

export type LabelsModule = ReturnType<typeof createLabelsModule>;

/**
 * Labels of a tenant and their attachments; `targets` checks that a conversation or contact exists.
 * A label's own changes publish `label.updated`; `changed` reports attachments.
 */
export function createLabelsModule(deps: { db: Db; clock: Clock; events: EventBus; targets: TargetLookup; changed: LabelsChanged }) {
  const service = createLabelsService(deps.db, deps.clock, deps.events);
  return { service, routes: labelsRoutes(service, deps.targets, deps.changed) };
}
