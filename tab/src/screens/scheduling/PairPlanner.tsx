import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  CalendarSessionView,
  PairCalendarResponse,
  SlotProposalView,
  SlotsResponse,
} from '../../../../src/contracts/calendar';
import { bookSeries, getSlots, refreshCalendar, rescheduleSession } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/SessionProvider';
import { Loading } from '../../components/LoadState';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
import { useLocale } from '../../i18n/I18nProvider';
import { CalendarErrorBar } from './CalendarErrorBar';
import { usePlanT } from './i18n';
import { MoveDialog } from './MoveDialog';
import { ProposalCard } from './ProposalCard';
import { dayLabel, proposalSummary } from './schedule-format';
import { useSchedulingStyles as useStyles } from './scheduling-styles';
import { SeriesSection } from './SeriesSection';

/** The pair's sessions, and the proposals when it may book (null, with why, if they failed). */
type Plan = { calendar: PairCalendarResponse; slots: SlotsResponse | null; slotsError: unknown };

/** One pair's planning: refresh from the calendar, then the booked series or the proposals. */
export function PairPlanner({
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
  const plan = useResource(`${pairId}:${locale}`, async (signal): Promise<Plan> => {
    // Opening the page picks up what changed in the calendar (moves, declines, cancellations).
    const calendar = await refreshCalendar(pairId, locale, signal);
    if (!calendar.canBook) return { calendar, slots: null, slotsError: null };
    try {
      return { calendar, slots: await getSlots(pairId, locale, signal), slotsError: null };
    } catch (slotsError) {
      // The sessions still show; the error says why the proposals do not.
      if (signal.aborted) throw slotsError;
      return { calendar, slots: null, slotsError };
    }
  });
  const booking = useMutation((slot: SlotProposalView['slot']) =>
    bookSeries(pairId, locale, { slot }),
  );
  const moving = useMutation((sessionId: string, start: string) =>
    rescheduleSession(pairId, sessionId, locale, { start }),
  );
  // The last action's failure; a new action clears it.
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<SlotProposalView | null>(null);
  const [announce, setAnnounce] = useState('');
  const [movingSession, setMoving] = useState<CalendarSessionView | null>(null);
  const busy = booking.busy || moving.busy;
  const calendar = plan.data?.calendar ?? null;
  const slots = plan.data?.slots ?? null;
  const error = actionError ?? plan.error ?? plan.data?.slotsError ?? null;
  const showCalendar = (next: PairCalendarResponse) =>
    plan.setData((current) => (current ? { ...current, calendar: next } : current));

  const book = async (proposal: SlotProposalView) => {
    setConfirm(null);
    setActionError(null);
    setAnnounce(t('plan.booking'));
    const outcome = await booking.run(proposal.slot);
    if (outcome.ok) {
      showCalendar(outcome.data);
      setAnnounce(t('plan.booked'));
    } else if (outcome.error instanceof ApiError && outcome.error.code === 'already_exists') {
      // Booked meanwhile: by the partner, or a booking cut short (the server stopped) that the
      // server has just completed. The sessions booked are what to show, not an error.
      setAnnounce(t('plan.alreadyBooked'));
      void plan.reload();
    } else {
      setActionError(outcome.error);
      setAnnounce('');
    }
  };

  const move = async (session: CalendarSessionView, start: string) => {
    setMoving(null);
    setActionError(null);
    const outcome = await moving.run(session.id, start);
    if (!outcome.ok) {
      setActionError(outcome.error);
      return;
    }
    showCalendar(outcome.data);
    const now = outcome.data.sessions.find((s) => s.id === session.id);
    setAnnounce(
      t('plan.moved', {
        index: now?.index ?? session.index,
        date: now ? dayLabel(locale, now.start, now.times) : '',
      }),
    );
  };

  const names = new Map<string, string>([[me.person.id, me.person.displayName]]);
  if (partner) names.set(partner.personId, partner.displayName);
  for (const m of [
    ...(calendar?.sessions.flatMap((x) => x.times) ?? []),
    ...(slots?.proposals.flatMap((p) => p.times) ?? []),
  ]) {
    names.set(m.personId, m.displayName);
  }
  if (slots) names.set(slots.organiser.personId, slots.organiser.displayName);

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

  if (error !== null && calendar === null) return <CalendarErrorBar error={error} names={names} />;
  if (calendar === null) return <Loading label={t('plan.loading')} />;
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
      {error !== null && <CalendarErrorBar error={error} names={names} />}
      {calendar.series ? (
        <SeriesSection calendar={calendar} onMove={setMoving} busy={busy} />
      ) : !calendar.canBook ? (
        <Body1 as="p" className={styles.text}>
          {t('plan.notBookable')}
        </Body1>
      ) : !slots ? null : ( // the proposals could not be read: the error above says why
        <Proposals slots={slots} busy={busy} onBook={setConfirm} />
      )}
      <MoveDialog
        session={movingSession}
        partner={movingSession?.times.find((m) => !m.isMe)?.displayName ?? ''}
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

/** The five best recurring times (or why none fits), each with its booking button. */
function Proposals({
  slots,
  busy,
  onBook,
}: {
  slots: SlotsResponse;
  busy: boolean;
  onBook: (proposal: SlotProposalView) => void;
}) {
  const styles = useStyles();
  const t = usePlanT();
  const { me } = useSession();
  return (
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
              <ProposalCard key={p.rank} proposal={p} busy={busy} onBook={onBook} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
