import {
  Body1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ProfileResponse } from '../../../../src/contracts/profiles';
import type { ProgrammeListItem, ProgrammeListResponse, ProgrammeResponse, ProgrammeSummary } from '../../../../src/contracts/programmes';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate } from '../../auth/SessionProvider';
import { useVisuallyHiddenStyles } from '../../components/visually-hidden';
import { useT } from '../../i18n/I18nProvider';
import { IdentityCard } from './IdentityCard';
import { Participation } from './Participation';
import { ProfileForm } from './ProfileForm';
import { useProfileT } from './profile-i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
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
  const t = useT();
  const pt = useProfileT();
  const [programmes, setProgrammes] = useState<ProgrammeListItem[] | null>(null);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<ProgrammeListResponse>('/api/programmes', { signal: controller.signal })
      .then((body) => {
        setProgrammes(body.programmes);
        setProgrammeId(defaultProgramme(body.programmes)?.id ?? null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!programmeId) return;
    const controller = new AbortController();
    const id = encodeURIComponent(programmeId);
    setLoaded(null);
    Promise.all([
      api.get<ProgrammeResponse>(`/api/programmes/${id}`, { signal: controller.signal }),
      api.get<ProfileResponse>(`/api/programmes/${id}/profile/me`, { signal: controller.signal }),
    ])
      .then(([programme, response]) => setLoaded({ programme: programme.programme, response }))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [programmeId]);

  if (error !== null) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(error, t)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (programmes === null) return <Spinner size="small" label={pt('profile.loading')} />;
  const choices = programmes.filter((p) => p.status !== 'draft' && p.status !== 'closed');
  if (choices.length === 0 || !programmeId) {
    return <Body1 as="p">{pt('profile.noProgramme')}</Body1>;
  }

  const update = (response: ProfileResponse) => {
    setLoaded((current) => (current ? { ...current, response } : current));
  };
  const onParticipation = (response: ProfileResponse) => {
    update(response);
    setAnnouncement(pt(`participation.announce.${response.profile.optIn.status}`));
  };

  return (
    <div className={styles.screen}>
      {choices.length > 1 && (
        <Field label={pt('profile.programme')} className={styles.picker}>
          <Select value={programmeId} onChange={(_, data) => setProgrammeId(data.value)}>
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
        <Spinner size="small" label={pt('profile.loading')} />
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
  const styles = useStyles();
  const t = useT();
  return (
    <section className={styles.screen} aria-labelledby="profile-title">
      <Title1 as="h1" id="profile-title" className={styles.title}>
        {t('profile.title')}
      </Title1>
      <SessionGate>
        <ProfileContent />
      </SessionGate>
    </section>
  );
}
