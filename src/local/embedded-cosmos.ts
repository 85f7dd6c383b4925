import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import type { ItemDefinition } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** One document write as the embedded server applied it, in the order it applied them. */
export type StoreWrite =
  | {
      readonly op: 'create' | 'upsert' | 'replace';
      readonly container: string;
      /** The resulting document, without Cosmos metadata (_rid, _etag, _ts...). */
      readonly doc: ItemDefinition;
    }
  | {
      readonly op: 'delete';
      readonly container: string;
      readonly id: string;
      /** The partition key value the delete was addressed to (undefined: the id). */
      readonly partitionKey: string | undefined;
    };

/** Where writes go to become durable (src/local/local-journal.ts). */
export interface WriteSink {
  /** Called synchronously as the write is applied; returns a ticket for `durable`. */
  record(write: StoreWrite): number;
  /** Settles once every write up to `ticket` is on disk; rejects when the journal failed. */
  durable(ticket: number): Promise<void>;
}

/** A Cosmos DB protocol server running inside this process, on loopback. */
export type EmbeddedCosmos = {
  readonly endpoint: string;
  /** The local server accepts any key; this one only documents intent. */
  readonly key: string;
  /**
   * From now on, every document write is recorded in `sink`, and its HTTP response is held until
   * `sink` says it is durable (undefined: stop recording). Meant for one database per server.
   */
  journalTo(sink: WriteSink | undefined): void;
  close(): Promise<void>;
};

/** The request being served and the last write it recorded. */
type RequestScope = { readonly sink: WriteSink; ticket: number };

const requestScope = new AsyncLocalStorage<RequestScope>();
const cosmosMetadata = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** The in-memory document set of @vercel/cosmosdb-server 1.0.1 (lib/account/documents.js). */
type DocumentsPrototype = Record<
  'create' | 'upsert' | 'replace' | 'delete',
  (this: { _parent: { read(): { id: string } } }, ...args: unknown[]) => unknown
>;

let hooked = false;

/**
 * Records each document write where the server applies it to its in-memory maps, synchronously:
 * so writes reach the journal in exactly the order they were applied, even when requests overlap,
 * and each with the document that resulted (after a patch, say). `upsert` and `replace` call
 * `create`/`delete` internally: only the outermost call is recorded. Writes made outside a
 * journaled request (tests' servers, the restore at start) go through untouched.
 */
function hookDocumentWrites(): void {
  if (hooked) return;
  const require = createRequire(import.meta.url);
  const documents = (
    require('@vercel/cosmosdb-server/lib/account/documents.js') as {
      default?: { prototype?: Partial<DocumentsPrototype> };
    }
  ).default?.prototype;
  const ops = ['create', 'upsert', 'replace', 'delete'] as const;
  if (!documents || ops.some((op) => typeof documents[op] !== 'function')) {
    // Pinned at 1.0.1 in package.json: an upgrade that moves this class must not go unnoticed.
    throw new Error(
      '@vercel/cosmosdb-server changed: lib/account/documents.js no longer has create/upsert/replace/delete; local mode cannot journal writes (see src/local/embedded-cosmos.ts)',
    );
  }
  let depth = 0;
  for (const op of ops) {
    const original = documents[op]!;
    documents[op] = function (this, ...args) {
      const scope = requestScope.getStore();
      if (!scope || depth > 0) return original.apply(this, args);
      depth++;
      let result: unknown;
      try {
        result = original.apply(this, args);
      } finally {
        depth--;
      }
      const container = this._parent.read().id;
      if (op === 'delete') {
        const [id, partitionKey] = args;
        scope.ticket = scope.sink.record({
          op,
          container,
          id: String(id),
          partitionKey:
            partitionKey === undefined || partitionKey === null ? undefined : String(partitionKey),
        });
      } else {
        const doc: ItemDefinition = { ...(result as ItemDefinition) };
        for (const key of cosmosMetadata) delete doc[key];
        scope.ticket = scope.sink.record({ op, container, doc });
      }
      return result;
    };
  }
  hooked = true;
}

/** Set by @azure/cosmos on the query-plan request it sends beside every query. */
const queryPlanHeader = 'x-ms-cosmos-is-query-plan-request';

/**
 * @azure/cosmos 4.9 sends, with every query, a request for the gateway's query plan, and uses the
 * plan only when the query itself is refused as needing one (a cross-partition ORDER BY, TOP or
 * aggregate on real Cosmos DB). This server never refuses a query that way, so the plan is never
 * used; but it answers that request as a query, running it a second time and sending every
 * matching document back for nothing (/api/me asked three queries: six executions). Refused here
 * at once: the SDK keeps the refusal aside and only throws it if it ever needed the plan.
 */
function refuseQueryPlan(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const body = JSON.stringify({
    code: 'BadRequest',
    message: 'The local Cosmos server makes no query plans; queries run as sent.',
  });
  res.writeHead(400, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-ms-activity-id': String(req.headers['x-ms-activity-id'] ?? ''),
  });
  res.end(body);
}

/** Start `@vercel/cosmosdb-server` on 127.0.0.1 (port 0 = any free port). */
export async function startEmbeddedCosmos(
  port = 0,
  options: { onJournalError?: (error: unknown) => void } = {},
): Promise<EmbeddedCosmos> {
  const server: Server = createHttpsServer({ keepAlive: true });
  // Idle keep-alive connections stay open until the client or close() ends them. Node's default
  // closes one after 5 s (+1 s grace) without telling the client (no Keep-Alive hint: the server sets
  // its own Connection header), so a request sent on it at that moment fails with "socket hang up"
  // (ECONNRESET); @azure/cosmos retries reads and queries, not writes. Loopback only, few sockets.
  server.keepAliveTimeout = 0;

  // The package's own request listener, wrapped: a request that wrote is answered only once its
  // journal line is durable, so an acknowledged write survives kill -9 (SIGKILL flushes nothing).
  let sink: WriteSink | undefined;
  const [handler] = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  if (!handler) throw new Error('@vercel/cosmosdb-server has no request listener to wrap');
  server.removeListener('request', handler);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers[queryPlanHeader] !== undefined) return refuseQueryPlan(req, res);
    if (!sink) return handler(req, res);
    const scope: RequestScope = { sink, ticket: 0 };
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      if (scope.ticket === 0) return end(...args);
      scope.sink.durable(scope.ticket).then(
        () => end(...args),
        (error: unknown) => {
          options.onJournalError?.(error);
          // Applied in memory but not durable: the caller must not take it as acknowledged.
          res.statusCode = 503;
          end(
            JSON.stringify({
              code: 'ServiceUnavailable',
              message: `The local journal could not be written: ${error instanceof Error ? error.message : String(error)}`,
            }),
          );
        },
      );
      return res;
    }) as typeof res.end;
    requestScope.run(scope, () => handler(req, res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}/`,
    key: 'local-embedded-cosmos',
    journalTo: (next) => {
      if (next) hookDocumentWrites();
      sink = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
