import { Body1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ProfileResponse } from '../../../../src/contracts/profiles';
import type { ProgrammeListItem, ProgrammeSummary } from '../../../../src/contracts/programmes';
import { getMyProfile } from '../../api/profiles';
import { getProgramme, getProgrammes } from '../../api/programmes';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useVisuallyHiddenStyles } from '../../components/visually-hidden';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { IdentityCard } from './IdentityCard';
import { Participation } from './Participation';
import { PersonalData } from './PersonalData';
import { ProfileForm } from './ProfileForm';
import { useProfileT } from './profile-i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  picker: { maxWidth: '24rem' },
});

/**
 * The programme the person's profile is about: the one they take part in, else the one open for
 * volunteers, else any that is not a draft or closed.
 */
export function defaultProgramme(programmes: readonly ProgrammeListItem[]) {
  const open = programmes.filter((p) => p.status !== 'draft' && p.status !== 'closed');
  return (
    open.find((p) => p.myStatus === 'opted_in' || p.myStatus === 'paused') ??
    open.find((p) => p.status === 'enrolling') ??
    open[0]
  );
}

type Loaded = { programme: ProgrammeSummary; response: ProfileResponse };

function ProfileContent() {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const pt = useProfileT();
  // The chosen programme; until the person picks one, the default for them.
  const [picked, setPicked] = useState<string | null>(null);
  const list = useResource('programmes', (signal) => getProgrammes(signal));
  const programmes = list.data?.programmes ?? null;
  const programmeId = picked ?? (programmes ? (defaultProgramme(programmes)?.id ?? null) : null);
  const detail = useResource(programmeId && `profile:${programmeId}`, async (signal) => {
    const id = programmeId!;
    const [programme, response] = await Promise.all([
      getProgramme(id, signal),
      getMyProfile(id, signal),
    ]);
    return { programme: programme.programme, response } satisfies Loaded;
  });
  const loaded = detail.data ?? null;
  const [announcement, setAnnouncement] = useState('');

  const error = list.error ?? detail.error;
  if (error !== null) {
    return (
      <LoadFailed
        error={error}
        onRetry={() => void (list.error !== null ? list.reload() : detail.reload())}
      />
    );
  }
  if (programmes === null) return <Loading label={pt('profile.loading')} />;
  const choices = programmes.filter((p) => p.status !== 'draft' && p.status !== 'closed');
  if (choices.length === 0 || !programmeId) {
    return <Body1 as="p">{pt('profile.noProgramme')}</Body1>;
  }

  const update = (response: ProfileResponse) => {
    detail.setData((current) => (current ? { ...current, response } : current));
  };
  const onParticipation = (response: ProfileResponse) => {
    update(response);
    setAnnouncement(pt(`participation.announce.${response.profile.optIn.status}`));
  };

  return (
    <div className={styles.screen}>
      {choices.length > 1 && (
        <Field label={pt('profile.programme')} className={styles.picker}>
          <Select value={programmeId} onChange={(_, data) => setPicked(data.value)}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div role="status" aria-live="polite" className={hidden.hidden}>
        {announcement}
      </div>
      {loaded === null ? (
        <Loading label={pt('profile.loading')} />
      ) : (
        <>
          <IdentityCard person={loaded.response.person} />
          <Participation
            programme={loaded.programme}
            profile={loaded.response.profile}
            version={loaded.response.version}
            onChange={onParticipation}
          />
          {(loaded.response.profile.optIn.status === 'opted_in' ||
            loaded.response.profile.optIn.status === 'paused') && (
            <ProfileForm
              key={`${loaded.programme.id}:${loaded.response.profile.id}`}
              programme={loaded.programme}
              profile={loaded.response.profile}
              version={loaded.response.version}
              onSaved={update}
            />
          )}
        </>
      )}
    </div>
  );
}

/** "My profile": join the programme, say what you share and want to learn, when you are free. */
export default function ProfileScreen() {
  const t = useT();
  return (
    <ScreenFrame id="profile" title={t('profile.title')} spacing="XL">
      <ProfileContent />
      <PersonalData />
    </ScreenFrame>
  );
}
