import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './api-client.js';

const ApiContext = createContext<ApiClient | null>(null);

export type ApiProviderProps = { client: ApiClient; children: ReactNode };

/** Hands the one ApiClient to the data hooks; tests pass a client over a fake fetch. */
export function ApiProvider({ client, children }: ApiProviderProps) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error('useApi needs an <ApiProvider> above it');
  return client;
}
