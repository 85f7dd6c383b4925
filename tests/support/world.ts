import type { BotServices } from '../../bot/bot-services';
import { loadConfig, type Config } from '../../src/config';
import type { CalendarProviderOptions } from '../../src/app/calendar-provider';
import { createServices, type Services } from '../../src/app/services';
import { systemClock, type Clock } from '../../src/domain/clock';
import {
  MatchingService,
  type MatchingServiceDeps,
} from '../../src/services/matching/matching-service';
import type { Repositories } from '../../src/store/repositories';
import { recordingLogger } from './logger';
import { startLocalCosmos, type LocalCosmos } from './local-cosmos';
import { DevTokenIssuer } from '../../src/local/dev-sign-in';

/** The app's service layer over a fresh local Cosmos: what the app wires, minus the HTTP server. */
export type World = LocalCosmos & {
  readonly config: Config;
  readonly clock: Clock;
  readonly log: ReturnType<typeof recordingLogger>;
  readonly services: Services;
  /** The same wiring over the same repositories, living at another time. */
  servicesAt(clock: Clock): Services;
};

/** The configuration a test world runs with: loopback, no scheduler, quiet logs; `env` overrides. */
function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    SCHEDULER: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/**
 * Local Cosmos, every repository (`createRepositories`) and every service (`createServices`),
 * as src/app builds them. A test that replaces one collaborator builds that one by hand.
 */
export async function startWorld(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    calendar?: CalendarProviderOptions;
  } = {},
): Promise<World> {
  const cosmos = await startLocalCosmos();
  const config = testConfig(options.env);
  const clock = options.clock ?? systemClock;
  // Errors the services log are kept (`world.log.errors`); the rest is dropped.
  const log = recordingLogger();
  const servicesAt = (at: Clock) =>
    createServices({
      config,
      repos: cosmos.repos,
      clock: at,
      log,
      devTokens: new DevTokenIssuer({ clock: at }),
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
  return {
    ...cosmos,
    config,
    clock,
    log,
    services: servicesAt(clock),
    servicesAt,
  };
}

/** What the bot is given, as src/app/start-server.ts gives it, from the world's services. */
export function botServicesOf(world: World, services: Services, clock: Clock): BotServices {
  return {
    pairs: services.pairs,
    approvals: services.approvals,
    directory: services.directory,
    buddy: services.buddy,
    conversations: world.repos.conversations,
    clock,
  };
}

/**
 * The matching service over `repos` as createServices wires it, but with a pair creator that
 * fails: for tests in which no answer may make a pair (and no Teams message is queued unless
 * `notifications` is given). `deps` adds to or replaces the rest (clock, log, engine, runs…).
 */
export function matchingThatMakesNoPairs(
  repos: Repositories,
  deps: Pick<MatchingServiceDeps, 'clock' | 'log'> & Partial<MatchingServiceDeps>,
): MatchingService {
  return new MatchingService({
    programmes: repos.programmes,
    profiles: repos.profiles,
    people: repos.people,
    proposals: repos.proposals,
    runs: repos.matchingRuns,
    locks: repos.matchingLocks,
    pairs: repos.pairs,
    pairCreator: { createFromProposal: () => Promise.reject(new Error('not expected')) },
    ...deps,
  });
}
