import { Caption1 } from '@fluentui/react-components';
import type { ReviewUnmatched } from '../../../../src/contracts/matching';
import { useLocale } from '../../i18n/I18nProvider';
import { useMatchingT } from './matching-i18n';
import { useMatchingStyles as useStyles } from './matching-styles';

/** The people left without a partner, each with why. */
export function UnmatchedTable({ unmatched }: { unmatched: readonly ReviewUnmatched[] }) {
  const styles = useStyles();
  const t = useMatchingT();
  const locale = useLocale();
  return (
    <table className={styles.table} aria-labelledby="matching-unmatched-title">
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {t('matching.col.person')}
          </th>
          <th scope="col" className={styles.th}>
            {t('matching.col.reasons')}
          </th>
        </tr>
      </thead>
      <tbody>
        {unmatched.map((u) => (
          <tr key={u.personId}>
            <td className={styles.td}>
              {u.displayName}
              <Caption1 as="span" className={styles.muted}>
                {' '}
                {u.department}
              </Caption1>
            </td>
            <td className={styles.td}>
              <ul className={styles.list}>
                {u.reasons.map((r, i) => (
                  <li key={i}>{r[locale]}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
