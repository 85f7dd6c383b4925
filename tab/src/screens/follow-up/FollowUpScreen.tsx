import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  HealthQuery,
  HealthResponse,
  NudgeAvailability,
} from '../../../../src/contracts/health';
import type { ProgrammeListItem } from '../../../../src/contracts/programmes';
import { describeError } from '../../api/errors';
import { getProgrammeHealth, refreshProgrammeHealth } from '../../api/programme-health';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { AtRiskPairs } from './AtRiskPairs';
import { useHealthT } from './health-i18n';
import { useHealthStyles } from './health-styles';
import {
  ApprovalsFigure,
  FirstSessionFigure,
  InformalHelpFigure,
  SatisfactionFigure,
  SessionsFigure,
  SkillsFigure,
} from './HealthFigures';
import { PairsSection, ParticipantsSection, UnmatchedSection } from './PeopleSections';
import {
  ProgrammePicker,
  reportPath,
  startedProgrammes,
  useIsLead,
  useLedProgrammes,
} from './programme-choice';
import { useHealthFormat } from './useHealthFormat';

type Place = { programmeId: string | null; filter: HealthQuery };

// The programme and the filters live in the query string (replaced, not pushed): a reload or a
// shared link shows the same view.
function placeFromUrl(): Place {
  const params = new URLSearchParams(window.location.search);
  const department = params.get('department');
  const startMonth = params.get('startMonth');
  return {
    programmeId: params.get('programme'),
    filter: {
      ...(department ? { department } : {}),
      ...(startMonth && /^\d{4}-\d{2}$/.test(startMonth) ? { startMonth } : {}),
    },
  };
}

function urlOf(place: Place): string {
  const params = new URLSearchParams();
  if (place.programmeId) params.set('programme', place.programmeId);
  if (place.filter.department) params.set('department', place.filter.department);
  if (place.filter.startMonth) params.set('startMonth', place.filter.startMonth);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

/** The programme to show first: a running one, else one under way, else the latest closed. */
function defaultProgramme(programmes: ProgrammeListItem[]): ProgrammeListItem | undefined {
  return (
    programmes.find((p) => p.status === 'running') ??
    programmes.find((p) => p.status !== 'closed') ??
    programmes[0]
  );
}

function ProgrammeHealth({
  programmeId,
  filter,
  onFilter,
}: {
  programmeId: string;
  filter: HealthQuery;
  onFilter: (filter: HealthQuery) => void;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const shellT = useT();
  const f = useHealthFormat();
  const key = `health:${programmeId}:${filter.department ?? ''}:${filter.startMonth ?? ''}`;
  const health = useResource(key, (signal) => getProgrammeHealth(programmeId, filter, signal), {
    keepPrevious: true,
  });
  const refreshing = useMutation(() => refreshProgrammeHealth(programmeId, filter));
  const data = health.data;

  if (health.error !== null && !data) {
    return <LoadFailed error={health.error} onRetry={() => void health.reload()} />;
  }
  if (!data) return <Loading label={t('health.loading')} />;

  const update = (change: (current: HealthResponse) => HealthResponse) =>
    health.setData((current) => (current ? change(current) : current));
  const onNudged = (pairId: string, nudge: NudgeAvailability) =>
    update((current) => ({
      ...current,
      atRisk: current.atRisk.map((pair) => (pair.id === pairId ? { ...pair, nudge } : pair)),
    }));
  const onReminded = (personId: string, reminder: NudgeAvailability) =>
    update((current) => ({
      ...current,
      participants: {
        ...current.participants,
        invitedNotJoined: current.participants.invitedNotJoined.map((invitee) =>
          invitee.personId === personId ? { ...invitee, reminder } : invitee,
        ),
      },
    }));
  const refresh = async () => {
    const outcome = await refreshing.run();
    if (outcome.ok) health.setData(outcome.data);
  };
  const filtered = [
    filter.department,
    filter.startMonth ? f.month(filter.startMonth) : undefined,
  ].filter((part): part is string => part !== undefined);

  return (
    <div className={styles.stack}>
      <div className={styles.bar}>
        <Caption1 as="p" role="status">
          {t('health.updatedAt', { time: f.dateTime(data.generatedAt) })}
        </Caption1>
        <Button size="small" disabled={refreshing.busy} onClick={() => void refresh()}>
          {refreshing.busy ? t('health.refreshing') : t('health.refresh')}
        </Button>
        <Link
          href={reportPath(programmeId)}
          onClick={(event) => {
            event.preventDefault();
            navigate(reportPath(programmeId));
          }}
        >
          {t('health.openReport')}
        </Link>
      </div>
      {refreshing.error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {t('health.refreshFailed', { reason: describeError(refreshing.error, shellT) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {health.error !== null && (
        <LoadFailed error={health.error} onRetry={() => void health.reload()} />
      )}
      <div role="group" className={styles.filters} aria-label={t('health.filters')}>
        <Field label={t('health.filter.department')}>
          <Select
            className={styles.select}
            value={filter.department ?? ''}
            onChange={(_, d) => {
              const { department: _dropped, ...rest } = filter;
              onFilter(d.value ? { ...rest, department: d.value } : rest);
            }}
          >
            <option value="">{t('health.filter.allDepartments')}</option>
            {data.filters.departments.map((department) => (
              <option key={department} value={department}>
                {department}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('health.filter.startMonth')}>
          <Select
            className={styles.select}
            value={filter.startMonth ?? ''}
            onChange={(_, d) => {
              const { startMonth: _dropped, ...rest } = filter;
              onFilter(d.value ? { ...rest, startMonth: d.value } : rest);
            }}
          >
            <option value="">{t('health.filter.allMonths')}</option>
            {data.filters.startMonths.map((month) => (
              <option key={month} value={month}>
                {f.month(month)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {filtered.length > 0 && (
        <Body1 as="p">{t('health.filter.active', { filter: filtered.join(' · ') })}</Body1>
      )}
      <Caption1 as="p" className={styles.muted}>
        {t('health.fewerThan5.note')}
      </Caption1>
      <AtRiskPairs programmeId={programmeId} health={data} onNudged={onNudged} />
      <ParticipantsSection
        programmeId={programmeId}
        participants={data.participants}
        onReminded={onReminded}
      />
      <PairsSection pairs={data.pairs} />
      <UnmatchedSection participants={data.participants} status={data.status} />
      <section className={styles.stack} aria-labelledby="follow-up-figures-title">
        <Subtitle1 as="h2" id="follow-up-figures-title" className={styles.heading}>
          {t('health.figures.title')}
        </Subtitle1>
        <SessionsFigure sessions={data.sessions} level={3} idPrefix="follow-up" />
        <FirstSessionFigure figure={data.timeToFirstSession} level={3} idPrefix="follow-up" />
        <SatisfactionFigure satisfaction={data.satisfaction} level={3} idPrefix="follow-up" />
        <SkillsFigure skills={data.skills} level={3} idPrefix="follow-up" />
        <ApprovalsFigure approvals={data.approvals} level={3} idPrefix="follow-up" />
        <InformalHelpFigure help={data.informalHelp} level={3} idPrefix="follow-up" />
      </section>
    </div>
  );
}

function FollowUpContent() {
  const t = useHealthT();
  const isLead = useIsLead();
  const [place, setPlace] = useState<Place>(placeFromUrl);
  const list = useLedProgrammes(isLead);
  const go = (next: Place) => {
    window.history.replaceState(null, '', urlOf(next));
    setPlace(next);
  };

  if (!isLead) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('health.leadsOnly')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (list.error !== null && !list.data) {
    return <LoadFailed error={list.error} onRetry={() => void list.reload()} />;
  }
  if (!list.data) return <Loading label={t('health.programmesLoading')} />;
  const programmes = startedProgrammes(list.data.programmes);
  const chosen = programmes.find((p) => p.id === place.programmeId) ?? defaultProgramme(programmes);
  if (!chosen) return <Body1 as="p">{t('health.noProgramme')}</Body1>;

  return (
    <>
      <ProgrammePicker
        programmes={programmes}
        value={chosen.id}
        onChange={(id) => go({ programmeId: id, filter: {} })}
      />
      <ProgrammeHealth
        key={chosen.id}
        programmeId={chosen.id}
        filter={place.filter}
        onFilter={(filter) => go({ programmeId: chosen.id, filter })}
      />
    </>
  );
}

/** For programme leads: a started programme's participants, pairs, risks and health figures. */
export default function FollowUpScreen() {
  const shellT = useT();
  const t = useHealthT();
  return (
    <ScreenFrame id="follow-up" title={shellT('followUp.title')} introText={t('health.intro')}>
      <FollowUpContent />
    </ScreenFrame>
  );
}
