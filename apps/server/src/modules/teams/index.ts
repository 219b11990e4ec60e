import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/database.js';
import { teamsRoutes } from './teams.routes.js';
import { createTeamsService, type TeamUsers } from './teams.service.js';

export { createTeamsService, type TeamsService, type TeamUsers } from './teams.service.js';

export type TeamsModule = ReturnType<typeof createTeamsModule>;

/** Teams of a tenant and their members; `routes` mounts /teams under /api/v1. */
export function createTeamsModule(deps: { db: Db; clock: Clock; users: TeamUsers }) {
  const service = createTeamsService(deps);
  return { service, routes: teamsRoutes(service) };
}
