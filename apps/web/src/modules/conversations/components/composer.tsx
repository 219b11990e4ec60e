import { useEffect, useId, type FormEvent, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';
import type { Conversation } from '@valeo/contracts';
import { randomId } from '../../../lib/random-id.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useNow } from '../../ui/hooks/use-now.js';
import { useAttachment } from '../hooks/use-attachment.js';
import { useComposerDraft } from '../hooks/use-composer-draft.js';
import { useQuickReplyCommand } from '../hooks/use-quick-reply-command.js';
import { useSendMessage } from '../hooks/use-send-message.js';
import { asReplyTo, mediaMessageRequest, textMessageRequest } from '../utils/outbound-requests.js';
import { contactDisplayName, isWindowOpen } from '../utils/service-window.js';
import { AttachButton } from './attach-button.js';
import { AttachmentPanel } from './attachment-panel.js';
import { EmojiPicker } from './emoji-picker.js';
import { QuickReplyMenu, quickReplyOptionId } from './quick-reply-menu.js';
import { useReplyTarget } from './reply-context.js';
import { ReplyPreview } from './reply-preview.js';
import { TemplatePicker } from './template-picker.js';
import { WindowCountdown } from './window-countdown.js';

export type ComposerProps = { conversation: Conversation };

/** WhatsApp's limit for a text body. */
const MAX_TEXT = 4096;

/**
 * Free text with emoji, attachments and `/` quick replies while the 24-hour customer-service window
 * is open (with its countdown); once it closes, free text is disabled with the reason and an approved
 * template is the way to write. Enter sends, Shift+Enter starts a new line. A message chosen to
 * reply to (from its bubble) is shown above and goes out as the `context` of whatever is sent next;
 * Escape or ✕ drops it.
 */
export function Composer({ conversation }: ComposerProps) {
  const { t } = useI18n();
  const now = useNow(1000);
  const open = isWindowOpen(conversation, now);
  const reply = useReplyTarget();
  const replyTo = reply?.message?.wamid ?? undefined;
  const onSent = () => reply?.cancel();
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys another control already used (the quick-reply list, the emoji grid) are not a cancel.
    if (event.key !== 'Escape' || event.isDefaultPrevented() || reply?.message === undefined) return;
    event.preventDefault();
    reply.cancel();
  }
  return (
    <div className="composer" onKeyDown={onKeyDown}>
      {open ? <WindowCountdown expiresAt={conversation.windowExpiresAt} now={now} /> : <p className="window-closed" role="status">{t('composer.windowClosed')}</p>}
      {reply?.message === undefined ? null : <ReplyPreview message={reply.message} customerName={contactDisplayName(conversation)} onCancel={reply.cancel} />}
      {open ? null : <TemplatePicker key={conversation.id} conversation={conversation} replyTo={replyTo} onSent={onSent} />}
      <FreeFormComposer key={`free-${conversation.id}`} conversation={conversation} open={open} replyTo={replyTo} onSent={onSent} />
    </div>
  );
}

type FreeFormProps = { conversation: Conversation; open: boolean; replyTo: string | undefined; onSent: () => void };

function FreeFormComposer({ conversation, open, replyTo, onSent }: FreeFormProps) {
  const { t } = useI18n();
  const send = useSendMessage();
  const { box, ...draft } = useComposerDraft();
  const { attachment, pick, clear } = useAttachment(conversation.channelId);
  const menuId = useId();
  const quick = useQuickReplyCommand({ text: draft.text, caret: draft.caret, enabled: open, onInsert: draft.insert });
  const ready = attachment?.state === 'uploaded' ? attachment : undefined;
  const blocked = attachment?.state === 'uploading' || attachment?.state === 'failed';
  const canSend = open && !send.isPending && !blocked && (ready !== undefined || draft.text.trim() !== '');
  const removeAttachment = () => {
    clear();
    draft.setCaption('');
  };

  /** The attachment first (with its caption), then the text: everything in the composer goes out, each as the reply if there is one. */
  async function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (!canSend) return;
    try {
      if (ready !== undefined && ready.media.providerMediaId !== null) {
        const media = { type: ready.type, providerMediaId: ready.media.providerMediaId, caption: draft.caption, filename: ready.fileName };
        await send.mutateAsync({ conversationId: conversation.id, request: asReplyTo(mediaMessageRequest(conversation, media), replyTo), idempotencyKey: randomId() });
        removeAttachment();
      }
      if (draft.text.trim() !== '') {
        await send.mutateAsync({ conversationId: conversation.id, request: asReplyTo(textMessageRequest(conversation, draft.text), replyTo), idempotencyKey: randomId() });
        draft.type('', 0);
      }
      onSent();
    } catch {
      // Shown from `send.error`; the text and the attachment stay for another try.
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (quick.handleKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className="composer-form" onSubmit={(event) => void submit(event)} aria-label={t('composer.label')}>
      {send.isError ? <p className="form-error" role="alert">{t('composer.sendFailed', { reason: send.error.message })}</p> : null}
      {attachment === undefined ? null : <AttachmentPanel attachment={attachment} caption={draft.caption} onCaption={draft.setCaption} onRemove={removeAttachment} />}
      {quick.open ? <QuickReplyMenu id={menuId} query={quick.query} replies={quick.matches} activeIndex={quick.activeIndex} onPick={quick.pick} onHover={quick.hover} /> : null}
      <div className="composer-row">
        <AttachButton disabled={!open} onFile={pick} />
        <EmojiPicker disabled={!open} onPick={draft.insertAtCaret} />
        <DraftBox box={box} draft={draft} quick={quick} menuId={menuId} open={open} replyTo={replyTo} onKeyDown={onKeyDown} />
        <button type="submit" className="button button-primary" disabled={!canSend}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}

type DraftBoxProps = {
  box: RefObject<HTMLTextAreaElement | null>;
  draft: Omit<ReturnType<typeof useComposerDraft>, 'box'>;
  quick: ReturnType<typeof useQuickReplyCommand>;
  menuId: string;
  open: boolean;
  /** When it changes to a message, the agent is put into the box to write the answer. */
  replyTo: string | undefined;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
};

/** The text box; while a `/` command lists quick replies it points at the highlighted one. */
function DraftBox({ box, draft, quick, menuId, open, replyTo, onKeyDown }: DraftBoxProps) {
  const { t } = useI18n();
  useEffect(() => {
    if (replyTo !== undefined) box.current?.focus();
  }, [replyTo, box]);
  const listed = quick.open && quick.matches.length > 0;
  return (
    <textarea
      ref={box}
      aria-label={t('composer.label')}
      placeholder={t('composer.placeholder')}
      value={draft.text}
      maxLength={MAX_TEXT}
      rows={1}
      disabled={!open}
      aria-expanded={listed}
      aria-controls={quick.open ? menuId : undefined}
      aria-activedescendant={listed ? quickReplyOptionId(menuId, quick.activeIndex) : undefined}
      onChange={(event) => draft.type(event.target.value, event.target.selectionStart)}
      onSelect={(event: SyntheticEvent<HTMLTextAreaElement>) => draft.moveCaret(event.currentTarget.selectionStart)}
      onKeyDown={onKeyDown}
    />
  );
}
