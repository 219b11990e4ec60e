import { Type, type Static } from 'typebox';

export const CHANNEL_PROVIDERS = ['cloud-api'] as const;
export type ChannelProvider = (typeof CHANNEL_PROVIDERS)[number];

/** Meta ids (phone number id, WABA id) are numeric strings. */
const MetaId = Type.String({ pattern: '^[0-9]{1,32}$', description: 'Numeric Meta id.' });
/** http(s) only: the base URL is where we send access tokens. */
const HttpUrl = Type.String({ format: 'uri', pattern: '^https?://[^\\s]+$', maxLength: 2048 });
const GraphApiVersion = Type.String({ pattern: '^v[0-9]{1,3}\\.[0-9]{1,2}$', description: 'e.g. v24.0' });
const Secret = (description: string) => Type.String({ minLength: 1, maxLength: 4096, description, writeOnly: true });

export const CreateChannelRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    provider: Type.Literal('cloud-api'),
    phoneNumberId: MetaId,
    wabaId: MetaId,
    displayPhoneNumber: Type.String({ minLength: 1, maxLength: 32 }),
    accessToken: Secret('System-user access token. Stored encrypted; never returned.'),
    appSecret: Secret('Meta app secret, verifies webhook signatures. Stored encrypted; never returned.'),
    webhookVerifyToken: Secret('Token Meta echoes in the webhook handshake. Stored encrypted; never returned.'),
    graphBaseUrl: Type.Optional(HttpUrl),
    graphApiVersion: Type.Optional(GraphApiVersion),
  },
  { additionalProperties: false },
);
export type CreateChannelRequest = Static<typeof CreateChannelRequest>;

/** Only what may change; the phone number id and WABA id are the channel's identity. */
export const UpdateChannelRequest = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    displayPhoneNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    accessToken: Type.Optional(Secret('New access token.')),
    appSecret: Type.Optional(Secret('New app secret.')),
    webhookVerifyToken: Type.Optional(Secret('New webhook verify token.')),
    graphBaseUrl: Type.Optional(Type.Union([HttpUrl, Type.Null()], { description: 'null = use the server default.' })),
    graphApiVersion: Type.Optional(Type.Union([GraphApiVersion, Type.Null()], { description: 'null = use the server default.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateChannelRequest = Static<typeof UpdateChannelRequest>;

/** A channel as the API shows it: credentials never, only the access token's last 4 characters. */
export const Channel = Type.Object({
  id: Type.String(),
  name: Type.String(),
  provider: Type.Literal('cloud-api'),
  phoneNumberId: Type.String(),
  wabaId: Type.String(),
  displayPhoneNumber: Type.String(),
  graphBaseUrl: Type.Union([Type.String(), Type.Null()], { description: 'null = the server default.' }),
  graphApiVersion: Type.Union([Type.String(), Type.Null()], { description: 'null = the server default.' }),
  sandbox: Type.Boolean({ description: 'true when the channel points at the embedded emulator.' }),
  accessTokenHint: Type.String({ description: 'Last 4 characters of the access token, e.g. "…a1b2".' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Channel = Static<typeof Channel>;

export const ChannelIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export type ChannelIdParams = Static<typeof ChannelIdParams>;
