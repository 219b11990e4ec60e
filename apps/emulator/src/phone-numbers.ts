import type { EmulatorContext } from './context.js';
import type { PhoneNumber } from './state/types.js';
import { seedHelloWorld } from './templates.js';

export type RegisterPhoneNumberInput = Omit<PhoneNumber, 'verifiedName' | 'webhookUrl'> & {
  verifiedName?: string;
  webhookUrl?: string | null;
};

/** Idempotent upsert of a business number; its WABA gets the `hello_world` template. */
export function registerPhoneNumber(ctx: EmulatorContext, input: RegisterPhoneNumberInput): PhoneNumber {
  const number: PhoneNumber = {
    phoneNumberId: input.phoneNumberId,
    wabaId: input.wabaId,
    displayPhoneNumber: input.displayPhoneNumber,
    verifiedName: input.verifiedName ?? 'VALEO Sandbox',
    accessToken: input.accessToken,
    appSecret: input.appSecret,
    webhookUrl: input.webhookUrl ?? null,
  };
  ctx.store.phoneNumbers.set(number.phoneNumberId, number);
  seedHelloWorld(ctx, number.wabaId);
  return number;
}

/** `GET /{phone-number-id}` fields Meta returns by default (plus a few commonly requested ones). */
export function toGraphPhoneNumber(number: PhoneNumber): Record<string, unknown> {
  return {
    verified_name: number.verifiedName,
    code_verification_status: 'VERIFIED',
    display_phone_number: number.displayPhoneNumber,
    quality_rating: 'GREEN',
    platform_type: 'CLOUD_API',
    throughput: { level: 'STANDARD' },
    id: number.phoneNumberId,
  };
}
