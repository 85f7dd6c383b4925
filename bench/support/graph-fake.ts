import type { Event, ScheduleInformation, ScheduleItem } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse, type RequestHandler } from 'msw';

/**
 * A stand-in for the parts of Microsoft Graph the calendar uses, as msw handlers: getSchedule,
 * event creation and JSON $batch (sub-requests run concurrently unless chained by dependsOn).
 * It behaves like Outlook under load — more than 4 requests in flight for one mailbox get 429 —
 * and can inject 429s with Retry-After. It counts everything the bench reports.
 */
export type GraphFakeOptions = {
  /** Version root, e.g. 'https://127.0.0.1:9/v1.0'. */
  readonly root: string;
  /** Milliseconds each request takes on the "server" (min, max). */
  readonly latencyMs?: readonly [number, number];
  /** Share of sub-requests answered 429 with Retry-After on their first try (0..1). */
  readonly throttleRate?: number;
  /** Retry-After value (seconds) sent with injected 429s. */
  readonly retryAfterSeconds?: number;
  /** Share of $batch calls answered 503 as a whole on their first try. */
  readonly batchOutageRate?: number;
  /** Outlook's concurrency limit per mailbox. */
  readonly mailboxLimit?: number;
  /** Busy items per person per working day in getSchedule answers. */
  readonly meetingsPerDay?: number;
  readonly seed?: number;
};

export type GraphFakeStats = {
  /** HTTP exchanges (a $batch counts once). */
  httpCalls: number;
  /** Requests executed, sub-requests of $batch included, retries included. */
  requests: number;
  /** Distinct requests (retries of the same request not counted). */
  distinctRequests: number;
  getSchedule: number;
  eventsCreated: number;
  injected429: number;
  mailboxLimit429: number;
  batchOutages: number;
  maxConcurrentPerMailbox: number;
  maxBatchSize: number;
};

type SubRequest = {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

export function createGraphFake(options: GraphFakeOptions) {
  const [minLatency, maxLatency] = options.latencyMs ?? [2, 8];
  const limit = options.mailboxLimit ?? 4;
  const random = mulberry32(options.seed ?? 42);
  const inFlight = new Map<string, number>();
  const seen = new Set<string>();
  const throttledOnce = new Set<string>();
  const events = new Map<string, Event>();
  const stats: GraphFakeStats = {
    httpCalls: 0,
    requests: 0,
    distinctRequests: 0,
    getSchedule: 0,
    eventsCreated: 0,
    injected429: 0,
    mailboxLimit429: 0,
    batchOutages: 0,
    maxConcurrentPerMailbox: 0,
    maxBatchSize: 0,
  };

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const latency = () => minLatency + Math.floor(random() * (maxLatency - minLatency + 1));

  async function execute(method: string, path: string, body: unknown): Promise<Answer> {
    const match = /^\/users\/([^/]+)\/(calendar\/getSchedule|events)$/.exec(path);
    if (!match)
      return { status: 404, body: { error: { code: 'ResourceNotFound', message: path } } };
    const mailbox = decodeURIComponent(match[1] as string).toLowerCase();
    stats.requests++;
    const identity = `${method} ${path} ${JSON.stringify(body)}`;
    if (!seen.has(identity)) {
      seen.add(identity);
      stats.distinctRequests++;
    }
    const running = (inFlight.get(mailbox) ?? 0) + 1;
    inFlight.set(mailbox, running);
    stats.maxConcurrentPerMailbox = Math.max(stats.maxConcurrentPerMailbox, running);
    try {
      await sleep(latency());
      if (running > limit) {
        stats.mailboxLimit429++;
        return throttled('MailboxConcurrency', 1);
      }
      if (!throttledOnce.has(identity) && random() < (options.throttleRate ?? 0)) {
        throttledOnce.add(identity);
        stats.injected429++;
        return throttled('ApplicationThrottled', options.retryAfterSeconds ?? 1);
      }
      if (match[2] === 'calendar/getSchedule') {
        stats.getSchedule++;
        return { status: 200, body: { value: schedules(body) } };
      }
      return { status: 201, body: createEvent(body as Event) };
    } finally {
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
    }
  }

  function throttled(code: string, seconds: number): Answer {
    return {
      status: 429,
      headers: { 'Retry-After': String(seconds) },
      body: { error: { code, message: 'Too many requests' } },
    };
  }

  function createEvent(event: Event): Event {
    const existing = [...events.values()].find(
      (e) => e.transactionId && e.transactionId === event.transactionId,
    );
    if (existing) return existing;
    stats.eventsCreated++;
    const created: Event = {
      ...event,
      id: `AAMk-${events.size + 1}`,
      type: 'seriesMaster',
      onlineMeeting: { joinUrl: `https://teams.example/meet/${events.size + 1}` },
    };
    events.set(created.id as string, created);
    return created;
  }

  function schedules(body: unknown): ScheduleInformation[] {
    const request = body as {
      schedules: string[];
      startTime: { dateTime: string };
      endTime: { dateTime: string };
    };
    const start = Date.parse(`${request.startTime.dateTime}Z`);
    const end = Date.parse(`${request.endTime.dateTime}Z`);
    return request.schedules.map((email) => {
      const personal = mulberry32(hash(email));
      const items: ScheduleItem[] = [];
      for (let day = start; day < end; day += 86_400_000) {
        const weekday = new Date(day).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (let m = 0; m < (options.meetingsPerDay ?? 3); m++) {
          const hour = 6 + Math.floor(personal() * 14);
          const from = day + hour * 3_600_000 + (personal() < 0.5 ? 0 : 1_800_000);
          items.push({
            status: personal() < 0.8 ? 'busy' : 'tentative',
            start: { dateTime: graphTime(from), timeZone: 'UTC' },
            end: { dateTime: graphTime(from + 3_600_000), timeZone: 'UTC' },
          });
        }
      }
      return { scheduleId: email, availabilityView: '', scheduleItems: items };
    });
  }

  async function runBatch(requests: SubRequest[]): Promise<(Answer & { id: string })[]> {
    stats.maxBatchSize = Math.max(stats.maxBatchSize, requests.length);
    const results = new Map<string, Promise<Answer>>();
    const run = (request: SubRequest): Promise<Answer> => {
      let promise = results.get(request.id);
      if (promise) return promise;
      promise = (async () => {
        for (const dependency of request.dependsOn ?? []) {
          const before = requests.find((r) => r.id === dependency);
          const answer = before ? await run(before) : { status: 400 };
          if (answer.status >= 400) {
            return { status: 424, body: { error: { code: 'FailedDependency', message: '' } } };
          }
        }
        return execute(request.method, request.url, request.body);
      })();
      results.set(request.id, promise);
      return promise;
    };
    return Promise.all(requests.map(async (r) => ({ id: r.id, ...(await run(r)) })));
  }

  const handlers: RequestHandler[] = [
    http.post(`${options.root}/$batch`, async ({ request }) => {
      stats.httpCalls++;
      const { requests } = (await request.json()) as { requests: SubRequest[] };
      if (requests.length > 20) {
        return HttpResponse.json(
          { error: { code: 'BadRequest', message: 'A batch takes at most 20 requests' } },
          { status: 400 },
        );
      }
      const key = requests.map((r) => JSON.stringify(r.body)).join('|');
      if (!throttledOnce.has(key) && random() < (options.batchOutageRate ?? 0)) {
        throttledOnce.add(key);
        stats.batchOutages++;
        return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '1' } });
      }
      return HttpResponse.json({ responses: await runBatch(requests) });
    }),
    http.all(`${options.root}/users/*`, async ({ request }) => {
      stats.httpCalls++;
      const path = new URL(request.url).pathname.slice(new URL(options.root).pathname.length);
      const body = request.method === 'GET' ? undefined : await request.json();
      const answer = await execute(request.method, path, body);
      return HttpResponse.json(answer.body ?? null, {
        status: answer.status,
        ...(answer.headers ? { headers: answer.headers } : {}),
      });
    }),
  ];

  return { handlers, stats, events };
}

function graphTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.0000000`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small seeded PRNG so runs are repeatable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
