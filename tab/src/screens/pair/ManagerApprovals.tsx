import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ApprovalStanding, ApprovalStatus } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { useFormat } from './useFormat';

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { margin: 0 },
  whose: { color: tokens.colorNeutralForeground2 },
  comment: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
  },
});

const statusColor: Record<ApprovalStatus, 'informative' | 'success' | 'danger'> = {
  pending: 'informative',
  approved: 'success',
  declined: 'danger',
};

/**
 * Where each member's manager approval stands while the pair waits for it: whose manager was
 * asked, the decision, its date and comment, and after a decline what to do next (only the
 * managers who declined are asked again).
 */
export function ManagerApprovals() {
  const styles = useStyles();
  const t = usePairT();
  const format = useFormat();
  const { pair } = usePair();
  const { approvals } = pair;
  if (approvals.length === 0) return null;

  const when = (approval: ApprovalStanding) => {
    if (approval.status === 'pending') {
      return t('pair.approvals.askedOn', { date: format.day(approval.requestedAt) });
    }
    const date = format.day(approval.decidedAt ?? approval.requestedAt);
    return approval.status === 'approved'
      ? t('pair.approvals.approvedOn', { date })
      : t('pair.approvals.declinedOn', { date });
  };

  const declined = approvals.filter((a) => a.status === 'declined');
  const managers = format.list(declined.map((a) => a.managerName));
  const only = declined.length < approvals.length;
  // Edited since the decline: the pair only has to sign; otherwise it has to change it first.
  const changed = declined.every(
    (a) => a.revision !== null && pair.agreement.revision > a.revision,
  );
  const next = changed
    ? t(only ? 'pair.approvals.next.sign' : 'pair.approvals.next.signAll', { managers })
    : t(only ? 'pair.approvals.next.change' : 'pair.approvals.next.changeAll', {
        managers,
        partner: pair.partner.displayName,
      });

  return (
    <>
      <ul className={styles.list} aria-label={t('pair.approvals.title')}>
        {approvals.map((approval) => (
          <li key={approval.personId} className={styles.item}>
            <div className={styles.row}>
              <Text weight="semibold">{approval.managerName}</Text>
              <Caption1 className={styles.whose}>
                {approval.mine
                  ? t('pair.approvals.yourManager')
                  : t('pair.approvals.theirManager', { name: pair.partner.displayName })}
              </Caption1>
              <Badge appearance="tint" color={statusColor[approval.status]}>
                {t(`pair.approvals.status.${approval.status}`)}
              </Badge>
            </div>
            <Body1 as="p" className={styles.text}>
              {when(approval)}
            </Body1>
            {approval.comment && (
              <blockquote className={styles.comment}>
                <Body1>{t('pair.approvals.comment', { comment: approval.comment })}</Body1>
              </blockquote>
            )}
          </li>
        ))}
      </ul>
      {declined.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pair.approvals.next.title')}</MessageBarTitle>
            {next}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
