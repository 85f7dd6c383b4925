import { hostname } from 'node:os';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import { NotificationPlanner } from '../notifications/notification-planner';
import { CalendarRefreshSweep } from '../services/calendar/calendar-sweep';
import { clockTimer } from '../notifications/timer';
import { ApprovalService } from '../services/approval-service';
import { BuddyService } from '../services/buddy/buddy-service';
import type { DevTokens } from '../services/auth/dev-tokens';
import { EntraTokenVerifier } from '../services/auth/entra-token-verifier';
import { TokenAuthenticator } from '../services/auth/token-authenticator';
import { PairCalendarService } from '../services/calendar/pair-calendar-service';
import { IdentityLinker } from '../services/people/identity-linker';
import { IdentityService } from '../services/people/identity-service';
import { ImportService } from '../services/import/import-service';
import { HealthService } from '../services/health/health-service';
import { MatchingService } from '../services/matching/matching-service';
import { CosmosOrgDirectory } from '../services/people/org-directory';
import { PairService } from '../services/pairs/pair-service';
import { ProfileService } from '../services/programmes/profile-service';
import { ProgrammeService } from '../services/programmes/programme-service';
import {
  createNotificationOutbox,
  type DispatchWake,
} from '../services/outbox/notification-outbox';
import { AuditService } from '../services/privacy/audit-service';
import { ErasureService } from '../services/privacy/erasure-service';
import { PersonalDataExporter } from '../services/privacy/personal-data-export';
import { RetentionService } from '../services/privacy/retention-service';
import { NotificationPurge } from '../services/privacy/notification-purge';
import type { Repositories } from '../store/repositories';
import { createCalendarProvider, type CalendarProviderOptions } from './calendar-provider';

/** Every service of the app, built once over one set of repositories (tab and bot share them). */
export type Services = ReturnType<typeof createServices>;

/** Unique per process: whose leases (notification claims, calendar reads) these are. */
export const instanceId = `${hostname()}-${process.pid}`;

/** Builds the service layer: the one place services are wired to each other and to adapters. */
export function createServices(deps: {
  config: Config;
  repos: Repositories;
  clock: Clock;
  log: Logger;
  calendar?: CalendarProviderOptions;
  /** Development sign-in, when DEV_SIGN_IN is on (src/local/dev-sign-in.ts, loaded by the caller). */
  devTokens?: DevTokens;
  /**
   * This instance's notification dispatcher (src/app/background.ts), woken when an event queues
   * a message; without it (no scheduler here, tests) other instances' polls send it.
   */
  dispatchWake?: DispatchWake;
}) {
  const { config, repos, clock, log } = deps;
  // Messages caused by an event (an approval asked or decided, a proposal published) are queued
  // by the service that handles it, due now, and the dispatcher is woken to send them at once.
  const outbox = createNotificationOutbox({
    store: repos.notifications,
    clock,
    ...(deps.dispatchWake ? { wake: deps.dispatchWake } : {}),
  });
  // The org directory is the people container; a Graph adapter will implement OrgDirectory.
  const directory = new CosmosOrgDirectory({ people: repos.people });

  // Who is calling: Entra ID v2 tokens (Teams SSO) and, on loopback only, development sign-in.
  const devIssuer = config.auth.devSignIn ? deps.devTokens : undefined;
  if (config.auth.devSignIn && !devIssuer) {
    throw new Error('DEV_SIGN_IN is on: pass the development sign-in (src/local/dev-sign-in.ts).');
  }
  const authenticator = new TokenAuthenticator({
    ...(config.auth.clientId
      ? {
          entra: new EntraTokenVerifier({
            clientId: config.auth.clientId,
            ...(config.auth.appIdUri ? { appIdUri: config.auth.appIdUri } : {}),
            tenantIds: config.auth.tenantIds,
            ...(config.auth.jwksUri ? { jwksUri: config.auth.jwksUri } : {}),
            clock,
          }),
        }
      : {}),
    ...(devIssuer ? { dev: devIssuer } : {}),
    leadEmails: config.auth.leadEmails,
    clock,
  });
  const identity = new IdentityService({
    directory,
    programmes: repos.programmes,
    pairs: repos.pairs,
    linker: new IdentityLinker({ people: repos.people, profiles: repos.profiles }),
    leadEmails: config.auth.leadEmails,
    ...(devIssuer ? { dev: { tenantId: config.demoTenantId, issuer: devIssuer } } : {}),
  });

  // The audit log: lead and manager actions, exports and erasures (append and list only).
  const audit = new AuditService({ audit: repos.audit, people: repos.people, clock });

  // Programmes, profiles and the CSV import.
  const programmes = new ProgrammeService({
    audit,
    programmes: repos.programmes,
    profiles: repos.profiles,
    proposals: repos.proposals,
    directory,
    clock,
  });
  const profiles = new ProfileService({
    profiles: repos.profiles,
    programmes,
    identity,
    directory,
    clock,
    // Pausing or leaving withdraws the person's open proposals at once (matching, built below).
    proposals: {
      withdrawFor: (tenantId, programmeId, personId) =>
        matching.withdrawFor(tenantId, programmeId, personId),
    },
  });
  const imports = new ImportService({
    audit,
    programmes,
    people: repos.people,
    profiles: repos.profiles,
    jobs: repos.importJobs,
    clock,
    log,
    leaseMs: config.workLeaseMs,
  });

  // Manager approval of the pair's time: the tab and the bot's card.
  const approvals = new ApprovalService({
    audit,
    approvals: repos.approvals,
    pairs: repos.pairs,
    people: repos.people,
    programmes: repos.programmes,
    outbox,
    clock,
  });

  // The pair's journey: dashboard, agreement, sessions, feedback, pause and resume.
  const pairs = new PairService({
    pairs: repos.pairs,
    notes: repos.notes,
    programmes: repos.programmes,
    profiles: repos.profiles,
    directory,
    clock,
    approvals,
    // Pausing or ending cancels the rest of the pair's series (calendar, below).
    afterClose: (tenantId, pairId) => calendar.afterPairClosed(tenantId, pairId),
    // A pause drops the pair's queued reminders and nudges, from the tab and from the bot alike.
    notifications: repos.notifications,
  });

  // Matching: background runs, the lead's review, each answer.
  const matching = new MatchingService({
    audit,
    programmes: repos.programmes,
    profiles: repos.profiles,
    people: repos.people,
    proposals: repos.proposals,
    runs: repos.matchingRuns,
    locks: repos.matchingLocks,
    pairs: repos.pairs,
    pairCreator: pairs,
    // Publishing and repairs tell each person in Teams chat at once (proposal_published).
    outbox,
    notifications: repos.notifications,
    clock,
    log,
  });

  // The pair's sessions in both calendars: Graph or the local calendar.
  const calendars = createCalendarProvider(config, repos.calendar, clock, deps.calendar);
  const calendar = new PairCalendarService({
    pairs: repos.pairs,
    profiles: repos.profiles,
    directory,
    calendars,
    clock,
    publicUrl: config.publicUrl,
    syncs: repos.calendarSyncs,
    bookings: repos.bookingIntents,
    refreshMinAgeMs: config.calendarRefresh.minAgeMs,
    instanceId,
    // Moves and declines found in the calendar are told to the pair by the bot, at once.
    notifications: outbox,
    log,
  });

  // Quick help from a digital buddy: offers, connect and close cards go through the notifier.
  const buddy = new BuddyService({
    buddies: repos.buddies,
    requests: repos.helpRequests,
    weeks: repos.buddyWeeks,
    people: repos.people,
    profiles: repos.profiles,
    programmes: repos.programmes,
    // Offers, accepts and connect cards are caused by an event: the outbox sends them at once.
    notifications: outbox,
    calendars,
    clock,
    log,
    instanceId,
    publicUrl: config.publicUrl,
  });

  // Background work over the same services (started by src/app/background.ts).
  const planner = new NotificationPlanner({
    // The tenants where someone installed the bot.
    tenants: () => repos.conversations.tenants(),
    pairs: repos.pairs,
    programmes: repos.programmes,
    people: repos.people,
    approvals: repos.approvals,
    notifications: repos.notifications,
    proposals: repos.proposals,
    timer: clockTimer(clock),
    log,
  });
  // Declines and moves made in Outlook reach pairs whose dashboard nobody opens.
  const calendarSweep = new CalendarRefreshSweep({
    pairs: repos.pairs,
    syncs: repos.calendarSyncs,
    calendar,
    clock,
    intervalMs: config.calendarRefresh.sweepIntervalMs,
    log,
  });

  // Programme health: figures stored per programme, the lead's nudges, the bilan, managers' view.
  const health = new HealthService({
    programmes: repos.programmes,
    pairs: repos.pairs,
    profiles: repos.profiles,
    people: repos.people,
    approvals: repos.approvals,
    runs: repos.matchingRuns,
    figures: repos.figures,
    // A lead's nudge or reminder is an event: the bot sends it at once.
    notifications: outbox,
    audit,
    // Quick help is tenant-wide: its figures join each programme's follow-up and bilan.
    informalHelp: buddy,
    conversations: repos.conversations,
    clock,
    instanceId,
    log,
  });

  // Personal data: export, erasure (through matching and pairs), retention.
  const exporter = new PersonalDataExporter({ repos, audit, clock });
  const erasure = new ErasureService({ repos, matching, pairs, audit, clock });
  const retention = new RetentionService({
    repos,
    managed: (principal, programmeId) => programmes.managed(principal, programmeId),
    audit,
    clock,
    instanceId,
  });
  // Sent, failed and cancelled messages go after NOTIFICATION_RETENTION_DAYS (leased, batched).
  const notificationPurge = new NotificationPurge({
    notifications: repos.notifications,
    leases: repos.backgroundLeases,
    clock,
    instanceId,
    retentionDays: config.notificationRetentionDays,
  });

  return {
    outbox,
    audit,
    exporter,
    erasure,
    retention,
    notificationPurge,
    directory,
    authenticator,
    identity,
    programmes,
    profiles,
    imports,
    approvals,
    pairs,
    matching,
    calendar,
    buddy,
    planner,
    calendarSweep,
    health,
  };
}
