import type { ChannelProvider } from '@valeo/contracts';

/** A channel as the rest of the Hub sees it: never with its credentials. */
export type Channel = {
  id: string;
  tenantId: string;
  name: string;
  provider: ChannelProvider;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  /** null = the server default (WA_GRAPH_BASE_URL). */
  graphBaseUrl: string | null;
  /** null = the server default (WA_GRAPH_API_VERSION). */
  graphApiVersion: string | null;
  sandbox: boolean;
  /** "…" + the last 4 characters of the access token, for recognising which token is set. */
  accessTokenHint: string;
  createdAt: Date;
  updatedAt: Date;
};

/** Sealed together as one blob; plaintext only in memory, never logged (ASVS 16.2.5). */
export type ChannelCredentials = {
  accessToken: string;
  appSecret: string;
  webhookVerifyToken: string;
};

export type CreateChannelInput = {
  tenantId: string;
  name: string;
  provider: ChannelProvider;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  graphBaseUrl?: string | null | undefined;
  graphApiVersion?: string | null | undefined;
} & ChannelCredentials;

export type UpdateChannelInput = {
  name?: string | undefined;
  displayPhoneNumber?: string | undefined;
  accessToken?: string | undefined;
  appSecret?: string | undefined;
  webhookVerifyToken?: string | undefined;
  graphBaseUrl?: string | null | undefined;
  graphApiVersion?: string | null | undefined;
};

export type EnsureSandboxChannelInput = {
  tenantId: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  /** The emulator's base URL. */
  graphBaseUrl: string;
  name?: string;
} & ChannelCredentials;

/** Server-wide Graph defaults a channel falls back to. */
export type GraphDefaults = { graphBaseUrl: string; graphApiVersion: string };
