import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ProgrammeResponse } from '../../../../src/contracts/programmes';
import type { Programme, ProgrammeStatus } from '../../../../src/domain/programme';
import { getReadiness, setProgrammeStatus } from '../../api/programmes';
import { describeError } from '../../api/errors';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { nextStatuses } from './programme-form-model';
import { useProgrammesT } from './programmes-i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  // A badge has a fixed height: a label wrapped in a narrow table column would spill out of it.
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

const badgeColor: Record<
  ProgrammeStatus,
  'informative' | 'brand' | 'warning' | 'success' | 'subtle'
> = {
  draft: 'informative',
  enrolling: 'brand',
  matching: 'warning',
  running: 'success',
  closed: 'subtle',
};

/** The programme's status as a badge. */
export function StatusBadge({ status }: { status: ProgrammeStatus }) {
  const styles = useStyles();
  const pt = useProgrammesT();
  return (
    <Badge appearance="tint" color={badgeColor[status]} className={styles.badge}>
      {pt(`programmes.status.${status}`)}
    </Badge>
  );
}

type StatusActionsProps = {
  programme: Programme;
  version: string;
  onChange: (response: ProgrammeResponse) => void;
};

/** The moves allowed from the current status, each confirmed in a dialog that says what it does. */
export function StatusActions({ programme, version, onChange }: StatusActionsProps) {
  const styles = useStyles();
  const t = useT();
  const pt = useProgrammesT();
  const [target, setTarget] = useState<ProgrammeStatus | null>(null);
  const changing = useMutation(setProgrammeStatus);
  const { busy, error } = changing;
  const moves = nextStatuses[programme.status];
  const hintId = useId();
  // Before offering the launch: was a run published, and what would it leave behind?
  const offersLaunch = moves.includes('running');
  const readiness = useResource(offersLaunch ? `readiness:${programme.id}` : null, (signal) =>
    getReadiness(programme.id, signal),
  );
  const launch = readiness.data?.launch;
  const launchBlocked = offersLaunch && launch?.publishedRun !== true;

  const move = async (to: ProgrammeStatus) => {
    setTarget(null);
    const outcome = await changing.run(programme.id, { to, version });
    if (outcome.ok) onChange(outcome.data);
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <span>{pt('programmes.status.label')}</span>
        <StatusBadge status={programme.status} />
        {moves.map((to) =>
          to === 'running' && launchBlocked ? (
            // Focusable while disabled, so the reason below is read with it.
            <Button key={to} appearance="secondary" disabledFocusable aria-describedby={hintId}>
              {pt(`programmes.move.${to}`)}
            </Button>
          ) : (
            <Button
              key={to}
              appearance={to === 'closed' ? 'subtle' : 'secondary'}
              disabled={busy}
              onClick={() => setTarget(to)}
            >
              {pt(`programmes.move.${to}`)}
            </Button>
          ),
        )}
      </div>
      {launchBlocked && (
        <p id={hintId} className={styles.hint}>
          {launch === undefined ? pt('launch.checking') : pt('launch.needsRun')}
        </p>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeError(error, t)}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && setTarget(null)}>
        <DialogSurface>
          {target && (
            <DialogBody>
              <DialogTitle>{pt(`programmes.move.${target}.title`)}</DialogTitle>
              <DialogContent>
                <p>{pt(`programmes.move.${target}.body`)}</p>
                {target === 'running' && launch && (
                  <>
                    <p>{pt('launch.leftBehind')}</p>
                    <ul className={styles.list}>
                      <li>{pt('launch.unanswered', { count: launch.unansweredProposals })}</li>
                      <li>{pt('launch.unmatched', { count: launch.unmatched })}</li>
                      <li>{pt('launch.notJoined', { count: launch.notJoined })}</li>
                    </ul>
                  </>
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void move(target)}>
                  {pt(`programmes.move.${target}`)}
                </Button>
                <Button onClick={() => setTarget(null)}>{pt('programmes.move.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </div>
  );
}
