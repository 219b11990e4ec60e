import type { SessionResponse } from '@valeo/contracts';
import { useSignOut } from '../modules/auth/hooks/use-sign-out.js';
import { useI18n } from '../modules/i18n/hooks/use-i18n.js';
import { AutoAssignmentSettings } from '../modules/conversations/components/auto-assignment-settings.js';
import { PersonalSettings } from '../modules/settings/components/personal-settings.js';
import { QuickReplySettings } from '../modules/quick-replies/components/quick-reply-settings.js';
import { LabelSettings } from '../modules/labels/components/label-settings.js';
import { TeamSettings } from '../modules/teams/components/team-settings.js';
import { INBOX_HASH } from '../modules/ui/hooks/use-hash-page.js';
import { UserManagement } from '../modules/users/components/user-management.js';

export type SettingsPageProps = { session: SessionResponse };

/**
 * `#/settings`: personal settings for everyone; user management for admins only (the API refuses
 * everyone else anyway, so this is about not showing what cannot be used).
 */
export function SettingsPage({ session }: SettingsPageProps) {
  const { t } = useI18n();
  const signOut = useSignOut();
  const isAdmin = session.user.role === 'admin';
  return (
    <div className="settings-page">
      <header className="topbar">
        <a className="button button-small topbar-back" href={INBOX_HASH}>
          <span aria-hidden="true">← </span>
          {t('settings.backToInbox')}
        </a>
        <span className="brand">{t('app.title')}</span>
        <button type="button" className="button button-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('auth.signOut')}
        </button>
      </header>
      <main className="settings-main">
        <h1>{t('settings.title')}</h1>
        <PersonalSettings session={session} />
        {isAdmin ? <UserManagement currentUserId={session.user.id} /> : null}
        {isAdmin ? <AutoAssignmentSettings /> : null}
        {isAdmin || session.user.role === 'supervisor' ? <QuickReplySettings /> : null}
        {isAdmin || session.user.role === 'supervisor' ? <LabelSettings /> : null}
        {isAdmin || session.user.role === 'supervisor' ? <TeamSettings /> : null}
      </main>
    </div>
  );
}
