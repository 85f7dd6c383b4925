/**
 * The tab's one way to call the API: adds the bearer token, sends and parses JSON, and turns every
 * failure (HTTP error, network, unreadable body) into an `ApiError` with a code the UI can translate.
 */

/** Returns the bearer token for the API, or null to call without one. */
export type TokenProvider = () => Promise<string | null> | string | null;

let tokenProvider: TokenProvider | null = null;

/**
 * Chooses where bearer tokens come from: Teams SSO inside Teams (set at start-up), a development
 * session outside Teams (set by the sign-in screen), or nothing (null).
 */
export function setTokenProvider(provider: TokenProvider | null): void {
  tokenProvider = provider;
}

/** An API failure: `code` is the server's snake_case error code, or a client-side one (`network`). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** ETag for optimistic concurrency: a stale one gets `version_conflict`. */
  ifMatch?: string;
  signal?: AbortSignal;
  /** false for public routes such as `/api/health`: no token is asked for. */
  auth?: boolean;
};

export type ApiResponse<T> = { data: T; status: number; etag: string | null };

// When the body is not our error shape (a proxy's HTML page, an empty 502), the status still says enough.
const codeByStatus: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'version_conflict',
  412: 'version_conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  502: 'network',
  503: 'store_unavailable',
  504: 'network',
};

type ErrorBody = { error: { code: string; message?: string; details?: unknown } };

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Calls the API and returns the parsed body with the status and ETag; throws `ApiError` on failure. */
export async function apiRequest<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/: ${path}`);
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);
  if (options.auth !== false && tokenProvider) {
    let token: string | null;
    try {
      token = await tokenProvider();
    } catch (cause) {
      throw new ApiError('unauthenticated', `No token for the API: ${String(cause)}`, 401);
    }
    if (token) headers.set('Authorization', `Bearer ${token}`);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError('network', `The API cannot be reached: ${String(cause)}`, 0);
  }

  const body = await readJson(response);
  if (!response.ok) {
    if (isErrorBody(body)) {
      const { code, message, details } = body.error;
      throw new ApiError(code, message ?? code, response.status, details);
    }
    const code = codeByStatus[response.status] ?? 'internal';
    throw new ApiError(code, `HTTP ${response.status} from ${path}`, response.status);
  }
  return { data: body as T, status: response.status, etag: response.headers.get('ETag') };
}

/** Shorthands returning only the body. */
export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }).then((r) => r.data),
  post: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }).then((r) => r.data),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }).then((r) => r.data),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }).then((r) => r.data),
  delete: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }).then((r) => r.data),
};

/**
 * Downloads a file from the API with the bearer token (a plain link cannot carry it), e.g. a
 * pair's `.ics`; failures are `ApiError`s as for `apiRequest`.
 */
export async function apiDownload(
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<Blob> {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/: ${path}`);
  const headers = new Headers();
  if (tokenProvider) {
    let token: string | null;
    try {
      token = await tokenProvider();
    } catch (cause) {
      throw new ApiError('unauthenticated', `No token for the API: ${String(cause)}`, 401);
    }
    if (token) headers.set('Authorization', `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(path, { headers, signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError('network', `The API cannot be reached: ${String(cause)}`, 0);
  }
  if (!response.ok) {
    const body = await readJson(response);
    if (isErrorBody(body)) {
      throw new ApiError(body.error.code, body.error.message ?? body.error.code, response.status);
    }
    throw new ApiError(
      codeByStatus[response.status] ?? 'internal',
      `HTTP ${response.status}`,
      response.status,
    );
  }
  return response.blob();
}
