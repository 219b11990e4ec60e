import { templatesRoutes } from './templates.routes.js';
import { TemplatesService, type TemplateChannels, type TemplateProviders } from './templates.service.js';

export { TemplatesService } from './templates.service.js';
export { TemplateErrorCode } from './templates.errors.js';
export type { TemplateChannels, TemplateProviders } from './templates.service.js';

export type TemplatesModule = ReturnType<typeof createTemplatesModule>;

/** Message templates of a channel, listed live from its provider. `routes` goes into `apiPlugins`. */
export function createTemplatesModule(deps: { channels: TemplateChannels; providers: TemplateProviders }) {
  const service = new TemplatesService(deps);
  return { service, routes: templatesRoutes(service) };
}
