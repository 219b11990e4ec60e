import type { Channel } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useAutoAssignment, useSetAutoAssignment } from '../hooks/use-auto-assignment.js';
import { useChannelOptions } from '../hooks/use-work-lookups.js';

/** The admin's switch per number: new conversations go round-robin to the agents who are online. */
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
  return (
    <li>
      <label>
        <input
          type="checkbox"
          checked={enabled}
          disabled={setting.isPending || change.isPending}
          onChange={(event) => change.mutate(event.target.checked)}
        />{' '}
        {t('autoAssign.channel', { name: channel.name, number: channel.displayPhoneNumber })}
      </label>
      {change.isError ? <span className="work-error" role="alert"> {t('work.failed')}</span> : null}
    </li>
  );
}
