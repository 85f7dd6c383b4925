import type { Logger } from '../logger';
import { BackgroundLoops, type OwnLoop } from './background-loops';
import type { CalendarRefreshSweep } from '../services/calendar/calendar-sweep';
import type { NotificationPlanner } from '../notifications/notification-planner';
import type { MatchingService } from '../services/matching/matching-service';

/** Every background loop of an instance (README "Background work"). */
export function createBackgroundLoops(deps: {
  log: Logger;
  /** Turns pairs into queued reminders, nudges and approval cards. */
  planner: Pick<NotificationPlanner, 'planAll'>;
  /** Sends what is queued, paced at Teams' limits (the bot runtime's). */
  dispatcher: OwnLoop;
  /** Expires proposals whose answer time ran out, so the people left get their next best. */
  matching?: Pick<MatchingService, 'expireEverywhere'>;
  /** Re-reads the calendars of pairs with sessions to come. */
  calendarSweep?: Pick<CalendarRefreshSweep, 'sweep'> & { readonly everyMs: number };
  planEveryMs?: number;
}): BackgroundLoops {
  const { log } = deps;
  const loops = new BackgroundLoops(log)
    .own('notification dispatcher', deps.dispatcher)
    .every('notification planner', deps.planEveryMs ?? 60_000, async () => {
      const { created } = await deps.planner.planAll();
      if (created > 0) log.info(`scheduler: ${created} notifications planned`);
    });
  const { matching, calendarSweep } = deps;
  if (matching) {
    // Proposals are also expired on read; this reaches people nobody's tab shows.
    loops.every('proposal expiry sweep', 60_000, () => matching.expireEverywhere());
  }
  if (calendarSweep) {
    loops.every('calendar sweep', calendarSweep.everyMs, async (signal) => {
      const r = await calendarSweep.sweep(signal);
      if (r.refreshed > 0 || r.failed > 0) {
        log.info(
          `calendar sweep: ${r.refreshed} series read, ${r.changes} changes, ${r.failed} failed`,
        );
      }
    });
  }
  return loops;
}
