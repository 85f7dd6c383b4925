import type { CalendarPerson, CalendarPort } from '../../calendar/calendar-port';
import type { Clock } from '../../domain/clock';
import type { BuddySettings } from '../../domain/buddy/buddy-settings';
import { defaultDigitalSkills, type BuddySkill } from '../../domain/buddy/topics';
import type { Person } from '../../domain/person';
import type { Logger } from '../../logger';
import type { BuddyRepository, BuddyWeekRepository } from '../../store/buddy-repository';
import type { HelpRequestRepository } from '../../store/help-request-repository';
import type { NotificationOutbox } from '../outbox/notification-outbox';
import type { PeopleRepository } from '../../store/people-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { ProgrammeRepository } from '../../store/programme-repository';

/** Limits of item 9 (issue #17). */
export type BuddyLimits = {
  /** Open requests per asker. */
  readonly maxOpen: number;
  /** Requests per asker within `rateWindowMs`. */
  readonly maxPerWindow: number;
  readonly rateWindowMs: number;
};

export const defaultBuddyLimits: BuddyLimits = {
  maxOpen: 5,
  maxPerWindow: 10,
  rateWindowMs: 3_600_000,
};

export type BuddyServiceDeps = {
  buddies: BuddyRepository;
  requests: HelpRequestRepository;
  weeks: BuddyWeekRepository;
  people: PeopleRepository;
  profiles: ProfileRepository;
  programmes: ProgrammeRepository;
  /**
   * Offers, connect and close cards: queued through the outbox (due now: the dispatcher is woken
   * and sends them at once, paced; close cards wait for their time).
   */
  notifications: Pick<NotificationOutbox, 'schedule'>;
  /** Free/busy now and "book 15 minutes": Graph getSchedule, or the local calendar. */
  calendars: { calendarFor(tenantId: string): CalendarPort };
  clock: Clock;
  log: Logger;
  /** Whose round leases these are. */
  instanceId: string;
  limits?: BuddyLimits;
  /** Deep link to the tab, for "open Quick help" buttons. */
  publicUrl?: string;
  /** Request ids (tests); `yyyy-mm.<uuid>` otherwise. */
  newId?: () => string;
};

/** The tenant's quick-help catalogue: the default digital skills and its programmes' digital skills. */
export async function catalogueOf(
  deps: Pick<BuddyServiceDeps, 'programmes'>,
  tenantId: string,
): Promise<BuddySkill[]> {
  const byId = new Map<string, BuddySkill>(defaultDigitalSkills.map((s) => [s.id, s]));
  for (const { value } of await deps.programmes.list(tenantId)) {
    for (const skill of value.skills) {
      if (skill.kind === 'digital') byId.set(skill.id, { id: skill.id, label: skill.label });
    }
  }
  return [...byId.values()];
}

/** A buddy or asker as the calendar port sees them: working hours from their quick-help settings. */
export function calendarPerson(
  person: Person,
  settings?: Pick<BuddySettings, 'workingDays' | 'workingHours' | 'timeZone'>,
): CalendarPerson {
  const days = settings?.workingDays ?? ['mon', 'tue', 'wed', 'thu', 'fri'];
  const hours = settings?.workingHours ?? { start: '09:00', end: '18:00' };
  return {
    id: person.id,
    email: person.email,
    displayName: person.displayName,
    timeZone: settings?.timeZone ?? person.timeZone,
    workingHours: days.map((day) => ({ day, start: hours.start, end: hours.end })),
  };
}
