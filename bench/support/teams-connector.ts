import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the connector accepted, with where it was posted. */
export type ReceivedActivity = {
  conversationId: string;
  tenantId: string;
  /** Set for replies (`POST .../activities/:replyToId`) and updates (`PUT .../activities/:id`). */
  activityId?: string;
  method: 'POST' | 'PUT';
  at: number;
  activity: Record<string, unknown>;
};

export type TeamsConnectorOptions = {
  /** Teams allows a bot 7 messages per second per conversation. */
  perConversationPerSecond?: number;
  /** …and 50 per second per tenant. */
  perTenantPerSecond?: number;
  /** Seconds sent in Retry-After on a 429. */
  retryAfterSeconds?: number;
  /** Milliseconds the connector takes to answer, as a real service would. */
  latencyMs?: number;
  /** Answer this many first requests with a 500 (to test retries). */
  failFirst?: number;
  /** Answer this many first requests with a 429, whatever the rate (to test throttling). */
  throttleFirst?: number;
};

/** A loopback stand-in for the Bot Connector service that enforces the documented Teams limits. */
export type TeamsConnector = {
  /** The serviceUrl to put on activities and conversation references (ends with '/'). */
  readonly url: string;
  readonly received: ReceivedActivity[];
  /** How many requests were answered 429. */
  throttled(): number;
  /** How many of those 429s were for the tenant limit (the rest: a conversation's). */
  throttledByTenant(): number;
  /** How many were answered 500 on purpose. */
  failed(): number;
  close(): Promise<void>;
};

const route = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** Starts the connector on 127.0.0.1 and a random port. */
export async function startTeamsConnector(
  options: TeamsConnectorOptions = {},
): Promise<TeamsConnector> {
  const perConversation = options.perConversationPerSecond ?? 7;
  const perTenant = options.perTenantPerSecond ?? 50;
  const retryAfter = options.retryAfterSeconds ?? 1;
  const received: ReceivedActivity[] = [];
  // Sliding one-second windows of accepted send times, per key.
  const windows = new Map<string, number[]>();
  let throttled = 0;
  let throttledByTenant = 0;
  let failed = 0;
  let toFail = options.failFirst ?? 0;
  let toThrottle = options.throttleFirst ?? 0;

  const admit = (key: string, limit: number, now: number): boolean => {
    const times = (windows.get(key) ?? []).filter((t) => now - t < 1000);
    windows.set(key, times);
    return times.length < limit;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = route.exec(url.pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      return send(res, 404, {
        error: { code: 'NotFound', message: `No route ${req.method} ${url.pathname}` },
      });
    }
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return send(res, 400, { error: { code: 'BadArgument', message: 'Body is not JSON.' } });
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (toFail > 0) {
      toFail -= 1;
      failed += 1;
      return send(res, 500, { error: { code: 'ServiceError', message: 'Injected failure.' } });
    }
    if (toThrottle > 0) {
      toThrottle -= 1;
      throttled += 1;
      res.setHeader('Retry-After', String(retryAfter));
      return send(res, 429, { error: { code: 'TooManyRequests', message: 'Throttled.' } });
    }
    const conversationId = decodeURIComponent(match[1] ?? '');
    const tenantId = tenantOf(activity);
    const now = Date.now();
    const conversationKey = `c:${conversationId}`;
    const tenantKey = `t:${tenantId}`;
    const conversationOk = admit(conversationKey, perConversation, now);
    const tenantOk = admit(tenantKey, perTenant, now);
    if (!conversationOk || !tenantOk) {
      throttled += 1;
      if (!tenantOk) throttledByTenant += 1;
      res.setHeader('Retry-After', String(retryAfter));
      return send(res, 429, { error: { code: 'TooManyRequests', message: 'Throttled.' } });
    }
    windows.get(conversationKey)?.push(now);
    windows.get(tenantKey)?.push(now);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    received.push({
      conversationId,
      tenantId,
      activityId,
      method: req.method,
      at: now,
      activity,
    });
    const id = req.method === 'PUT' && activityId ? activityId : `activity-${received.length}`;
    return send(res, req.method === 'PUT' ? 200 : 201, { id });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: { code: 'ServiceError', message: String(error) } });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    throttled: () => throttled,
    throttledByTenant: () => throttledByTenant,
    failed: () => failed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function tenantOf(activity: Record<string, unknown>): string {
  const conversation = activity.conversation as { tenantId?: string } | undefined;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return conversation?.tenantId ?? channelData?.tenant?.id ?? 'unknown-tenant';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}
