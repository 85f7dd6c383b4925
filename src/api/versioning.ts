import type { Context } from 'hono';

/**
 * The version a write was made on: the `If-Match` header, else the body's `version`. A weak
 * prefix is dropped: compression marks the ETag header weak (`W/`) on its way out.
 */
export function expectedVersion(c: Context, bodyVersion?: string): string | undefined {
  const header = c.req.header('if-match')?.trim().replace(/^W\//, '');
  if (header && header !== '*') return header;
  return bodyVersion;
}

/** Sets the `ETag` header of a versioned response: the version as the store gives it. */
export function withEtag(c: Context, version: string | null | undefined): void {
  if (version) c.header('ETag', version);
  c.header('Cache-Control', 'no-store');
}
