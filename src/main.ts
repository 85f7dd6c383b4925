import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import {
  ClientSecretCredential,
  DefaultAzureCredential,
  type TokenCredential,
} from '@azure/identity';
import { hostname } from 'node:os';
import { createBotRuntime } from '../bot/bot-runtime';
import { ApprovalRepository } from './store/approval-repository';
import { ConversationRepository } from './store/conversation-repository';
import { NotificationRepository } from './store/notification-repository';
import { createApiRoutes } from './api/api-routes';
import { approvalRoutes } from './api/approval-routes';
import { createHttpApp } from './api/http-app';
import { pairRoutes } from './api/pair-routes';
import { matchingRoutes } from './api/matching-routes';
import { calendarRoutes } from './api/calendar-routes';
import type { CalendarPort } from './calendar/calendar-port';
import { GraphCalendar } from './calendar/graph/graph-calendar';
import { LocalCalendar } from './calendar/local-calendar';
import { CalendarRepository } from './store/calendar-repository';
import { CalendarSyncRepository } from './store/calendar-sync-repository';
import { CalendarRefreshSweep } from './scheduler/calendar-refresh-sweep';
import { NotificationPlanner } from './scheduler/notification-planner';
import { clockTimer } from './scheduler/timer';
import {
  PairCalendarService,
  type CalendarProvider,
} from './services/calendar/pair-calendar-service';
import { ConfigError, loadConfig, type Config } from './config';
import { systemClock, type Clock } from './domain/clock';
import { createLogger, type Logger } from './logger';
import { createCosmosClient } from './store/cosmos-client';
import { openStore, type Store } from './store/database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './store/embedded-cosmos';
import { restoreSnapshot, SnapshotWriter } from './store/local-snapshot';
import { seedDemoData } from './store/seed/seed-demo';
import { ImportJobRepository } from './store/import-job-repository';
import { PeopleRepository } from './store/people-repository';
import { ProfileRepository } from './store/profile-repository';
import { ProgrammeRepository } from './store/programme-repository';
import { DevTokenIssuer } from './services/auth/dev-sign-in';
import { EntraTokenVerifier } from './services/auth/entra-token-verifier';
import { TokenAuthenticator } from './services/auth/token-authenticator';
import { IdentityLinker } from './services/identity-linker';
import { IdentityService } from './services/identity-service';
import { ImportService } from './services/import/import-service';
import { CosmosOrgDirectory } from './services/org-directory';
import { ProfileService } from './services/profile-service';
import { ProgrammeService } from './services/programme-service';
import { PairService } from './services/pair-service';
import { ApprovalService } from './services/approval-service';
import { MatchingService } from './services/matching/matching-service';
import { MatchingLockRepository, MatchingRunRepository } from './store/job-repository';
import { ProposalRepository } from './store/proposal-repository';
import { NoteRepository } from './store/note-repository';
import { PairRepository } from './store/pair-repository';
import { shippedToolkit } from './toolkit/toolkit';

/** A started application, for `npm start` and the tests. */
export type RunningServer = {
  readonly url: string;
  readonly config: Config;
  readonly store: Store;
  /** The embedded Cosmos server in local mode (tests stop it to see the store go down). */
  readonly embeddedCosmos?: EmbeddedCosmos;
  stop(): Promise<void>;
};

export type StartOptions = { log?: Logger; clock?: Clock; tabDir?: string };

const rootDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The composition root: the only place concrete adapters are built and wired. */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();

  // Store: the embedded Cosmos protocol server on loopback, or Azure Cosmos DB.
  let embedded: EmbeddedCosmos | undefined;
  let snapshots: SnapshotWriter | undefined;
  let store: Store;
  if (config.cosmos.mode === 'embedded') {
    embedded = await startEmbeddedCosmos(0);
    store = await openStore(
      createCosmosClient({ endpoint: embedded.endpoint, key: embedded.key }),
      config.cosmos.database,
    );
    const file = resolve(join(config.cosmos.dataDir, 'cosmos-snapshot.json'));
    const restored = config.cosmos.snapshot ? await restoreSnapshot(store, file) : false;
    if (restored) {
      log.info(
        `Local data restored from ${file} (${restored.documents} documents saved ${restored.savedAt}).`,
      );
    } else if (config.seedDemoData) {
      const count = await seedDemoData(store, config.demoTenantId, clock);
      log.info(`Demo data loaded: Maison Lumière, ${count} documents.`);
    }
    if (config.cosmos.snapshot) {
      snapshots = new SnapshotWriter({
        store,
        file,
        now: () => clock.now(),
        onError: (e) => log.error('snapshot failed', e),
      });
      const writer = snapshots;
      embedded.onWrite(() => writer.markDirty());
      if (!restored) {
        writer.markDirty();
        await writer.flush();
      }
      log.info(`Local data is saved in ${file}; run "npm run reset" to start afresh.`);
    }
  } else {
    const target = config.cosmos.key
      ? { endpoint: config.cosmos.endpoint, key: config.cosmos.key }
      : { endpoint: config.cosmos.endpoint, credential: new DefaultAzureCredential() };
    store = await openStore(createCosmosClient(target), config.cosmos.database);
    if (config.seedDemoData) await seedDemoData(store, config.demoTenantId, clock);
  }

  // Tab API: Entra ID v2 tokens (Teams SSO) and, on loopback only, development sign-in.
  const peopleRepo = new PeopleRepository(store.container('people'));
  const programmeRepo = new ProgrammeRepository(store.container('programmes'));
  const profileRepo = new ProfileRepository(store.container('profiles'));
  const pairRepo = new PairRepository(store.container('pairs'));
  const notificationRepo = new NotificationRepository(store.container('notifications'));
  // The org directory is the people container; a Graph adapter will implement OrgDirectory.
  const directory = new CosmosOrgDirectory({ people: peopleRepo });
  const devIssuer = config.auth.devSignIn ? new DevTokenIssuer({ clock }) : undefined;
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
  });
  const identity = new IdentityService({
    directory,
    programmes: programmeRepo,
    linker: new IdentityLinker({ people: peopleRepo, profiles: profileRepo }),
    leadEmails: config.auth.leadEmails,
    ...(devIssuer ? { dev: { tenantId: config.demoTenantId, issuer: devIssuer } } : {}),
  });
  const programmes = new ProgrammeService({
    programmes: programmeRepo,
    profiles: profileRepo,
    directory,
    clock,
  });
  const profiles = new ProfileService({
    profiles: profileRepo,
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
    programmes,
    people: peopleRepo,
    profiles: profileRepo,
    jobs: new ImportJobRepository(store.container('jobs')),
    clock,
    log,
  });
  const api = createApiRoutes({
    authenticator,
    authConfig: {
      devSignIn: config.auth.devSignIn,
      ...(config.auth.clientId ? { clientId: config.auth.clientId } : {}),
      ...(config.auth.appIdUri ? { appIdUri: config.auth.appIdUri } : {}),
    },
    identity,
    programmes,
    profiles,
    imports,
  });

  // Manager approval of the pair's time (src/contracts/approvals.ts): the tab and the bot's card.
  const approvals = new ApprovalService({
    approvals: new ApprovalRepository(store.container('approvals')),
    pairs: pairRepo,
    people: peopleRepo,
    programmes: programmeRepo,
    notifications: notificationRepo,
    clock,
  });
  api.route('/', approvalRoutes({ authenticator, approvals }));

  // The pair's journey (src/contracts/pairs.ts): dashboard, agreement, sessions, feedback.
  const pairs = new PairService({
    pairs: pairRepo,
    notes: new NoteRepository(store.container('notes')),
    programmes: programmeRepo,
    profiles: profileRepo,
    directory,
    clock,
    approvals,
    // Pausing or ending cancels the rest of the pair's series (pairCalendar, below).
    afterClose: (tenantId, pairId) => pairCalendar.afterPairClosed(tenantId, pairId),
    // A pause drops the pair's queued reminders and nudges, from the tab and from the bot alike.
    notifications: notificationRepo,
  });
  api.route('/', pairRoutes({ authenticator, pairs, toolkit: shippedToolkit }));

  // Matching (src/contracts/matching.ts): background runs, the lead's review, each answer.
  const matching = new MatchingService({
    programmes: programmeRepo,
    profiles: profileRepo,
    people: peopleRepo,
    proposals: new ProposalRepository(store.container('proposals')),
    runs: new MatchingRunRepository(store.container('jobs')),
    locks: new MatchingLockRepository(store.container('jobs')),
    pairs: pairRepo,
    pairCreator: pairs,
    // Publishing and repairs tell each person in Teams chat (proposal_published).
    notifications: notificationRepo,
    clock,
    log: (message, error) => log.error(message, error),
  });
  api.route('/', matchingRoutes({ authenticator, matching }));
  // Proposals whose answer time ran out are also expired on read; this sweep makes sure the people
  // left without a partner get their next proposal even when nobody opens the tab.
  const expirySweep = config.scheduler
    ? setInterval(() => {
        matching
          .expireEverywhere()
          .catch((error: unknown) => log.error('proposal expiry sweep failed', error));
      }, 60_000)
    : undefined;
  expirySweep?.unref();

  // The pair's sessions in both calendars (src/contracts/calendar.ts): Graph or the local calendar.
  const pairCalendar = new PairCalendarService({
    pairs: pairRepo,
    profiles: profileRepo,
    directory,
    calendars: createCalendarProvider(config, store, clock),
    clock,
    publicUrl: config.publicUrl,
    syncs: new CalendarSyncRepository(store.container('calendar')),
    refreshMinAgeMs: config.calendarRefresh.minAgeMs,
    instanceId: `${hostname()}-${process.pid}`,
    // Moves and declines found in the calendar are told to the pair by the bot.
    notifications: notificationRepo,
    log: (message, error) => log.error(message, error),
  });
  api.route('/', calendarRoutes({ authenticator, calendar: pairCalendar }));

  // The bot and its scheduler (reminders, nudges, approval cards), over the same services as the tab.
  const conversations = new ConversationRepository(store.container('conversations'));
  const botRuntime = createBotRuntime({
    // No app id: local and tests only, refused beyond loopback by src/config.ts.
    credentials: config.bot.appId ? config.bot : {},
    clock,
    services: { pairs, approvals, directory },
    conversations,
    scheduler: {
      queue: notificationRepo,
      planner: new NotificationPlanner({
        // The tenants where someone installed the bot.
        tenants: () => conversations.tenants(),
        pairs: pairRepo,
        programmes: programmeRepo,
        people: peopleRepo,
        approvals: new ApprovalRepository(store.container('approvals')),
        notifications: notificationRepo,
        proposals: new ProposalRepository(store.container('proposals')),
        timer: clockTimer(clock),
        log,
      }),
    },
    instanceId: `${hostname()}-${process.pid}`,
    tabUrl: `${config.publicUrl}/pair`,
    log,
  });
  if (config.scheduler) botRuntime.startScheduler();
  // Declines and moves made in Outlook reach pairs whose dashboard nobody opens (README "Calendars").
  const calendarSweep = config.scheduler
    ? new CalendarRefreshSweep({
        pairs: pairRepo,
        syncs: new CalendarSyncRepository(store.container('calendar')),
        calendar: pairCalendar,
        clock,
        intervalMs: config.calendarRefresh.sweepIntervalMs,
        log,
      })
    : undefined;
  calendarSweep?.start();

  const app = createHttpApp({
    health: {
      pingStore: () => store.ping(),
      mode: config.cosmos.mode,
      version: process.env.npm_package_version ?? '0.1.0',
      startedAt,
      now: () => clock.now(),
    },
    bot: botRuntime.endpoint,
    api,
    tabDir: options.tabDir ?? join(rootDir, 'tab', 'dist'),
    allowLoopbackFraming: config.cosmos.mode === 'embedded',
    log,
  });

  const server: ServerType = await new Promise((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolveServer(s),
    );
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    config,
    store,
    ...(embedded ? { embeddedCosmos: embedded } : {}),
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        clearInterval(expirySweep);
        await calendarSweep?.stop();
        await botRuntime.stop();
        await imports.drain();
        await matching.drain();
        await snapshots?.flush();
        store.client.dispose();
        await embedded?.close();
      })();
      return stopping;
    },
  };
}

/** Test seams for the Graph adapter: a credential and a loopback Graph (msw). */
export type CalendarProviderOptions = {
  credential?: TokenCredential;
  graphBaseUrl?: string;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * The pairs' calendars: Microsoft Graph with the app's credentials when GRAPH_* is configured
 * (application permission Calendars.ReadWrite, scoped to the participants' mailboxes; README
 * "Calendars"), else the local calendar in the Cosmos `calendar` container, one per tenant.
 */
export function createCalendarProvider(
  config: Config,
  store: Store,
  clock: Clock,
  options: CalendarProviderOptions = {},
): CalendarProvider {
  if (config.graph) {
    const { tenantId, clientId, clientSecret } = config.graph;
    const graph = new GraphCalendar({
      credential:
        options.credential ?? new ClientSecretCredential(tenantId, clientId, clientSecret),
      ...(options.graphBaseUrl ? { baseUrl: options.graphBaseUrl } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      clock,
    });
    return { kind: 'graph', calendarFor: () => graph };
  }
  const repository = new CalendarRepository(store.container('calendar'));
  const local = new Map<string, LocalCalendar>();
  const calendarFor = (tenantId: string): LocalCalendar => {
    let calendar = local.get(tenantId);
    if (!calendar) {
      calendar = new LocalCalendar({ repository, tenantId, clock });
      local.set(tenantId, calendar);
    }
    return calendar;
  };
  return {
    kind: 'local',
    calendarFor: (tenantId): CalendarPort => calendarFor(tenantId),
    exportIcs: (tenantId, series) => calendarFor(tenantId).exportIcs(series),
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error('See "Configuration" in README.md.');
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  // Listen for signals before starting, so a Ctrl-C during start-up still stops cleanly.
  const state: { running?: RunningServer; stopRequested: boolean } = { stopRequested: false };
  const shutdown = (signal: string) => {
    if (state.stopRequested) return;
    state.stopRequested = true;
    log.info(`${signal} received, stopping…`);
    if (!state.running) return; // stops as soon as start-up finishes
    state.running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const running = await startServer(config, { log });
  state.running = running;
  const where =
    config.cosmos.mode === 'embedded' ? 'embedded local Cosmos DB' : config.cosmos.endpoint;
  log.info(`Mentoring is running on ${running.url} (store: ${where}).`);
  if (config.auth.devSignIn)
    log.info('Development sign-in is on: open the URL and pick a demo persona.');
  if (state.stopRequested) {
    state.stopRequested = false;
    shutdown('stop requested during start-up');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error('Mentoring failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
