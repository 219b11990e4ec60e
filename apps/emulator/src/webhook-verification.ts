import { randomBytes } from 'node:crypto';

export type VerificationResult = { verified: boolean; statusCode: number | null; challenge: string; responseBody: string; error?: string };

/**
 * The GET handshake Meta performs when a callback URL is saved (REFERENCE.md §4.1):
 * `?hub.mode=subscribe&hub.challenge=<random>&hub.verify_token=<token>`; the endpoint must answer 200
 * with exactly the challenge. No signature header is sent on GET.
 */
export async function verifyWebhookEndpoint(url: string, verifyToken: string, timeoutMs: number): Promise<VerificationResult> {
  const challenge = String(randomBytes(4).readUInt32BE());
  const target = new URL(url);
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
    const responseBody = await response.text();
    return { verified: response.status === 200 && responseBody === challenge, statusCode: response.status, challenge, responseBody };
  } catch (err) {
    return { verified: false, statusCode: null, challenge, responseBody: '', error: err instanceof Error ? err.message : String(err) };
  }
}
