import { systemClock, type Clock } from '../../domain/clock';
import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';

/** One Graph request, with the mailbox whose concurrency limit it counts against. */
export type GraphRequestSpec = {
  readonly mailbox: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. `/users/marc@contoso.com/events`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
};

/** A failed Graph request after retries: status 0 means the network failed. */
export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    readonly graphCode: string | undefined,
    message: string,
    options?: { cause?: unknown; retryAfter?: string | undefined },
  ) {
    super(message, options);
    this.name = 'GraphCallError';
    this.retryAfter = options?.retryAfter;
  }

  /** The Retry-After header of the response, when it had one. */
  readonly retryAfter: string | undefined;
}

export type GraphOutcome =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly error: GraphCallError };

export type GraphTransportDeps = {
  readonly client: Client;
  /** Injectable so tests and the bench do not wait for real Retry-After seconds. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Outlook allows 4 concurrent requests per mailbox. */
  readonly maxConcurrentPerMailbox?: number;
  /** Attempts for a throttled request before it is reported as failed (never silently dropped). */
  readonly maxAttempts?: number;
  /** $batch calls in flight at once across mailboxes. */
  readonly maxConcurrentBatches?: number;
  /** Where "now" comes from when Retry-After is an HTTP date (the app's clock, from the composition root). */
  readonly clock?: Clock;
  /** How long one Graph call may take before it is abandoned (default 30 s). */
  readonly requestTimeoutMs?: number;
};

/** Graph answers in well under a second; past this a booking should not hold its caller. */
export const defaultGraphTimeoutMs = 30_000;

/** Graph's JSON batch takes at most 20 requests. */
export const BATCH_LIMIT = 20;

const RETRYABLE = new Set([429, 503, 504]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends Graph requests under Outlook's limits: at most 4 in flight per mailbox, top-level or
 * inside a $batch, and 429/503/504 retried after Retry-After — on the call or inside a $batch
 * response. Batches are fully parallel (Graph's guidance: fully parallel or fully sequential) and
 * hold at most 4 requests per mailbox, so no dependsOn chain is needed and one throttled request
 * never fails others with 424.
 */
export class GraphTransport {
  private readonly limiter: MailboxLimiter;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly perMailbox: number;
  private readonly batches: Semaphore;

  constructor(private readonly deps: GraphTransportDeps) {
    this.perMailbox = deps.maxConcurrentPerMailbox ?? 4;
    this.limiter = new MailboxLimiter(this.perMailbox);
    this.sleep = deps.sleep ?? realSleep;
    this.maxAttempts = deps.maxAttempts ?? 10;
    this.batches = new Semaphore(deps.maxConcurrentBatches ?? 4);
  }

  private nowMs(): number {
    return (this.deps.clock ?? systemClock).now().getTime();
  }

  /** Sends one request, retrying throttling; throws GraphCallError. */
  async send(spec: GraphRequestSpec): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const release = await this.limiter.acquire(new Map([[mailboxKey(spec.mailbox), 1]]));
      let failure: GraphCallError;
      let wait: number;
      try {
        return await this.call(spec);
      } catch (error) {
        failure = toCallError(error);
        wait = retryAfterMs(failure.retryAfter, attempt, this.nowMs());
      } finally {
        release();
      }
      if (!RETRYABLE.has(failure.status) || attempt >= this.maxAttempts) throw failure;
      await this.sleep(wait);
    }
  }

  /** Sends many requests through JSON $batch; one outcome per spec, in order. */
  async sendMany(specs: readonly GraphRequestSpec[]): Promise<GraphOutcome[]> {
    const outcomes: (GraphOutcome | undefined)[] = new Array(specs.length);
    let pending = specs.map((_, index) => index);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const retry: number[] = [];
      let wait = 0;
      const chunks = this.pack(pending, specs);
      await Promise.all(
        chunks.map(async (chunk) => {
          const result = await this.sendBatch(chunk, specs, attempt);
          for (const [index, outcome] of result.done) outcomes[index] = outcome;
          retry.push(...result.retry);
          wait = Math.max(wait, result.wait);
        }),
      );
      if (retry.length === 0) break;
      if (attempt >= this.maxAttempts) {
        for (const index of retry) {
          outcomes[index] = {
            ok: false,
            error: new GraphCallError(
              429,
              'throttled',
              `Still throttled after ${attempt} attempts`,
            ),
          };
        }
        break;
      }
      await this.sleep(wait);
      pending = retry.sort((a, b) => a - b);
    }
    return outcomes.map(
      (outcome) =>
        outcome ?? { ok: false, error: new GraphCallError(0, 'internal', 'No outcome recorded') },
    );
  }

  /** Batches of at most 20, with at most `perMailbox` requests for any one mailbox, in order. */
  private pack(pending: readonly number[], specs: readonly GraphRequestSpec[]): number[][] {
    const chunks: number[][] = [];
    let remaining = [...pending];
    while (remaining.length > 0) {
      const chunk: number[] = [];
      const perMailbox = new Map<string, number>();
      const rest: number[] = [];
      for (const index of remaining) {
        const key = mailboxKey((specs[index] as GraphRequestSpec).mailbox);
        const count = perMailbox.get(key) ?? 0;
        if (chunk.length < BATCH_LIMIT && count < this.perMailbox) {
          chunk.push(index);
          perMailbox.set(key, count + 1);
        } else {
          rest.push(index);
        }
      }
      chunks.push(chunk);
      remaining = rest;
    }
    return chunks;
  }

  private async sendBatch(
    chunk: readonly number[],
    specs: readonly GraphRequestSpec[],
    attempt: number,
  ): Promise<{ done: [number, GraphOutcome][]; retry: number[]; wait: number }> {
    const permits = new Map<string, number>();
    for (const index of chunk) {
      const key = mailboxKey((specs[index] as GraphRequestSpec).mailbox);
      permits.set(key, (permits.get(key) ?? 0) + 1);
    }
    const requests = chunk.map((index) => {
      const spec = specs[index] as GraphRequestSpec;
      const headers: Record<string, string> = { ...spec.headers };
      if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
      return {
        id: String(index),
        method: spec.method,
        url: spec.url,
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(spec.body !== undefined ? { body: spec.body } : {}),
      };
    });
    const releaseBatch = await this.batches.acquireReleaser(1);
    const release = await this.limiter.acquire(permits);
    let body: unknown;
    try {
      body = await this.call({ mailbox: '', method: 'POST', url: '/$batch', body: { requests } });
    } catch (error) {
      const failure = toCallError(error);
      if (RETRYABLE.has(failure.status)) {
        return {
          done: [],
          retry: [...chunk],
          wait: retryAfterMs(failure.retryAfter, attempt, this.nowMs()),
        };
      }
      return { done: chunk.map((i) => [i, { ok: false, error: failure }]), retry: [], wait: 0 };
    } finally {
      release();
      releaseBatch();
    }
    const responses = parseBatchResponses(body);
    const done: [number, GraphOutcome][] = [];
    const retry: number[] = [];
    let wait = 0;
    for (const index of chunk) {
      const response = responses.get(String(index));
      if (!response) {
        done.push([
          index,
          { ok: false, error: new GraphCallError(0, 'malformed_response', 'Missing in $batch') },
        ]);
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        done.push([index, { ok: true, body: response.body }]);
      } else if (RETRYABLE.has(response.status) || response.status === 424) {
        // 424 (a dependency failed) cannot come from our parallel batches, but is safe to resend.
        retry.push(index);
        wait = Math.max(wait, retryAfterMs(response.retryAfter, attempt, this.nowMs()));
      } else {
        const error = errorBody(response.body);
        done.push([
          index,
          {
            ok: false,
            error: new GraphCallError(response.status, error.code, error.message),
          },
        ]);
      }
    }
    return { done, retry, wait };
  }

  /** One HTTP exchange. RAW responses: the SDK drops headers (Retry-After) of bodiless errors. */
  /**
   * One HTTP call, abandoned after `requestTimeoutMs` (a Graph that never answers would otherwise
   * hold the booking, and its caller, for good). A timeout is not retried: a POST may have been
   * applied, and booking twice would create two meetings.
   */
  private async call(spec: GraphRequestSpec): Promise<unknown> {
    const timeoutMs = this.deps.requestTimeoutMs ?? defaultGraphTimeoutMs;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new GraphCallError(0, 'timeout', `Microsoft Graph did not answer within ${timeoutMs} ms`),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exchange(spec, controller.signal), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange(spec: GraphRequestSpec, signal: AbortSignal): Promise<unknown> {
    let request = this.deps.client
      .api(spec.url)
      .responseType(ResponseType.RAW)
      .option('signal', signal);
    if (spec.headers) request = request.headers({ ...spec.headers });
    const response = (await (spec.method === 'GET'
      ? request.get()
      : spec.method === 'POST'
        ? request.post(spec.body ?? {})
        : spec.method === 'PATCH'
          ? request.patch(spec.body ?? {})
          : request.delete())) as Response;
    const text = await response.text();
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch (cause) {
        if (response.ok) {
          throw new GraphCallError(response.status, 'malformed_response', 'Not JSON', { cause });
        }
      }
    }
    if (response.ok) return body;
    const error = errorBody(body);
    throw new GraphCallError(response.status, error.code, error.message, {
      retryAfter: response.headers.get('retry-after') ?? undefined,
    });
  }
}

type BatchResponse = { status: number; body: unknown; retryAfter: string | undefined };

function parseBatchResponses(body: unknown): Map<string, BatchResponse> {
  const map = new Map<string, BatchResponse>();
  const responses = isRecord(body) && Array.isArray(body.responses) ? body.responses : [];
  for (const item of responses) {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.status !== 'number') continue;
    const headers = isRecord(item.headers) ? item.headers : {};
    const retryAfter = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after');
    map.set(item.id, {
      status: item.status,
      body: item.body,
      retryAfter: retryAfter ? String(retryAfter[1]) : undefined,
    });
  }
  return map;
}

function errorBody(body: unknown): { code: string | undefined; message: string } {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  return {
    code: typeof error.code === 'string' ? error.code : undefined,
    message: typeof error.message === 'string' ? error.message : 'Graph request failed',
  };
}

function toCallError(error: unknown): GraphCallError {
  if (error instanceof GraphCallError) return error;
  if (error instanceof GraphError) {
    // The SDK reports a network failure as status -1.
    const status = error.statusCode > 0 ? error.statusCode : 0;
    return new GraphCallError(status, error.code ?? undefined, error.message, {
      cause: error,
      retryAfter: error.headers?.get('retry-after') ?? undefined,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphCallError(0, undefined, message, { cause: error });
}

/** Retry-After in seconds or as an HTTP date; without one, back off exponentially (max 60 s). */
export function retryAfterMs(value: string | undefined, attempt: number, nowMs: number): number {
  if (value !== undefined && value.trim() !== '') {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(value);
    // An HTTP date is relative to the server's clock; only its distance from now matters here.
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  return Math.min(60_000, 1000 * 2 ** (attempt - 1));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mailboxKey(mailbox: string): string {
  return mailbox.toLowerCase();
}

/** A counting semaphore granting permits first come, first served. */
class Semaphore {
  private available: number;
  private readonly queue: { n: number; grant: () => void }[] = [];

  constructor(readonly capacity: number) {
    this.available = capacity;
  }

  acquire(n: number): Promise<void> {
    if (this.queue.length === 0 && this.available >= n) {
      this.available -= n;
      return Promise.resolve();
    }
    return new Promise((grant) => this.queue.push({ n, grant }));
  }

  async acquireReleaser(n: number): Promise<() => void> {
    await this.acquire(n);
    return () => this.release(n);
  }

  release(n: number): void {
    this.available += n;
    while (this.queue.length > 0 && (this.queue[0] as { n: number }).n <= this.available) {
      const next = this.queue.shift() as { n: number; grant: () => void };
      this.available -= next.n;
      next.grant();
    }
  }
}

/** Per-mailbox semaphores; permits for several mailboxes are taken in name order (no deadlock). */
class MailboxLimiter {
  private readonly semaphores = new Map<string, Semaphore>();

  constructor(private readonly perMailbox: number) {}

  async acquire(permits: ReadonlyMap<string, number>): Promise<() => void> {
    const taken: [Semaphore, number][] = [];
    for (const key of [...permits.keys()].sort()) {
      const n = Math.min(permits.get(key) ?? 1, this.perMailbox);
      let semaphore = this.semaphores.get(key);
      if (!semaphore) {
        semaphore = new Semaphore(this.perMailbox);
        this.semaphores.set(key, semaphore);
      }
      await semaphore.acquire(n);
      taken.push([semaphore, n]);
    }
    return () => {
      for (const [semaphore, n] of taken) semaphore.release(n);
    };
  }
}
