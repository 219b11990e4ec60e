import { useSession } from './modules/auth/hooks/use-session.js';
import { useI18n } from './modules/i18n/hooks/use-i18n.js';
import { InboxPage } from './pages/inbox-page.js';
import { SignInPage } from './pages/sign-in-page.js';

/** Signed in → the inbox; otherwise the sign-in page. A 401 anywhere resets the session to null. */
export function App() {
  const { t } = useI18n();
  const session = useSession();
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
  return session.data === null ? <SignInPage /> : <InboxPage session={session.data} />;
}
