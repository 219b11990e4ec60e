import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Conversation } from '@valeo/contracts';
import { randomId } from '../../../lib/random-id.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useNow } from '../../ui/hooks/use-now.js';
import { useSendText } from '../hooks/use-send-text.js';
import { isWindowOpen } from '../utils/service-window.js';
import { WindowCountdown } from './window-countdown.js';

export type ComposerProps = { conversation: Conversation };

/** WhatsApp's limit for a text body. */
const MAX_TEXT = 4096;

/**
 * Free text while the 24-hour customer-service window is open (with its countdown); disabled once it
 * closes, with the reason. Enter sends, Shift+Enter starts a new line.
 */
export function Composer({ conversation }: ComposerProps) {
  const { t } = useI18n();
  const now = useNow(1000);
  const send = useSendText();
  const [text, setText] = useState('');
  const open = isWindowOpen(conversation, now);
  const canSend = open && text.trim() !== '' && !send.isPending;

  function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (!canSend) return;
    send.mutate({ conversation, body: text, idempotencyKey: randomId() }, { onSuccess: () => setText('') });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form className="composer" onSubmit={submit} aria-label={t('composer.label')}>
      {open ? <WindowCountdown expiresAt={conversation.windowExpiresAt} now={now} /> : <p className="window-closed" role="status">{t('composer.windowClosed')}</p>}
      {send.isError ? (
        <p className="form-error" role="alert">
          {t('composer.sendFailed', { reason: send.error.message })}
        </p>
      ) : null}
      <div className="composer-row">
        <textarea
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          value={text}
          maxLength={MAX_TEXT}
          rows={1}
          disabled={!open}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button button-primary" disabled={!canSend}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
