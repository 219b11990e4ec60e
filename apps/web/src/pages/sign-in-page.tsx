import { SignInForm } from '../modules/auth/components/sign-in-form.js';
import { LanguageSwitch } from '../modules/i18n/components/language-switch.js';
import { useI18n } from '../modules/i18n/hooks/use-i18n.js';

export function SignInPage() {
  const { t } = useI18n();
  return (
    <main className="sign-in-page">
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <header className="sign-in-header">
          <p className="brand">{t('app.title')}</p>
          <h1 id="sign-in-title">{t('auth.title')}</h1>
          <p className="muted">{t('auth.subtitle')}</p>
        </header>
        <SignInForm />
        <footer className="sign-in-footer">
          <LanguageSwitch />
        </footer>
      </section>
    </main>
  );
}
