import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';

/** Where and how to reach Cosmos DB: a key, or an Entra ID credential. */
export type CosmosTarget =
  | { readonly endpoint: string; readonly key: string }
  | { readonly endpoint: string; readonly credential: TokenCredential };

/** Connections to Cosmos DB at once, per process: beyond, requests wait for a free one. */
export const maxCosmosConnections = 50;
/** How long one Cosmos DB request may take, waiting for a connection included. */
export const cosmosRequestTimeoutMs = 10_000;

/** True when the endpoint is this machine (the embedded or test server). */
export function isLoopbackEndpoint(endpoint: string): boolean {
  const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The one place a CosmosClient is built. For a loopback endpoint (the local protocol server) the
 * client accepts the server's self-signed certificate, which expired in 2021 (TESTBED.md); for any
 * other endpoint TLS is verified as usual.
 */
export function createCosmosClient(target: CosmosTarget): CosmosClient {
  const auth = 'key' in target ? { key: target.key } : { aadCredentials: target.credential };
  // The SDK's own agent opens as many connections as there are requests, each waiting up to 60 s:
  // when Cosmos DB is slow, requests would pile up without bound. Past `maxCosmosConnections` they
  // queue in the agent, and a request (queue included) fails after `cosmosRequestTimeoutMs` with
  // `store_unavailable` (503) rather than holding its caller.
  const connectionPolicy = { requestTimeout: cosmosRequestTimeoutMs };
  if (!isLoopbackEndpoint(target.endpoint)) {
    return new CosmosClient({
      endpoint: target.endpoint,
      ...auth,
      agent: new https.Agent({
        keepAlive: true,
        minVersion: 'TLSv1.2',
        maxSockets: maxCosmosConnections,
      }),
      connectionPolicy,
    });
  }
  return new CosmosClient({
    endpoint: target.endpoint,
    ...auth,
    // Keep-alive matters: without it the local server is 3-5x slower (TESTBED.md). A smaller pool
    // than Azure's: under a burst, requests wait for a warm connection instead of each opening its
    // own TLS connection to a server in this very process, which starved it (npm run bench:load).
    agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true, maxSockets: 16 }),
    connectionPolicy: { ...connectionPolicy, enableEndpointDiscovery: false },
  });
}
