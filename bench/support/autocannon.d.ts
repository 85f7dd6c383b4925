/**
 * The part of autocannon 9's programmatic API that bench/load.ts uses (the package ships no types
 * and @types/autocannon is not installed).
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each send; returns the request to send (autocannon's own shape). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  };

  /** One connection: it sends its `requests` in turn, one at a time (pipelining 1). */
  interface Client extends EventEmitter {
    setRequests(requests: Request[]): void;
  }

  type Options = {
    url: string;
    connections?: number;
    /** Requests a second over all connections, split between them; each paces by whole seconds. */
    overallRate?: number;
    /** Seconds. */
    duration?: number;
    /** Requests in all, split between the connections; the run ends when they are answered. */
    amount?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    ignoreCoordinatedOmission?: boolean;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };

  type Result = {
    requests: { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };

  /** Emits `response` (client, statusCode, bytes, milliseconds) per answer; awaiting it gives the result. */
  interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
  export type { Client, Instance, Options, Request, Result };
}
