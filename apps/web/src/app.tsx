import type { ReactNode } from 'react';
import { useSession } from './modules/auth/hooks/use-session.js';
import { useI18n } from './modules/i18n/hooks/use-i18n.js';
import { OfflineBanner } from './modules/pwa/components/offline-banner.js';
import { useHashPage } from './modules/ui/hooks/use-hash-page.js';
import { InboxPage } from './pages/inbox-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SignInPage } from './pages/sign-in-page.js';

/**
 * Signed in → the inbox, or the settings page at `#/settings`; otherwise the sign-in page. A 401
 * anywhere resets the session to null. The offline banner sits above whichever page is shown.
 */
export function App() {
  return (
    <div className="app-shell">
      <OfflineBanner />
      <div className="app-page">
        <CurrentPage />
      </div>
    </div>
  );
}

function CurrentPage(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const page = useHashPage();
  if (session.isPending) return <p className="app-state">{t('common.loading')}</p>;
  if (session.isError) {
    return (
      <div className="app-state" role="alert">
        <p>{t('common.loadError')}</p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (session.data === null) return <SignInPage />;
  return page === 'settings' ? <SettingsPage session={session.data} /> : <InboxPage session={session.data} />;
}
