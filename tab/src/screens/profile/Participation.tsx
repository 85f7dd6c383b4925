import {
  Badge,
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ProfileResponse } from '../../../../src/contracts/profiles';
import type { ProgrammeSummary } from '../../../../src/contracts/programmes';
import type { Profile } from '../../../../src/domain/profile';
import { moveParticipation, type ParticipationMove } from '../../api/profiles';
import { describeError } from '../../api/errors';
import { useMutation } from '../../data/useMutation';
import { dateTag } from '../../i18n/catalogue';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { CONSENT_TEXT_VERSION, consentParagraphKeys, consentVersionLabel } from './consent';
import { useProfileT } from './profile-i18n';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, ':focus': { outlineStyle: 'none' } },
  consent: {
    margin: 0,
    padding: tokens.spacingVerticalM,
    maxWidth: '70ch',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // Body1 is inline by default: without `display: block` the paragraphs would run together.
  paragraph: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  version: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  row: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

/** `YYYY-MM-DD` of a local date. */
function isoDay(date: Date): string {
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${m}-${d}`;
}

type ParticipationProps = {
  programme: ProgrammeSummary;
  profile: Profile;
  version: string | null;
  onChange: (response: ProfileResponse) => void;
};

/** Joining with the consent text, pausing until a date, resuming and leaving (history is kept). */
export function Participation({ programme, profile, version, onChange }: ParticipationProps) {
  const styles = useStyles();
  const t = useT();
  const pt = useProfileT();
  const locale = useLocale();
  const [agreed, setAgreed] = useState(false);
  const [until, setUntil] = useState('');
  const [untilError, setUntilError] = useState<string | undefined>();
  const [confirmLeave, setConfirmLeave] = useState(false);
  const moving = useMutation(moveParticipation);
  const { busy, error } = moving;
  const status = profile.optIn.status;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStatus = useRef(status);

  // After joining, pausing, resuming or leaving, the button pressed is gone: continue from the heading.
  useEffect(() => {
    if (shownStatus.current === status) return;
    shownStatus.current = status;
    headingRef.current?.focus();
  }, [status]);
  const formatDay = (iso: string) =>
    new Intl.DateTimeFormat(dateTag(locale), { dateStyle: 'long' }).format(new Date(iso));

  const act = async <M extends ParticipationMove>(move: M['move'], body: M['body']) => {
    const outcome = await moving.run(programme.id, {
      move,
      body: { ...body, ...(version ? { version } : {}) },
    } as ParticipationMove);
    if (outcome.ok) onChange(outcome.data);
    return outcome.ok;
  };

  const pause = () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    if (!until) return setUntilError(pt('participation.pause.required'));
    if (until < isoDay(tomorrow)) return setUntilError(pt('participation.pause.future'));
    setUntilError(undefined);
    void act('pause', { until });
  };

  const errorBar = error !== null && (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{describeError(error, t)}</MessageBarBody>
    </MessageBar>
  );

  // Rendered whatever the state, so that it can finish closing after a leave: unmounting an open
  // modal dialog would leave the page hidden from assistive technology.
  const leaveDialog = (
    <Dialog open={confirmLeave} onOpenChange={(_, data) => setConfirmLeave(data.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{pt('participation.leave.title')}</DialogTitle>
          <DialogContent>{pt('participation.leave.body')}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                setConfirmLeave(false);
                void act('leave', {});
              }}
            >
              {pt('participation.leave.confirm')}
            </Button>
            <Button onClick={() => setConfirmLeave(false)}>
              {pt('participation.leave.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  if (status === 'not_joined' || status === 'left') {
    return (
      <>
        <section className={styles.box} aria-labelledby="join-title">
          <h2 id="join-title" ref={headingRef} tabIndex={-1} className={styles.heading}>
            <Subtitle1>{pt('participation.join.title', { programme: programme.name })}</Subtitle1>
          </h2>
          {status === 'left' && profile.optIn.leftAt && (
            <Body1 as="p">
              {pt('participation.left', { date: formatDay(profile.optIn.leftAt) })}
            </Body1>
          )}
          <div className={styles.consent} id="consent-text">
            {consentParagraphKeys.map((key) => (
              <Body1 as="p" key={key} className={styles.paragraph}>
                {pt(key)}
              </Body1>
            ))}
            <p className={styles.version}>
              {pt('participation.consent.version', {
                version: consentVersionLabel(CONSENT_TEXT_VERSION),
              })}
            </p>
          </div>
          <Checkbox
            checked={agreed}
            onChange={(_, data) => setAgreed(data.checked === true)}
            label={pt('participation.consent.agree')}
            aria-describedby="consent-text"
          />
          {errorBar}
          <Button
            appearance="primary"
            disabled={!agreed || busy}
            onClick={() => void act('opt-in', { consentTextVersion: CONSENT_TEXT_VERSION })}
          >
            {status === 'left' ? pt('participation.rejoin') : pt('participation.join')}
          </Button>
        </section>
        {leaveDialog}
      </>
    );
  }

  return (
    <>
      <section className={styles.box} aria-labelledby="participation-title">
        <h2 id="participation-title" ref={headingRef} tabIndex={-1} className={styles.heading}>
          <Subtitle1>{pt('participation.title', { programme: programme.name })}</Subtitle1>
        </h2>
        {status === 'opted_in' ? (
          <Badge appearance="tint" color="success">
            {pt('participation.status.opted_in')}
          </Badge>
        ) : (
          <Badge appearance="tint" color="warning">
            {profile.optIn.pausedUntil
              ? pt('participation.status.pausedUntil', {
                  date: formatDay(profile.optIn.pausedUntil),
                })
              : pt('participation.status.paused')}
          </Badge>
        )}
        {errorBar}
        <div className={styles.row}>
          {status === 'paused' && (
            <Button disabled={busy} onClick={() => void act('resume', {})}>
              {pt('participation.resume')}
            </Button>
          )}
          {status === 'opted_in' && (
            <>
              <Field
                label={pt('participation.pause.until')}
                hint={pt('participation.pause.hint')}
                validationMessage={untilError}
              >
                <DateInput value={until} onChange={(_, data) => setUntil(data.value)} />
              </Field>
              <Button disabled={busy} onClick={pause}>
                {pt('participation.pause')}
              </Button>
            </>
          )}
          <Button appearance="subtle" disabled={busy} onClick={() => setConfirmLeave(true)}>
            {pt('participation.leave')}
          </Button>
        </div>
      </section>
      {leaveDialog}
    </>
  );
}
