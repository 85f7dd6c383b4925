import type { CalendarProviderOptions } from '../../src/app/calendar-provider';
import { createCalendarProvider } from '../../src/app/calendar-provider';
import type { Config } from '../../src/config';
import type { Clock } from '../../src/domain/clock';
import { CalendarRefreshSweep } from '../../src/services/calendar/calendar-sweep';
import { PairCalendarService } from '../../src/services/calendar/pair-calendar-service';
import { CosmosOrgDirectory } from '../../src/services/people/org-directory';
import type { Repositories } from '../../src/store/repositories';

/**
 * One scheduler instance's calendar: the pair calendar service and its sweep over `repos`, wired
 * as src/app/services.ts wires them but with the instance's own id (its own claims), its own
 * Graph seams and the sweep's interval and page size (the bench and the sweep test).
 */
export function calendarInstance(deps: {
  repos: Repositories;
  config: Config;
  clock: Clock;
  instanceId: string;
  calendar: CalendarProviderOptions;
  intervalMs: number;
  pageSize?: number;
}) {
  const { repos, config, clock } = deps;
  const service = new PairCalendarService({
    pairs: repos.pairs,
    profiles: repos.profiles,
    directory: new CosmosOrgDirectory({ people: repos.people }),
    calendars: createCalendarProvider(config, repos.calendar, clock, deps.calendar),
    clock,
    publicUrl: config.publicUrl,
    syncs: repos.calendarSyncs,
    bookings: repos.bookingIntents,
    notifications: repos.notifications,
    instanceId: deps.instanceId,
  });
  const sweep = new CalendarRefreshSweep({
    pairs: repos.pairs,
    syncs: repos.calendarSyncs,
    calendar: service,
    clock,
    intervalMs: deps.intervalMs,
    ...(deps.pageSize !== undefined ? { pageSize: deps.pageSize } : {}),
  });
  return { service, sweep };
}
