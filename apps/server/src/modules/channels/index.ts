import { systemClock, type Clock } from '../../core/clock.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { DbExecutor } from '../../db/database.js';
import { channelsRoutes } from './channels.routes.js';
import { createChannelsRepository } from './channels.repository.js';
import { ChannelsService } from './channels.service.js';
import type { GraphDefaults } from './channels.types.js';

export { ChannelsService } from './channels.service.js';
export { ChannelErrorCode } from './channels.errors.js';
export type {
  Channel, ChannelCredentials, CreateChannelInput, UpdateChannelInput, EnsureSandboxChannelInput, GraphDefaults,
} from './channels.types.js';

export type ChannelsModuleDeps = {
  db: DbExecutor;
  secretBox: SecretBox;
  /** Fallbacks for channels without their own base URL / version: WA_GRAPH_BASE_URL, WA_GRAPH_API_VERSION. */
  defaults: GraphDefaults;
  clock?: Clock;
  logger?: Logger;
};

export type ChannelsModule = ReturnType<typeof createChannelsModule>;

/** Channels (phone numbers). `routes` is the /api/v1/channels plugin for `apiPlugins`. */
export function createChannelsModule(deps: ChannelsModuleDeps) {
  const service = new ChannelsService({
    repository: createChannelsRepository(deps.db),
    secretBox: deps.secretBox,
    clock: deps.clock ?? systemClock,
    logger: deps.logger ?? silentLogger,
    defaults: deps.defaults,
  });
  return { service, routes: channelsRoutes(service) };
}
