import type { CreateChannelRequest } from '@valeo/contracts';

let counter = 0;

/** A valid create-channel body with unique ids and recognisable secrets (to grep for leaks). */
export function channelInput(overrides: Partial<CreateChannelRequest> = {}): CreateChannelRequest {
  counter += 1;
  const n = `${Date.now() % 1_000_000}${counter}`.padStart(8, '0');
  return {
    name: `Sales ${counter}`,
    provider: 'cloud-api',
    phoneNumberId: `10${n}`,
    wabaId: `20${n}`,
    displayPhoneNumber: '+49 151 2345678',
    accessToken: `EAAG-access-token-${n}-XYZ9`,
    appSecret: `app-secret-${n}`,
    webhookVerifyToken: `verify-token-${n}`,
    ...overrides,
  };
}
