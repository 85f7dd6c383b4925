import { z } from 'zod';
import { text } from '../domain/common';

/**
 * The tab API's contract (src/contracts/*.ts, one file per capability): every request and response body, as zod schemas and inferred types.
 * The server validates with these schemas; the tab imports only the types (`import type`).
 * No server-only import here: zod and src/domain only.
 *
 * Conventions
 * - Every route but `GET /api/health`, `GET /api/auth/config` and the `/api/dev/*` routes needs
 *   `Authorization: Bearer <token>` (a Teams SSO token, or a development sign-in token).
 * - Errors: `{ "error": { "code", "message", "details"? } }` (`ApiError`), codes from
 *   src/domain/errors.ts only. 400 `validation_failed`: details.issues = [{ path, message }], the
 *   path names the field (`teaches.0.level`); a refused import also carries details.preview
 *   (`ImportPreview`). 401 `unauthenticated`; 403 `forbidden`; 404 `not_found` (also an unknown
 *   job), `programme_not_found`, `profile_not_found`, `person_not_found`; 409 `version_conflict`,
 *   `invalid_transition`, `already_exists` (also: the person's profile is active in another
 *   programme — one profile per person per tenant); 503 `store_unavailable`. At the edge, before
 *   any route (docs/configuration.md#limits-at-the-http-edge): 413 `payload_too_large`, 415
 *   `unsupported_media_type`, 429 `rate_limited` (with `Retry-After`).
 * - Optimistic concurrency: documents that can be edited come with `version` (also the `ETag`
 *   response header). Send it back as `If-Match: <version>` or as the body's `version`; a stale one
 *   is 409 `version_conflict` (reload, keep what was typed, retry). Editing an existing document
 *   without any version is also 409 `version_conflict`. The state moves (opt-in, pause, resume,
 *   leave, status) take an optional version and are idempotent when repeated.
 *
 * The routes are data (src/contracts/route.ts): an `…Api` object at the end of each contract file,
 * all gathered in ./route-table.ts, served as OpenAPI 3.1 at `GET /api/openapi.json`.
 */

// ---------------------------------------------------------------------------------------------
// Common

/** The error body of every failed request. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `details.issues` of a `validation_failed` error. */
export type ApiValidationIssue = { path: string; message: string };

/**
 * An ETag, as returned in `version` and the `ETag` header. It goes back to Cosmos DB in an
 * `If-Match` header, where anything but printable ASCII is refused by the HTTP client (a 503).
 */
export const versionSchema = text('version', { min: 1, max: 200 }).regex(/^[\x21-\x7e]+$/, {
  error: 'version must be the ETag the API returned (printable ASCII, no spaces)',
});

export const versionBodySchema = z.object({ version: versionSchema.optional() });
export type VersionBody = z.infer<typeof versionBodySchema>;

// ---------------------------------------------------------------------------------------------

// Re-exported for the tab's forms (types only).
export type { Locale } from '../domain/common';
