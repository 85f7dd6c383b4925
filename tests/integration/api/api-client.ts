import { expect } from 'vitest';

/** A tiny client for the API tests: JSON in, status + JSON body + ETag out. */
export type ApiReply<T = unknown> = { status: number; body: T; etag: string | null };

export function apiClient(baseUrl: string) {
  async function call<T = unknown>(
    method: string,
    path: string,
    options: {
      token?: string;
      json?: unknown;
      raw?: string;
      type?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.type ?? 'application/json';
      body = options.raw;
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      etag: response.headers.get('etag'),
    };
  }

  /** A development sign-in token acting as `personId`. */
  async function signIn(personId: string): Promise<string> {
    const reply = await call<{ token: string }>('POST', '/api/dev/sign-in', { json: { personId } });
    expect(reply.status).toBe(200);
    return reply.body.token;
  }

  return { call, signIn };
}

/** The `{ error: { code } }` of a reply. */
export function errorCode(reply: ApiReply): string | undefined {
  return (reply.body as { error?: { code?: string } } | undefined)?.error?.code;
}

/** The paths named by a `validation_failed` reply. */
export function issuePaths(reply: ApiReply): string[] {
  const details = (reply.body as { error?: { details?: { issues?: { path: string }[] } } })?.error
    ?.details;
  return (details?.issues ?? []).map((i) => i.path);
}
