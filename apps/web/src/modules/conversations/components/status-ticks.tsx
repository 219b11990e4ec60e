import type { Message, MessageStatus } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type StatusTicksProps = {
  message: Pick<Message, 'status' | 'error' | 'direction'>;
};

const GLYPHS: Partial<Record<MessageStatus, string>> = {
  queued: '🕓',
  sending: '🕓',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  played: '✓✓',
  failed: '⚠',
};

/**
 * WhatsApp's ticks for our own messages. A failed message names the error's title (Meta's title when
 * known) in its tooltip, so an agent sees e.g. "Re-engagement message" without opening anything.
 */
export function StatusTicks({ message }: StatusTicksProps) {
  const { t } = useI18n();
  if (message.direction !== 'outbound') return null;
  const glyph = GLYPHS[message.status];
  if (glyph === undefined) return null;
  const label = t(`status.${message.status}`);
  const reason = message.status === 'failed' ? (message.error?.vendorTitle ?? message.error?.message) : undefined;
  const title = reason === undefined ? label : `${label}: ${reason}`;
  return (
    <span className={`ticks ticks-${message.status}`} role="img" aria-label={title} title={title} data-status={message.status}>
      {glyph}
    </span>
  );
}
