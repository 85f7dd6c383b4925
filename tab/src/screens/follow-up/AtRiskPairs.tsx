import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  AtRiskPair,
  HealthResponse,
  NudgeAvailability,
  NudgeResponse,
} from '../../../../src/contracts/health';
import { describeError } from '../../api/errors';
import { nudgePair } from '../../api/programme-health';
import { useMutation } from '../../data/useMutation';
import { useT } from '../../i18n/I18nProvider';
import { nextAvailableOf } from './nudge-error';
import { type HealthTranslate, useHealthT } from './health-i18n';
import { useHealthStyles } from './health-styles';
import { type HealthFormat, useHealthFormat } from './useHealthFormat';

type Notice = { kind: 'success' | 'warning' | 'error'; text: string };

/** One reason a pair is at risk, in words, with its days where it has them. */
export function reasonText(
  reason: AtRiskPair['reasons'][number],
  t: HealthTranslate,
  f: HealthFormat,
): string {
  switch (reason.code) {
    case 'no_session_14_days':
      return reason.days === null
        ? t('health.reason.no_session_14_days.never')
        : t('health.reason.no_session_14_days', { days: f.days(reason.days) });
    case 'approval_pending_7_days':
      return reason.days === null
        ? t('health.reason.approval_pending_7_days.short')
        : t('health.reason.approval_pending_7_days', { days: f.days(reason.days) });
    case 'agreement_unsigned_14_days':
      return reason.days === null
        ? t('health.reason.agreement_unsigned_14_days.short')
        : t('health.reason.agreement_unsigned_14_days', { days: f.days(reason.days) });
    case 'sessions_missed':
      return t('health.reason.sessions_missed');
    case 'low_rating':
      return t('health.reason.low_rating');
    case 'not_a_good_fit':
      return t('health.reason.not_a_good_fit');
  }
}

/**
 * The pairs that stall, most urgent first: why (translated), and a one-click nudge the bot
 * sends to both members in their language (disabled, with the dates, within 7 days of the last).
 */
export function AtRiskPairs({
  programmeId,
  health,
  onNudged,
}: {
  programmeId: string;
  health: HealthResponse;
  /** The pair's nudge availability after a nudge (sent now, or found already sent). */
  onNudged: (pairId: string, nudge: NudgeAvailability) => void;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const shellT = useT();
  const f = useHealthFormat();
  const [notices, setNotices] = useState<Record<string, Notice>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const sending = useMutation((pairId: string) => nudgePair(programmeId, pairId, {}));

  const nudge = async (pair: AtRiskPair) => {
    setBusy(pair.id);
    const names = { mentor: pair.mentor.displayName, mentee: pair.mentee.displayName };
    const outcome = await sending.run(pair.id);
    setBusy(null);
    if (outcome.ok) {
      const data: NudgeResponse = outcome.data;
      onNudged(pair.id, data.nudge);
      const unreachable = data.sentTo
        .filter((recipient) => !recipient.reachable)
        .map((recipient) =>
          recipient.personId === pair.mentor.personId ? names.mentor : names.mentee,
        );
      const text = [
        t('health.nudge.done', names),
        ...(unreachable.length > 0
          ? [
              t('health.nudge.unreachable', {
                names: f.list(unreachable),
                count: unreachable.length,
              }),
            ]
          : []),
      ].join(' ');
      setNotices((current) => ({ ...current, [pair.id]: { kind: 'success', text } }));
      return;
    }
    const next = nextAvailableOf(outcome.error);
    if (next !== null) {
      onNudged(pair.id, {
        available: false,
        lastSentAt: pair.nudge.lastSentAt,
        nextAvailableAt: next,
      });
      setNotices((current) => ({
        ...current,
        [pair.id]: { kind: 'warning', text: t('health.nudge.tooSoon', { next: f.day(next) }) },
      }));
      return;
    }
    setNotices((current) => ({
      ...current,
      [pair.id]: { kind: 'error', text: describeError(outcome.error, shellT) },
    }));
  };

  return (
    <section className={styles.section} aria-labelledby="follow-up-at-risk-title">
      <Subtitle1 as="h2" id="follow-up-at-risk-title" className={styles.heading}>
        {t('health.atRisk.title')}
      </Subtitle1>
      {health.atRiskTotal === 0 ? (
        <Body1 as="p">
          {t(health.status === 'closed' ? 'health.atRisk.noneClosed' : 'health.atRisk.none')}
        </Body1>
      ) : (
        <>
          <Body1 as="p">{t('health.atRisk.count', { count: health.atRiskTotal })}</Body1>
          {health.atRisk.length < health.atRiskTotal && (
            <Caption1 as="p" className={styles.muted}>
              {t('health.listCapped', { shown: health.atRisk.length, total: health.atRiskTotal })}
            </Caption1>
          )}
          <ul className={styles.cards}>
            {health.atRisk.map((pair) => {
              const title = t('health.atRisk.pair', {
                mentor: pair.mentor.displayName,
                mentee: pair.mentee.displayName,
              });
              const notice = notices[pair.id];
              const statusId = `nudge-${pair.id}-status`;
              return (
                <li key={pair.id}>
                  <article className={styles.card} aria-label={title}>
                    <Text weight="semibold">{title}</Text>
                    <Caption1 className={styles.muted}>
                      {[
                        t(`health.state.${pair.state}`),
                        pair.subject,
                        pair.lastSessionAt
                          ? t('health.atRisk.lastSession', { date: f.day(pair.lastSessionAt) })
                          : t('health.atRisk.noSession'),
                      ]
                        .filter((part) => part !== '')
                        .join(' · ')}
                    </Caption1>
                    <ul className={styles.list} aria-label={t('health.atRisk.reasons')}>
                      {pair.reasons.map((reason) => (
                        <li key={reason.code}>{reasonText(reason, t, f)}</li>
                      ))}
                    </ul>
                    <div className={styles.bar}>
                      <Button
                        appearance="primary"
                        disabled={!pair.nudge.available || busy === pair.id}
                        aria-label={t('health.nudge.label', {
                          mentor: pair.mentor.displayName,
                          mentee: pair.mentee.displayName,
                        })}
                        aria-describedby={!pair.nudge.available ? statusId : undefined}
                        onClick={() => void nudge(pair)}
                      >
                        {t('health.nudge')}
                      </Button>
                      {!pair.nudge.available &&
                        pair.nudge.lastSentAt &&
                        pair.nudge.nextAvailableAt && (
                          <Caption1 id={statusId} className={styles.muted}>
                            {t('health.nudge.sent', {
                              date: f.day(pair.nudge.lastSentAt),
                              next: f.day(pair.nudge.nextAvailableAt),
                            })}
                          </Caption1>
                        )}
                    </div>
                    {notice && (
                      <MessageBar
                        intent={notice.kind}
                        role={notice.kind === 'error' ? 'alert' : 'status'}
                      >
                        <MessageBarBody>{notice.text}</MessageBarBody>
                      </MessageBar>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
