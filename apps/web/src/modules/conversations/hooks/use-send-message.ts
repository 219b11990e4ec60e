import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SendMessageRequest, SendMessageResponse } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

export type SendMessageInput = {
  conversationId: string;
  request: SendMessageRequest;
  /** One per press of "send": a retry of the same request reuses it, so the Hub never sends twice. */
  idempotencyKey: string;
};

/**
 * `POST /messages` with an Idempotency-Key. Network failures are retried with the same key; the
 * message list refreshes on success (the live stream also announces `message.queued`).
 */
export function useSendMessage() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) =>
      api.post<SendMessageResponse>('/messages', input.request, { 'idempotency-key': input.idempotencyKey }),
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError),
    onSuccess: (_response, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.messages.list(input.conversationId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
    },
  });
}
