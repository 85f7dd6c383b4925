import { Badge, Body1, Button, Caption1, Card, Subtitle2 } from '@fluentui/react-components';
import type { MemberTime, SlotProposalView } from '../../../../src/contracts/calendar';
import { useLocale } from '../../i18n/I18nProvider';
import { usePlanT } from './i18n';
import { dayLabel, proposalSummary } from './schedule-format';
import { useSchedulingStyles as useStyles } from './scheduling-styles';

/** "You: Tuesday 10:00–11:00" / "Ethan Walker: Tuesday 04:00–05:00 (America/Toronto)". */
export function Times({ times }: { times: readonly MemberTime[] }) {
  const styles = useStyles();
  const t = usePlanT();
  return (
    <dl className={styles.times}>
      {times.map((m) => (
        <div key={m.personId} className={styles.row}>
          <dt className={styles.term}>{m.isMe ? t('plan.proposal.you') : m.displayName}</dt>
          <dd className={styles.detail}>
            {t('plan.proposal.time', { weekday: m.weekdayLabel, time: m.timeLabel })}{' '}
            {!m.isMe && t('plan.proposal.zone', { zone: m.timeZone })}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One proposed recurring time, with a button to book it. */
export function ProposalCard({
  proposal,
  onBook,
  busy,
}: {
  proposal: SlotProposalView;
  onBook: (proposal: SlotProposalView) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = usePlanT();
  const locale = useLocale();
  const headingId = `proposal-${proposal.rank}`;
  const summary = proposalSummary(proposal, t, locale);
  return (
    <li>
      <Card className={styles.card} aria-labelledby={headingId}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {t('plan.proposal.label', { rank: proposal.rank })}
        </Subtitle2>
        <Body1 as="p" className={styles.text}>
          {summary}
        </Body1>
        <Times times={proposal.times} />
        <Caption1 as="p" className={styles.muted}>
          {t('plan.proposal.first', {
            date: dayLabel(locale, proposal.firstStart, proposal.times),
          })}{' '}
          · {proposal.cadenceLabel} · {proposal.occurrencesLabel}
        </Caption1>
        {proposal.preferredByBoth && (
          <Badge appearance="tint" color="success">
            {t('plan.proposal.preferred')}
          </Badge>
        )}
        {proposal.uncheckedOccurrences > 0 && (
          <Caption1 as="p" className={styles.muted}>
            {t('plan.proposal.unchecked', { count: proposal.uncheckedOccurrences })}
          </Caption1>
        )}
        <div className={styles.actions}>
          <Button
            appearance={proposal.rank === 1 ? 'primary' : 'secondary'}
            disabled={busy}
            aria-label={t('plan.bookLabel', { rank: proposal.rank, summary })}
            onClick={() => onBook(proposal)}
          >
            {t('plan.book')}
          </Button>
        </div>
      </Card>
    </li>
  );
}
