import type { Store } from './database';
import { ApprovalRepository } from './approval-repository';
import { AuditRepository } from './audit-repository';
import { BackgroundLeaseRepository } from './background-lease-repository';
import { BuddyRepository, BuddyWeekRepository } from './buddy-repository';
import { HelpRequestRepository } from './help-request-repository';
import { CalendarRepository } from './calendar-repository';
import { BookingIntentRepository } from './booking-intent-repository';
import { CalendarSyncRepository } from './calendar-sync-repository';
import { ConversationRepository } from './conversation-repository';
import { FiguresRepository } from './figures-repository';
import { ImportJobRepository } from './import-job-repository';
import { MatchingLockRepository, MatchingRunRepository } from './job-repository';
import { NoteRepository } from './note-repository';
import { NotificationRepository } from './notification-repository';
import { PairRepository } from './pair-repository';
import { PeopleRepository } from './people-repository';
import { PersonalDataRepository } from './personal-data-repository';
import { ProfileRepository } from './profile-repository';
import { ProgrammeRepository } from './programme-repository';
import { ProposalRepository } from './proposal-repository';

/** Every repository of the app, one instance each over one store. */
export type Repositories = {
  readonly people: PeopleRepository;
  readonly programmes: ProgrammeRepository;
  readonly profiles: ProfileRepository;
  readonly proposals: ProposalRepository;
  readonly pairs: PairRepository;
  readonly notes: NoteRepository;
  readonly approvals: ApprovalRepository;
  readonly notifications: NotificationRepository;
  readonly conversations: ConversationRepository;
  readonly calendar: CalendarRepository;
  readonly calendarSyncs: CalendarSyncRepository;
  /** Bookings under way: what a crash between the calendar and the pair leaves. */
  readonly bookingIntents: BookingIntentRepository;
  readonly importJobs: ImportJobRepository;
  readonly matchingRuns: MatchingRunRepository;
  readonly matchingLocks: MatchingLockRepository;
  /** Leases of background tasks that span tenants (the notification purge). */
  readonly backgroundLeases: BackgroundLeaseRepository;
  readonly figures: FiguresRepository;
  readonly audit: AuditRepository;
  /** Every container at once, for erasure and the retention purge. */
  readonly personalData: PersonalDataRepository;
  readonly buddies: BuddyRepository;
  readonly helpRequests: HelpRequestRepository;
  readonly buddyWeeks: BuddyWeekRepository;
};

/**
 * The one place repositories are built: the composition root (src/main.ts), the demo seed, the
 * tests and the benches all take them from here, so a repository's options live in one spot.
 */
export function createRepositories(
  store: Pick<Store, 'container'>,
  options: { proposalPageSize?: number } = {},
): Repositories {
  const c = (name: Parameters<Store['container']>[0]) => store.container(name);
  return {
    people: new PeopleRepository(c('people')),
    programmes: new ProgrammeRepository(c('programmes')),
    profiles: new ProfileRepository(c('profiles')),
    proposals: new ProposalRepository(c('proposals'), options.proposalPageSize),
    pairs: new PairRepository(c('pairs')),
    notes: new NoteRepository(c('notes')),
    approvals: new ApprovalRepository(c('approvals')),
    notifications: new NotificationRepository(c('notifications')),
    conversations: new ConversationRepository(c('conversations')),
    calendar: new CalendarRepository(c('calendar')),
    calendarSyncs: new CalendarSyncRepository(c('calendar')),
    bookingIntents: new BookingIntentRepository(c('calendar')),
    importJobs: new ImportJobRepository(c('jobs')),
    matchingRuns: new MatchingRunRepository(c('jobs')),
    matchingLocks: new MatchingLockRepository(c('jobs')),
    backgroundLeases: new BackgroundLeaseRepository(c('jobs')),
    figures: new FiguresRepository(c('figures')),
    audit: new AuditRepository(c('audit')),
    personalData: new PersonalDataRepository(store),
    buddies: new BuddyRepository(c('buddies')),
    helpRequests: new HelpRequestRepository(c('helpRequests')),
    buddyWeeks: new BuddyWeekRepository(c('buddyWeeks')),
  };
}
