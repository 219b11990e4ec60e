import { useState } from 'react';
import type { Team } from '@valeo/contracts';
import '../teams.css';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { AssigneeSearchBox, PickerHint } from '../../conversations/components/assignee-search-box.js';
import { useAssigneeSearch } from '../../conversations/hooks/use-work-lookups.js';
import { useManageTeams, useTeams } from '../hooks/use-teams.js';
import { TeamNameForm } from './team-name-form.js';

/** Admins' and supervisors' part of the settings page: teams created, renamed, deleted, and their members. */
export function TeamSettings() {
  const { t } = useI18n();
  const teams = useTeams();
  const { create } = useManageTeams();
  return (
    <section className="settings-section" aria-labelledby="team-settings-title">
      <h2 id="team-settings-title">{t('teams.title')}</h2>
      <p className="muted small">{t('teams.explain')}</p>
      {teams.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {teams.isError ? <p role="alert">{t('common.loadError')}</p> : null}
      {teams.data?.data.length === 0 ? <p className="muted">{t('teams.none')}</p> : null}
      <ul className="team-settings-list">
        {(teams.data?.data ?? []).map((team) => <TeamRow key={team.id} team={team} />)}
      </ul>
      <h3>{t('teams.create')}</h3>
      <TeamNameForm initial="" submitLabel={t('teams.create')} pending={create.isPending} error={create.error} onSubmit={(name, reset) => create.mutate({ name }, { onSuccess: reset })} />
    </section>
  );
}

function TeamRow({ team }: { team: Team }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { rename, remove, member } = useManageTeams();
  return (
    <li className="team-settings-row">
      {editing ? (
        <TeamNameForm
          initial={team.name}
          submitLabel={t('contact.save')}
          pending={rename.isPending}
          error={rename.error}
          onCancel={() => setEditing(false)}
          onSubmit={(name) => rename.mutate({ id: team.id, name }, { onSuccess: () => setEditing(false) })}
        />
      ) : (
        <span className="team-settings-head">
          <strong>{team.name}</strong>
          <button type="button" className="button button-small" aria-label={t('teams.renameOne', { name: team.name })} onClick={() => setEditing(true)}>
            {t('teams.rename')}
          </button>
          {confirming ? (
            <>
              <button type="button" className="button button-small" disabled={remove.isPending} onClick={() => remove.mutate(team.id)}>
                {t('teams.deleteConfirm', { name: team.name })}
              </button>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                {t('contact.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-small" aria-label={t('teams.deleteOne', { name: team.name })} onClick={() => setConfirming(true)}>
              {t('teams.delete')}
            </button>
          )}
        </span>
      )}
      <TeamMembers team={team} onChange={(userId, add) => member.mutate({ id: team.id, userId, add })} busy={member.isPending} />
      {remove.isError || member.isError ? <p className="work-error" role="alert">{t('teams.failed')}</p> : null}
    </li>
  );
}

type TeamMembersProps = { team: Team; busy: boolean; onChange: (userId: string, add: boolean) => void };

/** The members, each removable, and a picker of the others (searchable when there are many people). */
function TeamMembers({ team, busy, onChange }: TeamMembersProps) {
  const { t } = useI18n();
  const search = useAssigneeSearch();
  const outside = search.people.filter((p) => !team.members.some((m) => m.id === p.id));
  return (
    <div className="team-members">
      <span className="muted small">{t('teams.members')}: </span>
      {team.members.length === 0 ? <span className="muted small">{t('teams.noMembers')}</span> : null}
      <ul className="team-member-list">
        {team.members.map((m) => (
          <li key={m.id}>
            {m.name}{' '}
            <button type="button" className="button button-small" disabled={busy} aria-label={t('teams.removeMember', { member: m.name, name: team.name })} onClick={() => onChange(m.id, false)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {search.searchable ? <AssigneeSearchBox label={t('teams.searchMember', { name: team.name })} onSearch={search.setQuery} /> : null}
      {outside.length > 0 || search.searchable ? (
        <select aria-label={t('teams.addMember', { name: team.name })} value="" disabled={busy} onChange={(event) => event.target.value !== '' && onChange(event.target.value, true)}>
          <option value="">{t('teams.addMemberPlaceholder')}</option>
          {outside.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <PickerHint query={search.query} found={outside.length} more={search.more} />
        </select>
      ) : null}
    </div>
  );
}
