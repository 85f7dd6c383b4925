import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ApprovalItem } from '../../../../src/contracts/approvals';
import type { ApprovalDecision } from '../../../../src/domain/approval';
import { useFormat } from '../pair/useFormat';
import { useApprovalsT } from './approvals-i18n';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const statusColor: Record<ApprovalItem['status'], 'success' | 'danger' | 'informative' | 'subtle'> =
  {
    pending: 'informative',
    approved: 'success',
    declined: 'danger',
    superseded: 'subtle',
  };

/** What the screen tells about one card after an action. */
export type CardNotice =
  | { kind: 'decided'; decision: ApprovalDecision }
  | { kind: 'already' }
  | { kind: 'conflict' }
  /** The decision came too late: the request was replaced by a newer one (409). */
  | { kind: 'superseded' }
  | { kind: 'error'; message: string };

type Props = {
  item: ApprovalItem;
  comment: string;
  onCommentChange: (comment: string) => void;
  onDecide: (decision: ApprovalDecision) => void;
  busy: boolean;
  /** True after Decline was pressed with no comment. */
  commentMissing: boolean;
  notice?: CardNotice;
};

/** One request: who, with whom, the time asked; Approve / Decline while pending, the outcome after. */
export function ApprovalCard({
  item,
  comment,
  onCommentChange,
  onDecide,
  busy,
  commentMissing,
  notice,
}: Props) {
  const styles = useStyles();
  const t = useApprovalsT();
  const format = useFormat();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const titleId = `approval-${item.id}-title`;
  const person = item.person.displayName;
  const partner = item.partner.displayName;

  // A decision taken here replaces the buttons: keyboard and screen-reader users land on its outcome.
  const decidedHere = notice?.kind === 'decided' || notice?.kind === 'already';
  useEffect(() => {
    if (decidedHere && item.status !== 'pending') outcomeRef.current?.focus();
  }, [decidedHere, item.status]);

  const duration = (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t('approvals.minutes', { minutes: rest });
    if (rest === 0) return t('approvals.hours', { count: hours });
    return t('approvals.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
  };
  const { request } = item;

  return (
    <article className={styles.card} aria-labelledby={titleId}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={titleId} className={styles.title}>
          {t('approvals.cardTitle', { person, partner })}
        </Subtitle2>
        <Badge appearance="tint" color={statusColor[item.status]}>
          {t(`approvals.status.${item.status}`)}
        </Badge>
      </div>
      <Body1>{t(`approvals.role.${item.role}`, { person })}</Body1>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('approvals.programme')}</dt>
        <dd className={styles.value}>{item.programmeName}</dd>
        <dt className={styles.term}>{t('approvals.subject')}</dt>
        <dd className={styles.value}>{item.subject.trim() || t('approvals.subjectNone')}</dd>
        <dt className={styles.term}>{t('approvals.time')}</dt>
        <dd className={styles.value}>
          {t('approvals.timeValue', {
            sessions: request.sessions,
            duration: duration(request.durationMinutes),
            frequency: t(`approvals.frequency.${request.frequency}`),
            total: duration(request.totalMinutes),
          })}
        </dd>
        <dt className={styles.term}>{t('approvals.period')}</dt>
        <dd className={styles.value}>
          {t('approvals.periodValue', {
            from: format.day(request.from),
            to: format.day(request.to),
          })}
        </dd>
      </dl>
      <Caption1 className={styles.muted}>
        {t('approvals.asked', { date: format.day(item.createdAt) })}
      </Caption1>

      {notice?.kind === 'conflict' && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('approvals.conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {notice?.kind === 'superseded' && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('approvals.supersededConflict')}</MessageBarBody>
        </MessageBar>
      )}
      {notice?.kind === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{notice.message}</MessageBarBody>
        </MessageBar>
      )}

      {item.canDecide ? (
        <>
          <Field
            label={t('approvals.commentLabel')}
            hint={t('approvals.commentHint', { person, partner })}
            validationState={commentMissing ? 'error' : 'none'}
            validationMessage={commentMissing ? t('approvals.declineNeedsComment') : undefined}
          >
            <Textarea
              value={comment}
              maxLength={1000}
              resize="vertical"
              onChange={(_, data) => onCommentChange(data.value)}
            />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => onDecide('approved')}>
              {t('approvals.approve')}
            </Button>
            <Button disabled={busy} onClick={() => onDecide('declined')}>
              {t('approvals.decline')}
            </Button>
          </div>
        </>
      ) : (
        <div ref={outcomeRef} tabIndex={-1} className={styles.outcome} role="status">
          {notice?.kind === 'decided' && (
            <Body1>
              {notice.decision === 'approved'
                ? t('approvals.didApprove', { person })
                : t('approvals.didDecline', { person, partner })}
            </Body1>
          )}
          {notice?.kind === 'already' && <Body1>{t('approvals.alreadyDecided')}</Body1>}
          {item.status === 'superseded' && (
            <>
              <Body1>{t('approvals.superseded', { person, partner })}</Body1>
              {item.supersededAt && (
                <Caption1 className={styles.muted}>
                  {t('approvals.supersededOn', { date: format.day(item.supersededAt) })}
                </Caption1>
              )}
            </>
          )}
          {item.decidedAt && (item.status === 'approved' || item.status === 'declined') && (
            <Body1>
              {t(item.status === 'approved' ? 'approvals.approvedOn' : 'approvals.declinedOn', {
                date: format.day(item.decidedAt),
              })}
            </Body1>
          )}
          {item.comment && <Body1>{t('approvals.comment', { comment: item.comment })}</Body1>}
          {item.status === 'approved' && item.pairState === 'active' && (
            <Caption1 className={styles.muted}>{t('approvals.pairStarted')}</Caption1>
          )}
          {item.status === 'approved' && item.pairState === 'awaiting_approval' && (
            <Caption1 className={styles.muted}>{t('approvals.pairWaiting')}</Caption1>
          )}
          {comment.trim() !== '' && (
            <Caption1 className={styles.muted}>
              {t('approvals.unsentComment', { comment: comment.trim() })}
            </Caption1>
          )}
        </div>
      )}
    </article>
  );
}
