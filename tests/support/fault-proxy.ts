import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the proxy does to a request it picks. */
export type Fault =
  /** Answer 429 with `x-ms-retry-after-ms`, as Cosmos DB does when the RU budget is spent. */
  | { readonly kind: 'throttle'; readonly retryAfterMs: number }
  /** Answer 503 ServiceUnavailable without forwarding. */
  | { readonly kind: 'unavailable' }
  /** Forward after `delayMs`. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /**
   * Reset the connection (TCP RST): `before` the request reaches Cosmos (nothing applied), or
   * `after` Cosmos answered (applied, but the answer is lost).
   */
  | { readonly kind: 'reset'; readonly when: 'before' | 'after' }
  /**
   * Never forward nor answer: the request stays in the proxy until its client goes away. A test
   * that kills the app (SIGKILL) the moment a write is held has stopped it exactly before that
   * write, with everything before it stored.
   */
  | { readonly kind: 'hold' };

/** A request as the proxy saw it. */
export type ProxiedRequest = {
  readonly method: string;
  readonly path: string;
  /** A document create, replace, upsert, patch or delete (not a query). */
  readonly write: boolean;
  /** A point read or a query of documents. */
  readonly read: boolean;
  /** The request body (a document written, a query). */
  readonly body: string;
  /** The fault applied to it, if any. */
  fault?: Fault['kind'];
};

type Rule = { fault: Fault; left: number; match: (r: ProxiedRequest) => boolean };

/** A TLS-terminating proxy in front of a Cosmos DB endpoint that injects faults on request. */
export type FaultProxy = {
  /** Give this to the app as COSMOS_ENDPOINT. */
  readonly endpoint: string;
  /** Every request seen, in order. */
  readonly seen: readonly ProxiedRequest[];
  /** The most requests that were in the proxy at once since the last `reset()`. */
  readonly maxInFlight: number;
  /** The requests in the proxy now. */
  readonly inFlight: number;
  /** Apply `fault` to the next `times` requests matching `match` (default: every request). */
  inject(fault: Fault, options?: { times?: number; match?: (r: ProxiedRequest) => boolean }): void;
  /** Forget every rule, the log and the high-water mark. */
  reset(): void;
  close(): Promise<void>;
};

export const writes = (r: ProxiedRequest) => r.write;
export const reads = (r: ProxiedRequest) => r.read;

/** The local server's own certificate (self-signed; the app trusts it for loopback only). */
function localCertificate(): { cert: Buffer; key: Buffer } {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('@vercel/cosmosdb-server')), '..');
  return { cert: readFileSync(join(root, 'cert.pem')), key: readFileSync(join(root, 'key.pem')) };
}

/** Start a fault proxy on 127.0.0.1 in front of `upstream` (an https Cosmos endpoint). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  let rules: Rule[] = [];
  let seen: ProxiedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const classify = (req: IncomingMessage, body: Buffer): ProxiedRequest => {
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const documents = /\/docs(\/|$|\?)/.test(path);
    const query = req.headers['x-ms-documentdb-isquery'] === 'true';
    const write =
      documents && !query && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());
    return { method, path, write, read: documents && !write, body: body.toString('utf8') };
  };

  const pick = (request: ProxiedRequest): Fault | undefined => {
    const rule = rules.find((r) => r.left > 0 && r.match(request));
    if (!rule) return undefined;
    rule.left -= 1;
    request.fault = rule.fault.kind;
    return rule.fault;
  };

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const out = https.request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: target.host },
            agent,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 502,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
            res.on('error', reject);
          },
        );
        out.on('error', reject);
        out.end(body);
      },
    );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const request = classify(req, body);
      seen.push(request);
      const fault = pick(request);
      if (fault?.kind === 'throttle') {
        res.writeHead(429, {
          'content-type': 'application/json',
          'x-ms-retry-after-ms': String(fault.retryAfterMs),
          'x-ms-substatus': '3200',
        });
        res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large.' }));
        return;
      }
      if (fault?.kind === 'unavailable') {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'Service is unavailable.' }));
        return;
      }
      if (fault?.kind === 'hold') {
        await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
        return;
      }
      if (fault?.kind === 'reset' && fault.when === 'before') {
        req.socket.resetAndDestroy();
        return;
      }
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
      const answer = await forward(req, body);
      if (fault?.kind === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    } finally {
      inFlight -= 1;
    }
  };

  const server = https.createServer({ ...localCertificate(), keepAlive: true }, (req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `https://127.0.0.1:${port}/`,
    get seen() {
      return seen;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    inject(fault, options = {}) {
      rules.push({ fault, left: options.times ?? Infinity, match: options.match ?? (() => true) });
    },
    reset() {
      rules = [];
      seen = [];
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
