import { expect } from 'vitest';
import { systemClock } from '../../src/domain/clock';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/local/embedded-cosmos';
import { seedDemoData } from '../../src/local/seed/seed-demo';
import { createCosmosClient } from '../../src/store/cosmos-client';
import { openStore, type Store } from '../../src/store/database';
import { createRepositories, type Repositories } from '../../src/store/repositories';
import {
  entraClaims,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../fixtures/jwks/test-identity-provider';
import { startAppProcess, type AppProcess } from './app-process';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from './fault-proxy';

export const tenantId = '11111111-2222-4333-8444-555555555555';
const clientId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
/** Short, so a test sees a dead process's work taken over in seconds (WORK_LEASE_SECONDS). */
export const testLeaseSeconds = 5;

/**
 * What outlives the app's process in a crash test: the Cosmos DB protocol server (the data), a
 * fault proxy in front of it (so a test sees, and can hold, each write the app makes), and the
 * Entra ID key server. The app runs as a child process in its Azure configuration against them,
 * is killed with SIGKILL and started again on the same data. Everything listens on 127.0.0.1.
 */
export type CrashWorld = {
  readonly proxy: FaultProxy;
  /** Repositories straight on the server, around the proxy (what is really stored). */
  readonly stored: Repositories;
  readonly store: Store;
  /** A signed Entra ID token for a person of the demo directory. */
  tokenFor(personId: string): Promise<string>;
  /** Starts the app (a new process, a new instance id) on the same data; `env` adds to its own. */
  startApp(env?: Record<string, string>): AppProcess;
  close(): Promise<void>;
};

/** The server with the demo company stored once (a restarted app does not seed it again). */
export async function startCrashWorld(): Promise<CrashWorld> {
  const upstream: EmbeddedCosmos = await startEmbeddedCosmos(0);
  const proxy = await startFaultProxy(upstream.endpoint);
  const idp: TestIdentityProvider = await startTestIdentityProvider();
  const client = createCosmosClient({ endpoint: upstream.endpoint, key: upstream.key });
  const store = await openStore(client, 'mentoring');
  await seedDemoData(store, tenantId, systemClock);
  const stored = createRepositories(store);
  const started: AppProcess[] = [];
  return {
    proxy,
    stored,
    store,
    async tokenFor(personId) {
      const person = (await stored.people.get(tenantId, personId)).value;
      return idp.sign(
        entraClaims({
          tenantId,
          audience: clientId,
          oid: person.id,
          email: person.email,
          name: person.displayName,
        }),
      );
    },
    startApp(env = {}) {
      const app = startAppProcess({
        COSMOS_ENDPOINT: proxy.endpoint,
        COSMOS_KEY: 'any-key-the-local-server-accepts',
        COSMOS_DATABASE: 'mentoring',
        SEED_DEMO_DATA: 'false',
        DEV_SIGN_IN: 'false',
        AUTH_CLIENT_ID: clientId,
        AUTH_APP_ID_URI: `api://mentoring.contoso.com/${clientId}`,
        AUTH_TENANT_IDS: tenantId,
        AUTH_JWKS_URI: idp.jwksUri,
        WORK_LEASE_SECONDS: String(testLeaseSeconds),
        ...env,
      });
      started.push(app);
      return app;
    },
    async close() {
      for (const app of started) {
        if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
        await app.exited;
      }
      client.dispose();
      await proxy.close();
      await idp.stop();
      await upstream.close();
    },
  };
}

/** Kills the app as a crash does: SIGKILL, nothing flushed, no shutdown handler run. */
export async function crash(app: AppProcess): Promise<void> {
  app.child.kill('SIGKILL');
  expect(await app.exited).toBeNull(); // killed by the signal, not exited
}

/**
 * Resolves true once `check` holds, looking every 20 ms; false if it still does not after
 * `withinMs` (a bound the behaviour under test promises, such as a lease running out).
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  withinMs = Infinity,
): Promise<boolean> {
  const end = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** Holds the first request matching `match` in the proxy, and resolves once the app sent it. */
export async function holdNext(
  proxy: FaultProxy,
  match: (r: ProxiedRequest) => boolean,
): Promise<ProxiedRequest> {
  proxy.inject({ kind: 'hold' }, { times: 1, match });
  let held: ProxiedRequest | undefined;
  await until(() => (held = proxy.seen.find((r) => r.fault === 'hold')) !== undefined);
  return held!;
}
