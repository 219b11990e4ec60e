import type { Channel } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useAutoAssignment, useSetAutoAssignment } from '../hooks/use-auto-assignment.js';
import { useChannelOptions } from '../hooks/use-work-lookups.js';
import { useTeams } from '../../teams/hooks/use-teams.js';

/**
 * The admin's switch per number: new conversations go round-robin to the agents who are online;
 * with a team chosen, new conversations join it and go to its online agents only.
 */
export function AutoAssignmentSettings() {
  const { t } = useI18n();
  const channels = useChannelOptions();
  return (
    <section className="settings-section" aria-labelledby="auto-assignment-title">
      <h2 id="auto-assignment-title">{t('autoAssign.title')}</h2>
      <p className="muted small">{t('autoAssign.explain')}</p>
      {channels.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {channels.isError ? <p role="alert">{t('common.loadError')}</p> : null}
      <ul className="auto-assignment-list">
        {(channels.data?.data ?? []).map((channel) => (
          <ChannelSwitch key={channel.id} channel={channel} />
        ))}
      </ul>
    </section>
  );
}

function ChannelSwitch({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  const setting = useAutoAssignment(channel.id);
  const change = useSetAutoAssignment(channel.id);
  const enabled = setting.data?.enabled ?? false;
  const teams = useTeams().data?.data ?? [];
  return (
    <li>
      <label>
        <input
          type="checkbox"
          checked={enabled}
          disabled={setting.isPending || change.isPending}
          onChange={(event) => change.mutate({ enabled: event.target.checked })}
        />{' '}
        {t('autoAssign.channel', { name: channel.name, number: channel.displayPhoneNumber })}
      </label>{' '}
      {teams.length > 0 || setting.data?.defaultTeamId ? (
        <select
          className="assign-select team-select"
          aria-label={t('autoAssign.defaultTeam', { name: channel.name })}
          value={setting.data?.defaultTeamId ?? ''}
          disabled={setting.isPending || change.isPending}
          onChange={(event) => change.mutate({ enabled, defaultTeamId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('teams.noTeam')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      ) : null}
      {change.isError ? <span className="work-error" role="alert"> {t('work.failed')}</span> : null}
    </li>
  );
}
