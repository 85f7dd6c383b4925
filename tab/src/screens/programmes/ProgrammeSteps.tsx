import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import type { ProgrammeStatus } from '../../../../src/domain/programme';
import { useVisuallyHiddenStyles } from '../../components/visually-hidden';
import { navigate } from '../../shell/router';
import { useProgrammesT } from './programmes-i18n';

/** The life of a programme, in order: each status is one step. */
export const programmeSteps: readonly ProgrammeStatus[] = [
  'draft',
  'enrolling',
  'matching',
  'running',
  'closed',
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  step: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
  },
  done: { color: tokens.colorNeutralForeground2 },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * Where the programme stands among its steps, and a pointer to Matching when pairs are next, to
 * the follow-up and the report once it runs.
 */
export function ProgrammeSteps({
  programmeId,
  status,
}: {
  programmeId: string;
  status: ProgrammeStatus;
}) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const pt = useProgrammesT();
  const currentIndex = programmeSteps.indexOf(status);
  const matchingPath = `/matching?programme=${encodeURIComponent(programmeId)}`;
  const followUpPath = `/follow-up?programme=${encodeURIComponent(programmeId)}`;
  const reportPath = `/report?programme=${encodeURIComponent(programmeId)}`;
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(path);
  };

  return (
    <div className={styles.root}>
      <ol className={styles.list} aria-label={pt('steps.label')}>
        {programmeSteps.map((step, i) => {
          const done = i < currentIndex;
          const current = i === currentIndex;
          return (
            <li
              key={step}
              aria-current={current ? 'step' : undefined}
              className={`${styles.step} ${done ? styles.done : ''} ${current ? styles.current : ''}`}
            >
              {done && <span aria-hidden="true">✓ </span>}
              {pt(`steps.${step}`)}
              {done && <span className={hidden.hidden}> {pt('steps.done')}</span>}
            </li>
          );
        })}
      </ol>
      {status === 'matching' && (
        <p>
          {pt('steps.next.matching')}{' '}
          <Link href={matchingPath} onClick={(event) => follow(event, matchingPath)}>
            {pt('steps.goToMatching')}
          </Link>
        </p>
      )}
      {(status === 'running' || status === 'closed') && (
        <p>
          {pt(status === 'running' ? 'steps.next.running' : 'steps.next.closed')}{' '}
          <Link href={followUpPath} onClick={(event) => follow(event, followUpPath)}>
            {pt('steps.goToFollowUp')}
          </Link>
          {' · '}
          <Link href={reportPath} onClick={(event) => follow(event, reportPath)}>
            {pt('steps.goToReport')}
          </Link>
        </p>
      )}
    </div>
  );
}
