import { formatCountdown, msUntil } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type WindowCountdownProps = {
  expiresAt: string | null;
  now: Date;
};

/** "Reply window open, closes in 23:14:05": the 24-hour rule made visible while it allows free text. */
export function WindowCountdown({ expiresAt, now }: WindowCountdownProps) {
  const { t } = useI18n();
  const remaining = msUntil(expiresAt, now);
  return (
    <p className={remaining < 3_600_000 ? 'window-countdown window-countdown-soon' : 'window-countdown'} role="timer" aria-live="off">
      {t('composer.windowClosesIn', { time: formatCountdown(remaining) })}
    </p>
  );
}
