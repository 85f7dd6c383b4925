import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/**
 * A wide table's own sideways scroll region, so a narrow tab (a phone, Teams' side panel, 400 px)
 * scrolls the table, never the page. It takes the keyboard focus (arrow keys scroll it) and is
 * named by the table's heading.
 */
export function TableScroller({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroller} role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
