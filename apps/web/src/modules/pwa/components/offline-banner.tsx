import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useOnline } from '../hooks/use-online.js';

/**
 * A bar across the top while the browser is offline. The live stream reconnects by itself once the
 * network is back; until then nothing can be sent (the composer is disabled, see ChatView).
 */
export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  if (online) return null;
  return (
    <div className="offline-banner" role="status" aria-live="polite">
      {t('offline.banner')}
    </div>
  );
}
