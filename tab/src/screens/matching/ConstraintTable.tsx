import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewPair } from '../../../../src/contracts/matching';
import { useMatchingT } from './matching-i18n';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2, display: 'block' },
});

export type ConstraintKind = 'pin' | 'block';

/** The lead's pins (must pair) and blocks (never pair), each with the action that lifts it. */
export function ConstraintTable({
  pins,
  blocks,
  busy,
  onLift,
}: {
  pins: readonly ReviewPair[];
  blocks: readonly ReviewPair[];
  busy: boolean;
  onLift: (kind: ConstraintKind, pair: ReviewPair) => void;
}) {
  const styles = useStyles();
  const t = useMatchingT();
  const rows = [
    ...pins.map((pair) => ({ kind: 'pin' as const, pair })),
    ...blocks.map((pair) => ({ kind: 'block' as const, pair })),
  ];
  return (
    <table className={styles.table} aria-labelledby="matching-constraints-title">
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {t('matching.col.mentor')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.mentee')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.rule')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.actions')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ kind, pair }) => {
          const names = { mentor: pair.mentor.displayName, mentee: pair.mentee.displayName };
          return (
            <tr key={`${kind}-${pair.mentorId}-${pair.menteeId}`}>
              <td className={styles.td}>
                {pair.mentor.displayName}
                <span className={styles.muted}>{pair.mentor.department}</span>
              </td>
              <td className={styles.td}>
                {pair.mentee.displayName}
                <span className={styles.muted}>{pair.mentee.department}</span>
              </td>
              <td className={styles.td}>
                <Badge appearance="tint" color={kind === 'pin' ? 'important' : 'danger'}>
                  {t(kind === 'pin' ? 'matching.rule.pin' : 'matching.rule.block')}
                </Badge>
              </td>
              <td className={styles.td}>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => onLift(kind, pair)}
                  aria-label={t(
                    kind === 'pin' ? 'matching.unpinLabel' : 'matching.unblockLabel',
                    names,
                  )}
                >
                  {t(kind === 'pin' ? 'matching.unpin' : 'matching.unblock')}
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
