import {
  Badge,
  Button,
  Checkbox,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import type { ReviewProposal } from '../../../../src/contracts/matching';
import { useLocale } from '../../i18n/I18nProvider';
import { useMatchingT } from './matching-i18n';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2, display: 'block' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  statuses: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

type Status = 'draft' | 'kept' | 'pinned' | 'published' | 'accepted';

function statusesOf(p: ReviewProposal): Status[] {
  if (p.status === 'accepted') return ['accepted'];
  if (p.stage === 'published') return ['published'];
  const out: Status[] = ['draft'];
  if (p.pinned) out.push('pinned');
  else if (p.kept) out.push('kept');
  return out;
}

const badgeColor: Record<Status, BadgeProps['color']> = {
  draft: 'informative',
  kept: 'brand',
  pinned: 'important',
  published: 'warning',
  accepted: 'success',
};

/** The proposals, best score first: who, score, why, where each stands, and the lead's actions. */
export function ProposalTable({
  proposals,
  selected,
  busy,
  onSelect,
  onPin,
  onUnpin,
  onBlock,
}: {
  proposals: readonly ReviewProposal[];
  selected: readonly string[];
  busy: boolean;
  onSelect: (id: string, checked: boolean) => void;
  onPin: (p: ReviewProposal) => void;
  onUnpin: (p: ReviewProposal) => void;
  onBlock: (p: ReviewProposal) => void;
}) {
  const styles = useStyles();
  const t = useMatchingT();
  const locale = useLocale();
  const answer = (value: ReviewProposal['answers']['mentor']) =>
    t(value ? `matching.answer.${value}` : 'matching.answer.none');
  return (
    <table className={styles.table} aria-labelledby="matching-proposals-title">
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {t('matching.col.select')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.mentor')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.mentee')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.score')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.reasons')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.status')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.actions')}
          </th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p) => {
          const names = { mentor: p.mentor.displayName, mentee: p.mentee.displayName };
          const draft = p.stage === 'draft' && p.status === 'proposed';
          return (
            <tr key={p.id} data-proposal-id={p.id}>
              <td className={styles.td}>
                {draft && (
                  <Checkbox
                    checked={selected.includes(p.id)}
                    disabled={busy}
                    onChange={(_, data) => onSelect(p.id, data.checked === true)}
                    aria-label={t('matching.selectLabel', names)}
                  />
                )}
              </td>
              <td className={styles.td}>
                {p.mentor.displayName}
                <span className={styles.muted}>{p.mentor.jobTitle}</span>
              </td>
              <td className={styles.td}>
                {p.mentee.displayName}
                <span className={styles.muted}>{p.mentee.jobTitle}</span>
              </td>
              <td className={styles.td}>
                {t('matching.score', {
                  score: p.score.toLocaleString(locale, { maximumFractionDigits: 1 }),
                })}
              </td>
              <td className={styles.td}>
                <ul className={styles.reasons}>
                  {p.reasons.map((r, i) => (
                    <li key={i}>{r[locale]}</li>
                  ))}
                </ul>
              </td>
              <td className={styles.td}>
                <span className={styles.statuses}>
                  {statusesOf(p).map((s) => (
                    <Badge key={s} appearance="tint" color={badgeColor[s]}>
                      {t(`matching.status.${s}`)}
                    </Badge>
                  ))}
                </span>
                {p.stage === 'published' && (
                  <span className={styles.muted}>
                    {t('matching.answers', {
                      mentor: answer(p.answers.mentor),
                      mentee: answer(p.answers.mentee),
                    })}
                  </span>
                )}
                {p.stage === 'published' && p.status === 'proposed' && p.expiresAt && (
                  <span className={styles.muted}>
                    {t('matching.answerBy', {
                      date: new Intl.DateTimeFormat(locale, {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }).format(new Date(p.expiresAt)),
                    })}
                  </span>
                )}
              </td>
              <td className={styles.td}>
                {draft && (
                  <span className={styles.actions}>
                    {p.pinned ? (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => onUnpin(p)}
                        aria-label={t('matching.unpinLabel', names)}
                      >
                        {t('matching.unpin')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => onPin(p)}
                        aria-label={t('matching.pinLabel', names)}
                      >
                        {t('matching.pin')}
                      </Button>
                    )}
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() => onBlock(p)}
                      aria-label={t('matching.blockLabel', names)}
                    >
                      {t('matching.block')}
                    </Button>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
