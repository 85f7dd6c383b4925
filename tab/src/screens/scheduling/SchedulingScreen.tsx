import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type {
  CalendarSessionView,
  MemberTime,
  PairCalendarResponse,
  SlotProposalView,
  SlotsResponse,
} from '../../../../src/contracts/calendar';
import type { MyPairItem, MyPairsResponse } from '../../../../src/contracts/pairs';
import { api, apiDownload, ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate, useSession } from '../../auth/SessionProvider';
import { dateTag, type Locale } from '../../i18n/catalogue';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { calendarReasonKey, usePlanT } from './i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  text: { margin: 0, maxWidth: '70ch' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  picker: { maxWidth: '28rem' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: { maxWidth: '48rem' },
  times: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  row: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  session: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sessionHead: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
});

type PlanT = ReturnType<typeof usePlanT>;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Wednesday, 2 December 2026" / "mercredi 2 décembre 2026" in the viewer's zone: British English
 * like the other screens (`dateTag`), not the API's US-style labels.
 */
function dayLabel(locale: Locale, iso: string, times: readonly MemberTime[]): string {
  const timeZone = times.find((m) => m.isMe)?.timeZone;
  const key = `${locale}|${timeZone ?? ''}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateTag(locale), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(timeZone ? { timeZone } : {}),
    });
    dayFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/**
 * One sentence for a proposal: "Every two weeks on Tuesday, 10:00–11:00 for you; 6 sessions from
 * Tuesday, 17 March 2026." The partner's time is added only when their zone differs from yours.
 */
function proposalSummary(proposal: SlotProposalView, t: PlanT, locale: Locale): string {
  const me = proposal.times.find((m) => m.isMe) ?? proposal.times[0];
  if (!me) return '';
  const other = proposal.times.find((m) => m !== me);
  const cadence = proposal.cadenceLabel.charAt(0).toUpperCase() + proposal.cadenceLabel.slice(1);
  const common = {
    cadence,
    weekday: me.weekdayLabel,
    time: me.timeLabel,
    sessions: proposal.occurrencesLabel,
    date: dayLabel(locale, proposal.firstStart, proposal.times),
  };
  if (!other || other.timeZone === me.timeZone) return t('plan.summary', common);
  return t('plan.summary.both', {
    ...common,
    partnerTime:
      other.weekday === me.weekday ? other.timeLabel : `${other.weekdayLabel} ${other.timeLabel}`,
    partner: other.displayName,
    zone: other.timeZone,
  });
}

/**
 * A calendar failure names the person and the reason (e.g. a mailbox outside the app's access
 * policy), in the tab's language; any other error gets the shell's sentence for its code.
 */
function ErrorBar({ error, names }: { error: unknown; names: ReadonlyMap<string, string> }) {
  const t = usePlanT();
  const tt = useT();
  const { me } = useSession();
  let text = describeError(error, tt);
  if (error instanceof ApiError && error.code === 'calendar_unavailable') {
    const details = (error.details ?? {}) as { personId?: unknown; reason?: unknown };
    const key = calendarReasonKey(details.reason);
    const name = typeof details.personId === 'string' ? names.get(details.personId) : undefined;
    if (key && details.personId === me.person.id) {
      text = t('plan.calendarErrorMine', { reason: t(key) });
    } else if (key && name) text = t('plan.calendarError', { name, reason: t(key) });
  }
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** "You: Tuesday 10:00–11:00" / "Ethan Walker: Tuesday 04:00–05:00 (America/Toronto)". */
function Times({ times }: { times: readonly MemberTime[] }) {
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

function ProposalCard({
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

const statusKey = {
  planned: 'plan.status.planned',
  held: 'plan.status.held',
  missed: 'plan.status.missed',
  cancelled: 'plan.status.cancelled',
} as const;

/** A `datetime-local` value ('YYYY-MM-DDTHH:mm') for an instant, in the browser's zone. */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function SessionItem({
  session,
  names,
  onMove,
  busy,
}: {
  session: CalendarSessionView;
  names: Map<string, string>;
  onMove?: (session: CalendarSessionView) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = usePlanT();
  const locale = useLocale();
  const { me } = useSession();
  const declinedByMe = session.declinedBy.includes(me.person.id);
  const declined = session.declinedBy
    .filter((id) => id !== me.person.id)
    .map((id) => names.get(id) ?? id);
  return (
    <li className={styles.session}>
      <div className={styles.sessionHead}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('plan.session', { index: session.index })} ·{' '}
          {dayLabel(locale, session.start, session.times)}
        </Subtitle2>
        <Badge
          appearance="tint"
          color={
            session.status === 'cancelled'
              ? 'danger'
              : session.status === 'held'
                ? 'success'
                : 'informative'
          }
        >
          {t(statusKey[session.status])}
        </Badge>
        {onMove && (
          <Button
            size="small"
            disabled={busy}
            aria-label={t('plan.moveLabel', { index: session.index })}
            onClick={() => onMove(session)}
          >
            {t('plan.move')}
          </Button>
        )}
      </div>
      <Times times={session.times} />
      {declinedByMe && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('plan.declinedMine')}</MessageBarBody>
        </MessageBar>
      )}
      {declined.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('plan.declined', { names: declined.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

function MoveDialog({
  session,
  partner,
  onCancel,
  onMove,
}: {
  session: CalendarSessionView | null;
  partner: string;
  onCancel: () => void;
  onMove: (session: CalendarSessionView, start: string) => void;
}) {
  const t = usePlanT();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setValue(session ? localInputValue(session.start) : '');
    setInvalid(false);
  }, [session]);
  const submit = () => {
    if (!session) return;
    const at = new Date(value);
    if (!value || Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
      setInvalid(true);
      return;
    }
    onMove(session, at.toISOString());
  };
  return (
    <Dialog open={session !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{session && t('plan.move.title', { index: session.index })}</DialogTitle>
          <DialogContent>
            <Body1 as="p">{t('plan.move.body', { partner })}</Body1>
            <Field
              label={t('plan.move.field')}
              validationState={invalid ? 'error' : 'none'}
              validationMessage={invalid ? t('plan.move.invalid') : undefined}
            >
              <Input
                type="datetime-local"
                value={value}
                onChange={(_, data) => {
                  setValue(data.value);
                  setInvalid(false);
                }}
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={submit}>
              {t('plan.move.confirm')}
            </Button>
            <Button onClick={onCancel}>{t('plan.confirm.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function SeriesSection({
  calendar,
  onMove,
  busy,
}: {
  calendar: PairCalendarResponse;
  onMove: (session: CalendarSessionView) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = usePlanT();
  const { me } = useSession();
  const [downloadError, setDownloadError] = useState(false);
  const series = calendar.series;
  const names = new Map(
    calendar.sessions.flatMap((s) => s.times.map((m) => [m.personId, m.displayName] as const)),
  );
  const partner = calendar.sessions[0]?.times.find((m) => m.personId !== series?.organiserId);
  const download = async () => {
    if (!series?.icsPath) return;
    setDownloadError(false);
    try {
      const blob = await apiDownload(series.icsPath);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `mentoring-${calendar.pairId}.ics`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      setDownloadError(true);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="plan-series-title">
      <Subtitle1 as="h2" id="plan-series-title" className={styles.heading}>
        {t('plan.series.title')}
      </Subtitle1>
      {series && (
        <Body1 as="p" className={styles.text}>
          {series.organiserId === me.person.id
            ? t('plan.series.whereMine', { partner: partner?.displayName ?? '' })
            : partner?.isMe
              ? t('plan.series.whereToMe', { organiser: series.organiserName })
              : t('plan.series.where', {
                  organiser: series.organiserName,
                  partner: partner?.displayName ?? '',
                })}
        </Body1>
      )}
      {series?.icsPath && (
        <>
          <Caption1 as="p" className={styles.muted}>
            {t('plan.series.local')}
          </Caption1>
          <div className={styles.actions}>
            <Button onClick={() => void download()}>{t('plan.ics')}</Button>
          </div>
          {downloadError && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t('plan.ics.failed')}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <ul className={styles.list} aria-labelledby="plan-series-title">
        {calendar.sessions.map((s) => (
          <SessionItem
            key={s.id}
            session={s}
            names={names}
            busy={busy}
            {...(s.status === 'planned' && Date.parse(s.start) > Date.now() ? { onMove } : {})}
          />
        ))}
      </ul>
    </section>
  );
}

function pairLabel(item: MyPairItem, t: PlanT): string {
  const who =
    item.myRole === 'mentor'
      ? t('plan.picker.mentorOf', { name: item.partner.displayName })
      : t('plan.picker.menteeOf', { name: item.partner.displayName });
  return item.subject ? `${who} – ${item.subject}` : who;
}

/** One pair's planning: refresh from the calendar, then the booked series or the proposals. */
function PairPlanner({
  pairId,
  partner,
}: {
  pairId: string;
  partner?: { personId: string; displayName: string };
}) {
  const styles = useStyles();
  const t = usePlanT();
  const { me } = useSession();
  const locale = useLocale();
  const [calendar, setCalendar] = useState<PairCalendarResponse | null>(null);
  const [slots, setSlots] = useState<SlotsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<SlotProposalView | null>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [moving, setMoving] = useState<CalendarSessionView | null>(null);
  const base = `/api/pairs/${encodeURIComponent(pairId)}`;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setCalendar(null);
    setSlots(null);
    setError(null);
    const load = async () => {
      // Opening the page picks up what changed in the calendar (moves, declines, cancellations).
      const current = await api.post<PairCalendarResponse>(
        `${base}/calendar/refresh?locale=${locale}`,
        {},
        { signal },
      );
      if (signal.aborted) return;
      setCalendar(current);
      if (current.canBook) {
        const proposed = await api.get<SlotsResponse>(`${base}/slots?locale=${locale}`, {
          signal,
        });
        if (!signal.aborted) setSlots(proposed);
      }
    };
    load().catch((e: unknown) => {
      if (!signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [base, locale]);

  const book = useCallback(
    async (proposal: SlotProposalView) => {
      setConfirm(null);
      setBusy(true);
      setError(null);
      setAnnounce(t('plan.booking'));
      try {
        const booked = await api.post<PairCalendarResponse>(`${base}/booking?locale=${locale}`, {
          slot: proposal.slot,
        });
        setCalendar(booked);
        setAnnounce(t('plan.booked'));
      } catch (e) {
        setError(e);
        setAnnounce('');
      } finally {
        setBusy(false);
      }
    },
    [base, locale, t],
  );

  const names = new Map<string, string>([[me.person.id, me.person.displayName]]);
  if (partner) names.set(partner.personId, partner.displayName);
  for (const m of [
    ...(calendar?.sessions.flatMap((x) => x.times) ?? []),
    ...(slots?.proposals.flatMap((p) => p.times) ?? []),
  ]) {
    names.set(m.personId, m.displayName);
  }
  if (slots) names.set(slots.organiser.personId, slots.organiser.displayName);

  const move = useCallback(
    async (session: CalendarSessionView, start: string) => {
      setMoving(null);
      setBusy(true);
      setError(null);
      try {
        const moved = await api.post<PairCalendarResponse>(
          `${base}/sessions/${encodeURIComponent(session.id)}/reschedule?locale=${locale}`,
          { start },
        );
        setCalendar(moved);
        const now = moved.sessions.find((s) => s.id === session.id);
        setAnnounce(
          t('plan.moved', {
            index: now?.index ?? session.index,
            date: now ? dayLabel(locale, now.start, now.times) : '',
          }),
        );
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [base, locale, t],
  );

  /** Who sends and who receives the invitation, the viewer named "you". */
  const confirmBody = (proposal: SlotProposalView) => {
    const summary = proposalSummary(proposal, t, locale);
    const organiser = slots?.organiser;
    const invited = proposal.times.find((m) => m.personId !== organiser?.personId);
    if (organiser?.personId === me.person.id) {
      return t('plan.confirm.bodyMine', { summary, partner: invited?.displayName ?? '' });
    }
    if (invited?.isMe) {
      return t('plan.confirm.bodyToMe', { summary, organiser: organiser?.displayName ?? '' });
    }
    return t('plan.confirm.body', {
      summary,
      organiser: organiser?.displayName ?? '',
      partner: invited?.displayName ?? '',
    });
  };

  if (error !== null && calendar === null) return <ErrorBar error={error} names={names} />;
  if (calendar === null || (calendar.canBook && slots === null && error === null)) {
    return <Spinner size="small" label={t('plan.loading')} />;
  }
  return (
    <>
      <div role="status" aria-live="polite">
        {announce && (
          <MessageBar intent={busy ? 'info' : 'success'}>
            <MessageBarBody>{announce}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {calendar.changes.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t('plan.changes', { count: calendar.changes.length })}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ErrorBar error={error} names={names} />}
      {calendar.series ? (
        <SeriesSection calendar={calendar} onMove={setMoving} busy={busy} />
      ) : !calendar.canBook ? (
        <Body1 as="p" className={styles.text}>
          {t('plan.notBookable')}
        </Body1>
      ) : !slots ? null : ( // the proposals could not be read: the error above says why
        <section className={styles.section} aria-labelledby="plan-proposals-title">
          <Subtitle1 as="h2" id="plan-proposals-title" className={styles.heading}>
            {t('plan.proposals.title')}
          </Subtitle1>
          {slots.none ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t('plan.proposals.none')}</MessageBarTitle>
                {slots.none.message}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Body1 as="p" className={styles.text}>
                {slots.organiser.personId === me.person.id
                  ? t('plan.proposals.introMine', {
                      sessions: slots.proposals[0]?.occurrencesLabel ?? '',
                      duration: slots.frame.durationMinutes,
                      cadence: slots.proposals[0]?.cadenceLabel ?? '',
                    })
                  : t('plan.proposals.intro', {
                      sessions: slots.proposals[0]?.occurrencesLabel ?? '',
                      organiser: slots.organiser.displayName,
                      duration: slots.frame.durationMinutes,
                      cadence: slots.proposals[0]?.cadenceLabel ?? '',
                    })}
              </Body1>
              <ol className={styles.list} aria-labelledby="plan-proposals-title">
                {slots.proposals.map((p) => (
                  <ProposalCard key={p.rank} proposal={p} busy={busy} onBook={setConfirm} />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
      <MoveDialog
        session={moving}
        partner={moving?.times.find((m) => !m.isMe)?.displayName ?? ''}
        onCancel={() => setMoving(null)}
        onMove={(session, start) => void move(session, start)}
      />
      <Dialog open={confirm !== null} onOpenChange={(_, data) => !data.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('plan.confirm.title')}</DialogTitle>
            <DialogContent>{confirm && confirmBody(confirm)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => confirm && void book(confirm)}>
                {t('plan.confirm.yes')}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t('plan.confirm.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

function Planner() {
  const styles = useStyles();
  const t = usePlanT();
  const tt = useT();
  const requested = new URLSearchParams(window.location.search).get('pair');
  const [pairs, setPairs] = useState<MyPairItem[] | null>(null);
  const [pairId, setPairId] = useState<string | null>(requested);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<MyPairsResponse>('/api/pairs/mine', { signal: controller.signal })
      .then((body) => {
        const open = body.pairs.filter((p) => p.state !== 'completed' && p.state !== 'ended');
        setPairs(open);
        setPairId((current) => current ?? open[0]?.id ?? null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);

  if (error !== null) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(error, tt)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (pairs === null) return <Spinner size="small" label={t('plan.loading')} />;
  if (!pairId) {
    return (
      <Body1 as="p" className={styles.text}>
        {t('plan.noPair')}{' '}
        <Link
          href="/profile"
          onClick={(event) => {
            event.preventDefault();
            navigate('/profile');
          }}
        >
          {t('plan.noPair.volunteer')}
        </Link>
      </Body1>
    );
  }
  const item = pairs.find((p) => p.id === pairId);
  return (
    <>
      {pairs.length > 1 && (
        <Field label={t('plan.picker')} className={styles.picker}>
          <Select
            value={pairId}
            onChange={(_, data) => {
              setPairId(data.value);
              window.history.replaceState(null, '', `/plan?pair=${encodeURIComponent(data.value)}`);
            }}
          >
            {pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {pairLabel(p, t)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <PairPlanner key={pairId} pairId={pairId} {...(item ? { partner: item.partner } : {})} />
      <div className={styles.actions}>
        <Button
          appearance="subtle"
          onClick={() => navigate(`/pair?pair=${encodeURIComponent(pairId)}`)}
        >
          {t('plan.toDashboard')}
        </Button>
      </div>
    </>
  );
}

/** "Plan our sessions": the pair's five best recurring times, booking one, then the sessions. */
export default function SchedulingScreen() {
  const styles = useStyles();
  const tt = useT();
  const t = usePlanT();
  return (
    <section className={styles.screen} aria-labelledby="plan-title">
      <Title1 as="h1" id="plan-title" className={styles.title}>
        {tt('plan.title')}
      </Title1>
      <Body1 as="p" className={styles.text}>
        {t('plan.intro')}
      </Body1>
      <SessionGate>
        <Planner />
      </SessionGate>
    </section>
  );
}
