import type { AuthUser, Conversation } from '@valeo/contracts';
import '../teams.css';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useSetConversationTeam, useTeams } from '../hooks/use-teams.js';
import { pickableTeams } from '../utils/team-permissions.js';

export type TeamControlProps = { conversation: Conversation; user: AuthUser };

/**
 * The conversation's team, beside the assignee. Admins and supervisors pick any team; an agent moves
 * it within their own teams; everyone else sees the name only.
 */
export function TeamControl({ conversation, user }: TeamControlProps) {
  const { t } = useI18n();
  const teams = useTeams();
  const change = useSetConversationTeam(conversation.id);
  const current = conversation.team;
  const options = pickableTeams(user.role, user.id, teams.data?.data ?? [], current?.id ?? null);
  if (options === null) {
    return <span className="team-label muted small">{current ? t('teams.inTeam', { name: current.name }) : t('teams.noTeam')}</span>;
  }
  // The current team stays selectable even before the list has loaded.
  const listed = current && !options.some((team) => team.id === current.id) ? [{ id: current.id, name: current.name }, ...options] : options;
  return (
    <span className="team-control">
      <select
        className="assign-select team-select"
        aria-label={t('teams.team')}
        value={current?.id ?? ''}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('teams.noTeam')}</option>
        {listed.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      {change.isError ? <span className="work-error" role="alert">{t('work.failed')}</span> : null}
    </span>
  );
}
