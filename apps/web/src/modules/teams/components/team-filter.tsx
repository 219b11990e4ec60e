import '../teams.css';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useTeams } from '../hooks/use-teams.js';

/** null = all teams; `mine` = the teams I belong to; `none` = without a team; else a team id. */
export type TeamFilterValue = string | null;

export type TeamFilterProps = { value: TeamFilterValue; onChange: (value: TeamFilterValue) => void };

/** The list's team filter. Hidden while the tenant has no teams. */
export function TeamFilter({ value, onChange }: TeamFilterProps) {
  const { t } = useI18n();
  const teams = useTeams();
  const all = teams.data?.data ?? [];
  if (all.length === 0 && value === null) return null;
  return (
    <select className="filter-team" aria-label={t('teams.filter')} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
      <option value="">{t('teams.allTeams')}</option>
      <option value="mine">{t('teams.myTeams')}</option>
      <option value="none">{t('teams.noTeam')}</option>
      {all.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </select>
  );
}
