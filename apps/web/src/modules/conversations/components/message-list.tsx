import { Fragment, useLayoutEffect, useMemo, useRef, type UIEvent } from 'react';
import type { Message } from '@valeo/contracts';
import { dayKey, formatDayHeading } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useNow } from '../../ui/hooks/use-now.js';
import { useMessages } from '../hooks/use-messages.js';
import { collectReactions } from '../utils/reactions.js';
import { MessageBubble } from './message-bubble.js';

export type MessageListProps = { conversationId: string };

/** Within this many pixels of the top, older history loads; of the bottom, new messages stick. */
const EDGE_PX = 120;

/** Pages arrive newest first; the chat shows oldest first. Duplicates across pages are dropped. */
export function chronological(pages: readonly { data: readonly Message[] }[]): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const message of pages.flatMap((page) => page.data)) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    out.push(message);
  }
  return out.reverse();
}

export function MessageList({ conversationId }: MessageListProps) {
  const { t } = useI18n();
  const query = useMessages(conversationId);
  const messages = useMemo(() => chronological(query.data?.pages ?? []), [query.data]);
  const { containerRef, trackScroll } = useStickyScroll(messages);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  function onScroll(event: UIEvent<HTMLDivElement>) {
    trackScroll(event);
    if (event.currentTarget.scrollTop < EDGE_PX && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }

  if (query.isPending) return <p className="chat-state">{t('common.loading')}</p>;
  if (query.isError) {
    return (
      <div className="chat-state" role="alert">
        <p>{t('common.loadError')}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return (
    <div className="message-scroll" ref={containerRef} onScroll={onScroll}>
      <div className="history-edge">
        {hasNextPage ? (
          <button type="button" className="button button-small" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? t('chat.loadingOlder') : t('conversations.loadMore')}
          </button>
        ) : (
          <span className="muted small">{messages.length === 0 ? t('chat.empty') : t('chat.startOfHistory')}</span>
        )}
      </div>
      <MessageItems messages={messages} />
    </div>
  );
}

function MessageItems({ messages }: { messages: Message[] }) {
  const { locale } = useI18n();
  const now = useNow(60_000);
  const reactions = useMemo(() => collectReactions(messages), [messages]);
  const byWamid = useMemo(() => new Map(messages.flatMap((m) => (m.wamid === null ? [] : [[m.wamid, m] as const]))), [messages]);
  const visible = messages.filter((m) => !reactions.attachedIds.has(m.id));
  return (
    <ol className="messages">
      {visible.map((message, index) => {
        const day = dayKey(message.createdAt);
        const newDay = index === 0 || dayKey(visible[index - 1]?.createdAt ?? '') !== day;
        return (
          <Fragment key={message.id}>
            {newDay ? (
              <li className="day-separator" aria-hidden="false">
                <span>{formatDayHeading(message.createdAt, now, locale)}</span>
              </li>
            ) : null}
            <MessageBubble
              message={message}
              reactions={message.wamid === null ? [] : (reactions.byWamid.get(message.wamid) ?? [])}
              quoted={message.replyToWamid === null ? undefined : byWamid.get(message.replyToWamid)}
            />
          </Fragment>
        );
      })}
    </ol>
  );
}

/**
 * Scroll behaviour of a chat: start at the newest message, stay at the bottom while the agent is
 * there and new messages arrive, and keep the visible message in place when older history is
 * prepended above it.
 */
function useStickyScroll(messages: Message[]) {
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef<{ first: string | undefined; last: string | undefined; height: number }>({ first: undefined, last: undefined, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const first = messages[0]?.id;
    const last = messages.at(-1)?.id;
    const before = previous.current;
    if (before.first !== undefined && first !== before.first && last === before.last) {
      el.scrollTop += el.scrollHeight - before.height;
    } else if (atBottom.current || before.last === undefined) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { first, last, height: el.scrollHeight };
  }, [messages]);
  return {
    containerRef: ref,
    trackScroll(event: UIEvent<HTMLDivElement>) {
      const el = event.currentTarget;
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX;
    },
  };
}
