/**
 * The HTTP client botbuilder's ConnectorClient uses to reach the Bot Connector (Teams).
 *
 * Why: the Azure pipeline under botbuilder retries a 429 by itself, sleeping Retry-After outside
 * our pacer, so retried sends bypass the pacing and the pacer never learns of the throttle. This
 * client turns a 429 into an error before that pipeline sees a response; the scheduler's
 * PacedSender then waits Retry-After, holds the conversation, and retries. 5xx keep the SDK's own
 * retries. Passed as `connectorClientOptions.httpClient` (a core-http style RequestPolicy).
 */

/** The parts of a core-http WebResource this client reads. */
type WebResourceLike = {
  url: string;
  method: string;
  headers: { toJson(options?: { preserveCase?: boolean }): Record<string, string> };
  body?: unknown;
  abortSignal?: AbortSignal;
};

/** A core-http HttpHeaders, as botbuilder's compat layer reads it. */
class ResponseHeaders {
  private readonly map = new Map<string, { name: string; value: string }>();

  constructor(headers: Headers) {
    headers.forEach((value, name) => this.set(name, value));
  }

  set(name: string, value: string | number): void {
    this.map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson();
  }
  headersArray(): Array<{ name: string; value: string }> {
    return [...this.map.values()];
  }
  headerNames(): string[] {
    return [...this.map.values()].map((h) => h.name);
  }
  headerValues(): string[] {
    return [...this.map.values()].map((h) => h.value);
  }
  clone(): ResponseHeaders {
    const copy = new ResponseHeaders(new Headers());
    for (const h of this.map.values()) copy.set(h.name, h.value);
    return copy;
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, h] of this.map) out[options.preserveCase ? h.name : key] = h.value;
    return out;
  }
}

/** Thrown for a 429: carries the status and Retry-After the scheduler reads (src/notifications/retry.ts). */
export class ConnectorThrottledError extends Error {
  readonly statusCode = 429;

  // Not named `response`: @azure/core-client would try to deserialize an error's response.
  constructor(
    url: string,
    readonly headers: ResponseHeaders,
  ) {
    super(`The Bot Connector throttled ${new URL(url).pathname} (429)`);
    this.name = 'ConnectorThrottledError';
  }
}

/**
 * How long one call to the Bot Connector may take. Without a limit a connector that never answers
 * holds the send, and the scheduler's claim, for good; past it the send fails and is retried later
 * (the message may then arrive twice, which beats never).
 */
export const connectorTimeoutMs = 30_000;

/** A fetch-based client for `ConfigurationBotFrameworkAuthentication`'s connector options. */
export function createConnectorHttpClient(
  fetchImpl: typeof fetch = fetch,
  options: { timeoutMs?: number } = {},
) {
  const timeoutMs = options.timeoutMs ?? connectorTimeoutMs;
  return {
    async sendRequest(request: WebResourceLike) {
      const body = request.body;
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      let bodyAsText: string;
      try {
        response = await fetchImpl(request.url, {
          method: request.method,
          headers: request.headers.toJson({ preserveCase: true }),
          ...(body === undefined || body === null ? {} : { body: body as string }),
          signal: request.abortSignal ? AbortSignal.any([request.abortSignal, timeout]) : timeout,
        });
        bodyAsText = await response.text();
      } catch (error) {
        if (!timeout.aborted) throw error;
        // ETIMEDOUT: the scheduler's retry policy (src/notifications/retry.ts) tries again later.
        throw Object.assign(
          new Error(`The Bot Connector did not answer within ${timeoutMs} ms`, { cause: error }),
          { name: 'TimeoutError', code: 'ETIMEDOUT' },
        );
      }
      const headers = new ResponseHeaders(response.headers);
      if (response.status === 429) throw new ConnectorThrottledError(request.url, headers);
      return { request, status: response.status, headers, bodyAsText };
    },
  };
}
