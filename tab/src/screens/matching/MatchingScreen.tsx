import {
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
} from '@fluentui/react-components';
import { useState } from 'react';
import { getProgrammes } from '../../api/programmes';
import { useSession } from '../../auth/SessionProvider';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { useMatchingT } from './matching-i18n';
import { Review } from './Review';

function programmeFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('programme');
}

function MatchingContent() {
  const t = useMatchingT();
  const { me } = useSession();
  const [chosen, setChosen] = useState<string | null>(programmeFromUrl);
  const isLead = me.roles.includes('lead') || me.canCreateProgrammes || me.leadOf.length > 0;
  const list = useResource(isLead ? 'programmes' : null, (signal) => getProgrammes(signal));
  const programmes =
    list.data?.programmes.filter(
      (p) => p.canManage && p.status !== 'draft' && p.status !== 'closed',
    ) ?? null;

  if (!isLead) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('matching.leadsOnly')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (list.error !== null) {
    return <LoadFailed error={list.error} onRetry={() => void list.reload()} />;
  }
  if (!programmes) return <Loading label={t('matching.loading')} />;
  if (programmes.length === 0) return <Body1 as="p">{t('matching.noProgramme')}</Body1>;
  const current = programmes.find((p) => p.id === chosen) ?? programmes[0]!;
  return (
    <>
      {programmes.length > 1 && (
        <Field label={t('matching.programme')}>
          <Select
            value={current.id}
            onChange={(_, data) => {
              setChosen(data.value);
              window.history.replaceState(
                null,
                '',
                `${window.location.pathname}?programme=${encodeURIComponent(data.value)}`,
              );
            }}
          >
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {programmes.length === 1 && <Subtitle1 as="h2">{current.name}</Subtitle1>}
      <Review key={current.id} programme={current} />
    </>
  );
}

/** For programme leads: run matching, review the proposals in bulk, publish them. */
export default function MatchingScreen() {
  const t = useMatchingT();
  const shellT = useT();
  return (
    <ScreenFrame id="matching" title={shellT('matching.title')} introText={t('matching.intro')}>
      <MatchingContent />
    </ScreenFrame>
  );
}
