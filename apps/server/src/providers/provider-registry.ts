import { AppError } from '../core/errors/app-error.js';
import type { MessagingProvider, ProviderKind } from './messaging-provider.js';

export type ProviderRegistry = {
  /** The provider for `kind`. Throws `AppError(PROVIDER_NOT_REGISTERED)` if none was registered. */
  get(kind: ProviderKind | string): MessagingProvider;
  has(kind: string): boolean;
  kinds(): ProviderKind[];
};

/**
 * kind → provider instance, built once in the composition root from the adapters it chose.
 * Providers are stateless per call (credentials travel in `ChannelContext`), so one instance
 * serves every channel of its kind.
 */
export function createProviderRegistry(providers: readonly MessagingProvider[]): ProviderRegistry {
  const byKind = new Map<string, MessagingProvider>();
  for (const provider of providers) {
    if (byKind.has(provider.kind)) throw new Error(`Two providers registered for kind '${provider.kind}'`);
    byKind.set(provider.kind, provider);
  }
  return {
    get(kind) {
      const provider = byKind.get(kind);
      if (provider === undefined) {
        // A channel row names a provider this process was not built with: a deployment problem, not the caller's.
        throw new AppError({
          code: 'PROVIDER_NOT_REGISTERED',
          httpStatus: 500,
          message: `No messaging provider registered for kind '${kind}'`,
          details: { kind, registered: [...byKind.keys()] },
          hint: 'Register the provider in the composition root, or fix the channel\'s provider kind.',
        });
      }
      return provider;
    },
    has: (kind) => byKind.has(kind),
    kinds: () => [...byKind.keys()] as ProviderKind[],
  };
}
