import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import {
  NotificationDispatcher,
  type NotificationDelivery,
  type NotificationDispatcherDeps,
} from '../notifications/notification-dispatcher';
import { PacedSender } from '../notifications/paced-sender';
import { SendPacer, teamsLimits } from '../notifications/pacer';
import { clockTimer, type Timer } from '../notifications/timer';
import type { WakeSignal } from '../notifications/wake-signal';
import { BackgroundLoops } from './background-loops';
import type { CalendarRefreshSweep } from '../services/calendar/calendar-sweep';
import type { NotificationPlanner } from '../notifications/notification-planner';
import type { MatchingService } from '../services/matching/matching-service';
import type { HealthService } from '../services/health/health-service';
import type { RetentionService } from '../services/privacy/retention-service';
import type { NotificationPurge } from '../services/privacy/notification-purge';
import type { BuddyService } from '../services/buddy/buddy-service';

/** Every background loop of an instance (README "Background work"). */
export function createBackgroundLoops(deps: {
  log: Logger;
  /**
   * Turns pairs into queued reminders and nudges; also re-plans approval cards, a safety net for
   * one whose event could not queue it (same idempotency key: never sent twice).
   */
  planner: Pick<NotificationPlanner, 'planAll'>;
  /** What is queued, and the bot that sends it (the dispatcher claims, paces and sends). */
  notifications: {
    queue: NotificationDispatcherDeps['queue'];
    delivery: NotificationDelivery;
    /** Unique per process: whose claims these are. */
    instanceId: string;
    /** How long a claim holds (WORK_LEASE_SECONDS): a crashed sender's claims wait this long. */
    leaseMs?: number;
    clock: Clock;
    timer?: Timer;
    /** Instances running the dispatcher: each paces at its share of the tenant's 50 messages/s. */
    instances?: number;
    /**
     * Rung by the services' outbox when an event queues a message due now (an approval asked or
     * decided, a proposal published): the dispatcher claims it at once instead of at its next poll.
     */
    wake?: WakeSignal;
  };
  /** Expires proposals whose answer time ran out, so the people left get their next best. */
  matching?: Pick<MatchingService, 'expireEverywhere'>;
  /** Re-reads the calendars of pairs with sessions to come. */
  calendarSweep?: Pick<CalendarRefreshSweep, 'sweep'> & { readonly everyMs: number };
  /** Keeps each programme's health figures at most 15 minutes old (leased per programme). */
  health?: Pick<HealthService, 'refreshDue'>;
  /** Quick help: rounds that ran out (next 3 offers, or tell the asker), and the 90-day purge. */
  buddy?: Pick<BuddyService, 'advanceRounds' | 'purge'>;
  planEveryMs?: number;
  /** Purges closed programmes whose retention period ran out (leased per programme). */
  retention?: Pick<RetentionService, 'purgeDue'> & { readonly everyMs?: number };
  /** Deletes sent, failed and cancelled notifications past their retention (leased, batched). */
  notificationPurge?: Pick<NotificationPurge, 'purgeExpired'> & { readonly everyMs?: number };
}): BackgroundLoops {
  const { log } = deps;
  const loops = new BackgroundLoops(log)
    .own('notification dispatcher', notificationDispatcher(deps.notifications, log))
    .every('notification planner', deps.planEveryMs ?? 60_000, async () => {
      const { created } = await deps.planner.planAll();
      if (created > 0) log.info(`scheduler: ${created} notifications planned`);
    });
  const { matching, calendarSweep, health, retention, buddy, notificationPurge } = deps;
  if (health) {
    // Figures are recomputed when 10 minutes old, checked every 2: never shown older than 15.
    loops.every('programme health figures', 2 * 60_000, async (signal) => {
      const { refreshed } = await health.refreshDue(signal);
      if (refreshed > 0) log.info(`health figures: ${refreshed} programmes recomputed`);
    });
  }
  if (retention) {
    loops.every('retention purge', retention.everyMs ?? 60 * 60_000, async (signal) => {
      const { purged } = await retention.purgeDue(signal);
      if (purged > 0) log.info(`retention: ${purged} closed programmes purged`);
    });
  }
  if (notificationPurge) {
    // Every 15 minutes, at most 2,000 a run: ahead of what the largest tenant produces.
    loops.every('notification purge', notificationPurge.everyMs ?? 15 * 60_000, async (signal) => {
      const { purged } = await notificationPurge.purgeExpired(signal);
      if (purged > 0) log.info(`notification purge: ${purged} old notifications deleted`);
    });
  }
  if (buddy) {
    // Each request is leased (ETag-conditional) before it advances: safe on many instances.
    loops.every('quick-help rounds', 30_000, async () => {
      const r = await buddy.advanceRounds();
      if (r.advanced > 0 || r.unanswered > 0) {
        log.info(`quick help: ${r.advanced} rounds offered, ${r.unanswered} unanswered`);
      }
    });
    loops.every('quick-help purge', 3_600_000, async () => {
      const { purged } = await buddy.purge();
      if (purged > 0)
        log.info(`quick help: ${purged} requests older than 90 days counted and purged`);
    });
  }
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

/** Claims due notifications (leased), sends them through the bot paced under Teams' limits. */
function notificationDispatcher(
  deps: Parameters<typeof createBackgroundLoops>[0]['notifications'],
  log: Logger,
): NotificationDispatcher {
  const timer = deps.timer ?? clockTimer(deps.clock);
  const share = Math.max(1, Math.floor(50 / Math.max(1, deps.instances ?? 1)));
  const pacer = new SendPacer({
    timer,
    limits: { ...teamsLimits, perTenant: [{ count: share, windowMs: 1000 }] },
  });
  const dispatcher = new NotificationDispatcher({
    queue: deps.queue,
    delivery: deps.delivery,
    sender: new PacedSender({ pacer, timer }),
    timer,
    owner: deps.instanceId,
    ...(deps.leaseMs !== undefined ? { leaseMs: deps.leaseMs } : {}),
    log,
  });
  deps.wake?.subscribe((queued) => dispatcher.wake(queued));
  return dispatcher;
}
