import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';

/** Where and how to reach Cosmos DB: a key, or an Entra ID credential. */
export type CosmosTarget =
  | { readonly endpoint: string; readonly key: string }
  | { readonly endpoint: string; readonly credential: TokenCredential };

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
  if (!isLoopbackEndpoint(target.endpoint)) {
    return new CosmosClient({ endpoint: target.endpoint, ...auth });
  }
  return new CosmosClient({
    endpoint: target.endpoint,
    ...auth,
    // Keep-alive matters: without it the local server is 3-5x slower (TESTBED.md). A bounded pool:
    // under a burst, requests wait for a warm connection instead of each opening its own TLS
    // connection to a server in this very process, which starved it (npm run bench:load).
    agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true, maxSockets: 16 }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}
