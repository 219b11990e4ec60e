import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { badRequest } from '../../core/errors/app-error.js';

/**
 * WhatsApp ids (wa_id) are E.164 numbers without '+'. We accept the forms people type
 * ("+49 151 …", "0049…" is not accepted: it is ambiguous without a region) and reject what
 * cannot be a phone number. `isPossible` (length per country) rather than `isValid` (known number
 * ranges): ranges change faster than libraries, and Meta makes the final call (131026).
 */
export function normalizeWaId(input: string): string {
  const trimmed = input.trim();
  if (!/^\+?[\d\s\-().]{4,32}$/.test(trimmed)) throw invalid(input);
  const digits = trimmed.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed || !parsed.isPossible()) throw invalid(input);
  return parsed.number.slice(1);
}

function invalid(input: string) {
  return badRequest('INVALID_PHONE_NUMBER', `"${input.slice(0, 40)}" is not a phone number in international format (e.g. +4915112345678)`);
}
