import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Conversation, SendMessageRequest, SendMessageResponse } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

export type SendTextInput = {
  conversation: Conversation;
  body: string;
  /** One per press of "send": a retry of the same request reuses it, so the Hub never sends twice. */
  idempotencyKey: string;
};

/** The request body of `POST /messages` for a free-form text to the conversation's customer. */
export function textMessageRequest({ conversation, body }: SendTextInput): SendMessageRequest {
  return { channelId: conversation.channelId, to: `+${conversation.contact.waId}`, type: 'text', text: { body } };
}

/**
 * `POST /messages` with an Idempotency-Key. Network failures are retried with the same key; the
 * message list refreshes on success (the live stream also announces `message.queued`).
 */
export function useSendText() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendTextInput) =>
      api.post<SendMessageResponse>('/messages', textMessageRequest(input), { 'idempotency-key': input.idempotencyKey }),
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError),
    onSuccess: (_response, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.messages.list(input.conversation.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
    },
  });
}
