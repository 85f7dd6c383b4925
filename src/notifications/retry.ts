/** Statuses worth retrying when sending to Teams: throttled, conflicts, gateway failures. */
const transient = new Set([408, 412, 429, 500, 502, 503, 504]);

/** The HTTP status an SDK error carries (`statusCode` on botbuilder's RestError), if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as {
    statusCode?: unknown;
    status?: unknown;
    response?: { status?: unknown };
  };
  for (const value of [candidate.statusCode, candidate.status, candidate.response?.status]) {
    if (typeof value === 'number') return value;
  }
  return undefined;
}

/** True for errors that a later attempt may not meet (throttling, 5xx, network failures). */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) {
    const code = (error as { code?: unknown } | null)?.code;
    return (
      typeof code === 'string' &&
      /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|REQUEST_SEND_ERROR)$/.test(code)
    );
  }
  return transient.has(status);
}

/**
 * Retry-After in milliseconds, from an error's response headers (seconds or an HTTP date);
 * undefined when absent or unreadable.
 */
export function retryAfterMs(error: unknown, nowMs: number): number | undefined {
  const value = headerOf(error, 'retry-after');
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function headerOf(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const response = (error as { response?: { headers?: unknown } }).response;
  const headers = response?.headers ?? (error as { headers?: unknown }).headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const value: unknown = getter.call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

export type BackoffOptions = {
  baseMs?: number;
  maxMs?: number;
  /** A number in [0, 1); Math.random by default. */
  random?: () => number;
};

/**
 * "Full jitter" exponential backoff: a random wait in [base·2^(attempt-1) / 2, base·2^(attempt-1)],
 * capped, so that retries from many senders do not collide (as Teams' rate-limit guide advises).
 */
export function backoffMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
