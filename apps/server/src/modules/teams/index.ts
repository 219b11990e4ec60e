import { teamsRoutes } from './teams.routes.js';
import { createTeamsService, type TeamsDeps } from './teams.service.js';

export { createTeamsService, type TeamsDeps, type TeamsService, type TeamUsers } from './teams.service.js';

export type TeamsModule = ReturnType<typeof createTeamsModule>;

/** Teams of a tenant and their members; `routes` mounts /teams under /api/v1. Changes publish `team.updated`. */
export function createTeamsModule(deps: TeamsDeps) {
  const service = createTeamsService(deps);
  return { service, routes: teamsRoutes(service) };
}
