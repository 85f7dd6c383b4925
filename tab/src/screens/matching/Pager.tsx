import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useLocale } from '../../i18n/I18nProvider';
import { useMatchingT } from './matching-i18n';

const useStyles = makeStyles({
  pager: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
});

/** "Proposals 101–200 of 1,865" with previous and next; nothing when everything fits one page. */
export function Pager({
  label,
  page,
  pageSize,
  total,
  busy,
  onPage,
}: {
  /** The list's name, as its heading says it. */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  busy: boolean;
  onPage: (page: number) => void;
}) {
  const styles = useStyles();
  const t = useMatchingT();
  const locale = useLocale();
  if (total <= pageSize && page === 1) return null;
  const last = Math.max(1, Math.ceil(total / pageSize));
  const n = (value: number) => value.toLocaleString(locale);
  return (
    <nav className={styles.pager} aria-label={t('matching.pages', { list: label })}>
      <Button size="small" disabled={busy || page <= 1} onClick={() => onPage(page - 1)}>
        {t('matching.previousPage')}
      </Button>
      <Caption1 aria-live="polite">
        {t('matching.pageRange', {
          list: label,
          from: n(Math.min(total, (page - 1) * pageSize + 1)),
          to: n(Math.min(total, page * pageSize)),
          total: n(total),
        })}
      </Caption1>
      <Button size="small" disabled={busy || page >= last} onClick={() => onPage(page + 1)}>
        {t('matching.nextPage')}
      </Button>
    </nav>
  );
}
