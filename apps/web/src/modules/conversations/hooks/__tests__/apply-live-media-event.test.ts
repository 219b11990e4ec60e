import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../../lib/query-keys.js';
import { applyLiveEvent } from '../use-live-updates.js';

describe('applyLiveEvent: media.stored', () => {
  it("refetches that conversation's messages (the image can now be shown), not the conversation list", () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
    applyLiveEvent(queryClient, { name: 'media.stored', data: { tenantId: 't', conversationId: 'conv_7', messageId: 'msg_1', mediaId: 'med_1' } });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([queryKeys.messages.list('conv_7')]);
  });
});
