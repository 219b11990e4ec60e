import { useRef } from 'react';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { ATTACHMENT_ACCEPT } from '../utils/attachment-rules.js';

export type AttachButtonProps = { disabled: boolean; onFile: (file: File) => void };

/** A paperclip that opens the file dialog, offering only the types WhatsApp takes. */
export function AttachButton({ disabled, onFile }: AttachButtonProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button composer-attach" aria-label={t('composer.attach')} title={t('composer.attach')} disabled={disabled} onClick={() => input.current?.click()}>
        <span aria-hidden="true">📎</span>
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={ATTACHMENT_ACCEPT}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) onFile(file);
          // The same file may be picked again after a failure.
          event.target.value = '';
        }}
      />
    </>
  );
}
