import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  HealthResponse,
  Invitee,
  NudgeAvailability,
  ParticipantsHealth,
} from '../../../../src/contracts/health';
import type { PairState } from '../../../../src/domain/pair/schema';
import { describeError } from '../../api/errors';
import { remindInvitee } from '../../api/programme-health';
import { TableScroller } from '../../components/TableScroller';
import { useMutation } from '../../data/useMutation';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { nextAvailableOf } from './nudge-error';
import { useHealthT } from './health-i18n';
import { useHealthStyles } from './health-styles';
import { FigureList } from './HealthFigures';
import { useHealthFormat } from './useHealthFormat';

const roles = ['mentor', 'mentee', 'both'] as const;
// Every pair state, in the order of a pair's life (a Record, so a new state fails the typecheck).
const stateOrder: Record<PairState, true> = {
  proposed: true,
  accepted: true,
  awaiting_approval: true,
  active: true,
  paused: true,
  completed: true,
  ended: true,
};
const pairStates = Object.keys(stateOrder) as PairState[];
const optInStates = ['opted_in', 'not_joined', 'paused', 'left'] as const;

/** Who takes part: totals by role and by state (hidden counts read "hidden"). */
export function ParticipationFigures({
  participants,
}: {
  participants: Pick<ParticipantsHealth, 'total' | 'inPairs' | 'byRole' | 'byState'>;
}) {
  const t = useHealthT();
  const f = useHealthFormat();
  return (
    <FigureList
      items={[
        { label: t('health.participants.total'), value: f.guarded(participants.total) },
        { label: t('health.participants.inPairs'), value: f.guarded(participants.inPairs) },
        ...roles.map((role) => ({
          label: t(`health.role.${role}`),
          value: f.guarded(participants.byRole[role]),
        })),
        ...optInStates.map((state) => ({
          label: t(`health.optIn.${state}`),
          value: f.guarded(participants.byState[state]),
        })),
      ]}
    />
  );
}

/** Participants by role and state, and the invitees not joined yet with a one-click reminder. */
export function ParticipantsSection({
  programmeId,
  participants,
  onReminded,
}: {
  programmeId: string;
  participants: ParticipantsHealth;
  onReminded: (personId: string, reminder: NudgeAvailability) => void;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const shellT = useT();
  const f = useHealthFormat();
  const [notice, setNotice] = useState<{
    kind: 'success' | 'warning' | 'error';
    text: string;
  } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const sending = useMutation((personId: string) => remindInvitee(programmeId, personId));

  const remind = async (invitee: Invitee) => {
    setBusy(invitee.personId);
    setNotice(null);
    const outcome = await sending.run(invitee.personId);
    setBusy(null);
    if (outcome.ok) {
      onReminded(invitee.personId, outcome.data.reminder);
      setNotice({ kind: 'success', text: t('health.invited.done', { name: invitee.displayName }) });
      return;
    }
    const next = nextAvailableOf(outcome.error);
    if (next !== null) {
      onReminded(invitee.personId, {
        available: false,
        lastSentAt: invitee.reminder.lastSentAt,
        nextAvailableAt: next,
      });
    }
    setNotice({ kind: 'error', text: describeError(outcome.error, shellT) });
  };

  const invited = participants.invitedNotJoined;
  return (
    <section className={styles.section} aria-labelledby="follow-up-participants-title">
      <Subtitle1 as="h2" id="follow-up-participants-title" className={styles.heading}>
        {t('health.participants.title')}
      </Subtitle1>
      <ParticipationFigures participants={participants} />
      <Subtitle2 as="h3" id="follow-up-invited-title" className={styles.heading}>
        {t('health.invited.title')}
      </Subtitle2>
      {participants.invitedNotJoinedTotal === 0 ? (
        <Body1 as="p">{t('health.invited.none')}</Body1>
      ) : (
        <>
          {invited.length < participants.invitedNotJoinedTotal && (
            <Caption1 as="p" className={styles.muted}>
              {t('health.listCapped', {
                shown: invited.length,
                total: participants.invitedNotJoinedTotal,
              })}
            </Caption1>
          )}
          {notice && (
            <MessageBar intent={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          <TableScroller labelledBy="follow-up-invited-title">
            <table className={styles.table} aria-labelledby="follow-up-invited-title">
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    {t('health.col.name')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.department')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.invited.since')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.action')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {invited.map((invitee) => {
                  const statusId = `remind-${invitee.personId}-status`;
                  const { reminder } = invitee;
                  return (
                    <tr key={invitee.personId}>
                      <th scope="row" className={styles.rowHeader}>
                        {invitee.displayName}
                      </th>
                      <td className={styles.td}>{invitee.department}</td>
                      <td className={`${styles.td} ${styles.nowrap}`}>
                        {f.day(invitee.invitedAt)}
                      </td>
                      <td className={styles.td}>
                        <Button
                          size="small"
                          disabled={!reminder.available || busy === invitee.personId}
                          aria-label={t('health.invited.remindLabel', {
                            name: invitee.displayName,
                          })}
                          aria-describedby={!reminder.available ? statusId : undefined}
                          onClick={() => void remind(invitee)}
                        >
                          {t('health.invited.remind')}
                        </Button>
                        {!reminder.available && reminder.lastSentAt && reminder.nextAvailableAt && (
                          <Caption1 as="p" id={statusId} className={styles.muted}>
                            {t('health.invited.reminded', {
                              date: f.day(reminder.lastSentAt),
                              next: f.day(reminder.nextAvailableAt),
                            })}
                          </Caption1>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </section>
  );
}

/** Pairs by state, then every pair with its last and next session (at-risk ones badged). */
export function PairsSection({ pairs }: { pairs: HealthResponse['pairs'] }) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const f = useHealthFormat();
  return (
    <section className={styles.section} aria-labelledby="follow-up-pairs-title">
      <Subtitle1 as="h2" id="follow-up-pairs-title" className={styles.heading}>
        {t('health.pairs.title')}
      </Subtitle1>
      <Body1 as="p">
        {t('health.pairs.total', { count: pairs.total })}
        {pairs.total > 0 && ` · ${t('health.pairs.endedEarly', { count: pairs.endedEarly })}`}
      </Body1>
      {pairs.total > 0 && (
        <>
          <PairStateTable byState={pairs.byState} idPrefix="follow-up" />
          <Subtitle2 as="h3" id="follow-up-pair-list-title" className={styles.heading}>
            {t('health.pairs.list')}
          </Subtitle2>
          {pairs.list.length < pairs.listTotal && (
            <Caption1 as="p" className={styles.muted}>
              {t('health.listCapped', { shown: pairs.list.length, total: pairs.listTotal })}
            </Caption1>
          )}
          <TableScroller labelledBy="follow-up-pair-list-title">
            <table className={styles.table} aria-labelledby="follow-up-pair-list-title">
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    {t('health.col.pair')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.state')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.lastSession')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.nextSession')}
                  </th>
                  <th scope="col" className={`${styles.th} ${styles.number}`}>
                    {t('health.col.sessions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pairs.list.map((pair) => (
                  <tr key={pair.id}>
                    <th scope="row" className={styles.rowHeader}>
                      {t('health.atRisk.pair', {
                        mentor: pair.mentor.displayName,
                        mentee: pair.mentee.displayName,
                      })}
                    </th>
                    <td className={styles.td}>
                      {t(`health.state.${pair.state}`)}
                      {pair.risks.length > 0 && (
                        <>
                          {' '}
                          <Badge appearance="tint" color="danger" size="small">
                            {t('health.atRiskBadge')}
                          </Badge>
                        </>
                      )}
                    </td>
                    <td className={`${styles.td} ${styles.nowrap}`}>
                      {pair.lastSessionAt ? f.day(pair.lastSessionAt) : t('health.none')}
                    </td>
                    <td className={`${styles.td} ${styles.nowrap}`}>
                      {pair.nextSessionAt ? f.day(pair.nextSessionAt) : t('health.none')}
                    </td>
                    <td className={`${styles.td} ${styles.number}`}>
                      {t('health.sessionsOf', {
                        held: pair.sessionsHeld,
                        frame: pair.sessionsInFrame,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </section>
  );
}

/** Pairs by state as a small table (states with no pair left out). */
export function PairStateTable({
  byState,
  idPrefix,
}: {
  byState: HealthResponse['pairs']['byState'];
  idPrefix: string;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const f = useHealthFormat();
  const id = `${idPrefix}-pair-states`;
  return (
    <table className={styles.table} aria-labelledby={id}>
      <caption id={id} className={styles.caption}>
        {t('health.pairs.byState')}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {t('health.col.state')}
          </th>
          <th scope="col" className={`${styles.th} ${styles.number}`}>
            {t('health.col.pairs')}
          </th>
        </tr>
      </thead>
      <tbody>
        {pairStates
          .filter((state) => byState[state] > 0)
          .map((state) => (
            <tr key={state}>
              <th scope="row" className={styles.rowHeader}>
                {t(`health.state.${state}`)}
              </th>
              <td className={`${styles.td} ${styles.number}`}>{f.number(byState[state])}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** People matching left without a partner, and why (as matching said it, in the tab's language). */
export function UnmatchedSection({
  participants,
  status,
}: {
  participants: ParticipantsHealth;
  status: HealthResponse['status'];
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const locale = useLocale();
  const unmatched = participants.unmatched;
  return (
    <section className={styles.section} aria-labelledby="follow-up-unmatched-title">
      <Subtitle1 as="h2" id="follow-up-unmatched-title" className={styles.heading}>
        {t('health.unmatched.title')}
      </Subtitle1>
      {unmatched === null ? (
        <Body1 as="p">
          {/* A programme under way or closed without a recorded run (pairs formed by hand, or
              before runs were kept): "not run yet" would contradict its pairs. */}
          {t(
            status === 'running' || status === 'closed'
              ? 'health.unmatched.noRun'
              : 'health.unmatched.notRun',
          )}
        </Body1>
      ) : participants.unmatchedTotal === 0 ? (
        <Body1 as="p">{t('health.unmatched.none')}</Body1>
      ) : (
        <>
          {unmatched.length < participants.unmatchedTotal && (
            <Caption1 as="p" className={styles.muted}>
              {t('health.listCapped', {
                shown: unmatched.length,
                total: participants.unmatchedTotal,
              })}
            </Caption1>
          )}
          <TableScroller labelledBy="follow-up-unmatched-title">
            <table className={styles.table} aria-labelledby="follow-up-unmatched-title">
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    {t('health.col.name')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.department')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.roleWish')}
                  </th>
                  <th scope="col" className={styles.th}>
                    {t('health.col.why')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {unmatched.map((person) => (
                  <tr key={person.personId}>
                    <th scope="row" className={styles.rowHeader}>
                      {person.displayName}
                    </th>
                    <td className={styles.td}>{person.department}</td>
                    <td className={styles.td}>{t(`health.roleWish.${person.roleWish}`)}</td>
                    <td className={styles.td}>
                      {person.reasons.map((reason) => reason[locale]).join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </section>
  );
}
