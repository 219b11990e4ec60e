import type { SessionResponse } from '@valeo/contracts';
import { LanguageSwitch } from '../../i18n/components/language-switch.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { ChangePasswordForm } from './change-password-form.js';

export type PersonalSettingsProps = { session: SessionResponse };

/** What every user sets for themselves: the language (kept in this browser) and the password. */
export function PersonalSettings({ session }: PersonalSettingsProps) {
  const { t } = useI18n();
  const { user } = session;
  return (
    <section className="settings-section" aria-labelledby="personal-title">
      <h2 id="personal-title">{t('settings.personal.title')}</h2>
      <dl className="settings-facts">
        <dt>{t('users.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('users.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
      <h3>{t('language.label')}</h3>
      <LanguageSwitch />
      <h3>{t('settings.password.title')}</h3>
      <ChangePasswordForm />
    </section>
  );
}
