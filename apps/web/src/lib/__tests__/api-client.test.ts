import { describe, expect, it, vi } from 'vitest';
import { ApiError, mediaContentUrl } from '../api-client.js';
import { fakeApi, on } from '../../test/fake-api.js';

describe('ApiClient', () => {
  it('sends the CSRF token on unsafe requests only', async () => {
    const { client, requests } = fakeApi([on('GET', '/conversations', () => ({ status: 200, body: { data: [] } })), on('POST', '/auth/logout', () => ({ status: 204 }))]);
    client.setCsrfToken('tok');
    await client.get('/conversations', { limit: 5, cursor: undefined });
    await client.post('/auth/logout');
    expect(requests[0]?.url).toBe('/api/v1/conversations?limit=5');
    expect(requests[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(requests[1]?.headers['x-csrf-token']).toBe('tok');
  });

  it('turns the error envelope into an ApiError and reports 401s', async () => {
    const onUnauthorized = vi.fn();
    const { client } = fakeApi([on('GET', '/auth/me', () => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in', requestId: 'r1' } } }))], { onUnauthorized });
    const error = await client.get('/auth/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Sign in', requestId: 'r1' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('keeps media ids inside the media path', () => {
    expect(mediaContentUrl('../../auth/logout')).toBe('/api/v1/media/..%2F..%2Fauth%2Flogout/content');
  });
});
