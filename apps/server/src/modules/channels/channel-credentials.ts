import { createHash, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../../core/secret-box.js';
import { credentialsUnreadable } from './channels.errors.js';
import type { ChannelCredentials } from './channels.types.js';

/**
 * The AAD binds a sealed blob to its tenant and row (RELIABILITY §4.7): copied into another
 * channel or tenant, it no longer opens (SEC-09).
 */
function context(tenantId: string, channelId: string): string {
  return `channel:${tenantId}:${channelId}:credentials`;
}

export function sealCredentials(box: SecretBox, ids: { tenantId: string; channelId: string }, credentials: ChannelCredentials): string {
  const { accessToken, appSecret, webhookVerifyToken } = credentials;
  return box.seal(JSON.stringify({ accessToken, appSecret, webhookVerifyToken }), context(ids.tenantId, ids.channelId));
}

export function openCredentials(box: SecretBox, ids: { tenantId: string; channelId: string }, sealed: string): ChannelCredentials {
  try {
    return JSON.parse(box.open(sealed, context(ids.tenantId, ids.channelId))) as ChannelCredentials;
  } catch (error) {
    throw credentialsUnreadable(ids.channelId, error);
  }
}

/** Enough to recognise a token, too little to use it; short tokens show nothing. */
export function accessTokenHint(accessToken: string): string {
  return accessToken.length >= 12 ? `…${accessToken.slice(-4)}` : '…';
}

/** Constant-time equality of two secrets of any length (hash first so lengths match). */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
