import { z, type ZodType } from 'zod';
import { text } from '../domain/common';

/**
 * The API as data: every route is declared once, here in src/contracts (one group per capability,
 * gathered in ./route-table.ts), with its method, path, who may call it and the zod schemas of its
 * params, query, body and answers. From the declaration:
 * - src/api/declared-routes.ts mounts the handler: sign-in, then params, query and body validated
 *   (400 `validation_failed` naming the field), the handler gets them parsed;
 * - src/api/openapi.ts serves the OpenAPI 3.1 document at `GET /api/openapi.json`;
 * - tests/integration/api/authorization-matrix.test.ts calls every route as every kind of caller
 *   and expects the status `access` implies (a route mounted without a declaration fails there).
 *
 * Zod and src/domain only: the tab imports the contracts' types.
 */

/**
 * Who may call a route. Existence is private where it says 404: someone not allowed gets exactly
 * what an unknown id gets.
 */
export const accessRules = {
  anyone: 'Anyone, without signing in.',
  local_dev:
    'Development sign-in only (DEV_SIGN_IN, local mode), from this machine directly: not through a tunnel or proxy, not from another site.',
  bot: 'The Bot Framework Connector (its signed JWT when BOT_APP_ID is set; the local endpoint takes same-origin application/json only).',
  signed_in:
    'Any signed-in person; the answer is about the caller, or the tenant-wide view everyone shares.',
  tenant_member:
    "Anyone signed in to the tenant it belongs to (a programme, a person's profile in it); another tenant's: 404.",
  tenant_lead:
    'A programme lead of the tenant (PROGRAMME_LEAD_EMAILS or the Programme.Lead app role).',
  programme_lead:
    "A lead of that programme, or a tenant programme lead. Others in the tenant: 403; another tenant's programme: 404.",
  job_lead:
    "A lead of the programme the background job works on, or a tenant programme lead. Others in the tenant: 403; an unknown job or another tenant's: 404.",
  pair_member: "The pair's mentor or mentee. Anyone else: 404, as for an unknown pair.",
  approver: 'The manager the approval asks. Anyone else: 404, as for an unknown approval.',
  profile_owner:
    'That person only (their own profile). Anyone else: 403, before anything is looked up.',
  profile_owner_or_lead:
    "That person, or a lead of the programme. Others in the tenant: 403; another tenant's: 404.",
  help_offered: 'A buddy the help request was offered to. Anyone else: 404.',
  help_party: 'The asker or the buddy who took the request. Anyone else: 404.',
  help_asker: 'The asker. Anyone else: 404.',
  proposal_party:
    'One of the two people a published proposal pairs. Anyone else: 404, as for an unknown or unpublished proposal.',
} as const;
export type Access = keyof typeof accessRules;

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** An answer that is not JSON (a CSV, a calendar file): its media type and what it is. */
export type FileAnswer = { readonly contentType: string; readonly description: string };
export type Answer = ZodType | FileAnswer;

/** 4xx and 5xx answers a route can give beyond those its declaration implies, and when. */
export type DeclaredErrors = Partial<Record<403 | 404 | 409 | 503, string>>;

export type RouteSpec = {
  readonly method: HttpMethod;
  /** Under /api, in hono's syntax: `/pairs/:id/dashboard`. */
  readonly path: string;
  /** One line: what the route does. */
  readonly summary: string;
  readonly access: Access;
  /** One schema per `:param` of the path (checked by the route-table test). */
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** The JSON body. */
  readonly body?: ZodType;
  /** The body may be left out (an empty body is `undefined`). */
  readonly bodyOptional?: true;
  /**
   * The handler reads and checks the body itself (the Bot Framework activity, whose adapter needs
   * the request as sent); the schema then only describes it.
   */
  readonly bodyReadByHandler?: true;
  /**
   * The largest body accepted, checked at the edge before anything reads it (src/api/limits.ts);
   * absent: the default (`MAX_BODY_KB`, small).
   */
  readonly maxBodyBytes?: number;
  /** Media types also accepted besides JSON; the handler reads such a body itself. */
  readonly otherBodyTypes?: readonly string[];
  /** The success answers by status. */
  readonly responses: Readonly<Partial<Record<200 | 201 | 202, Answer>>>;
  readonly errors?: DeclaredErrors;
};

/** A route's declaration, kept with its literal types (method, path, schemas). */
export function route<const S extends RouteSpec>(spec: S): S {
  return spec;
}

/**
 * A path parameter that is an id: 1 to 255 characters, none of which Cosmos DB refuses in an id
 * or that would break a log line (the same rule as src/api/path-ids.ts, said as a pattern so the
 * OpenAPI document shows it).
 */
export const idParam = (name: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  text(name, { min: 1, max: 255 }).regex(/^[^/\\?#\u0000-\u001f\u007f]+$/, {
    error: `${name} must not contain / \\ ? # or control characters`,
  });

/** `{ id }`: the most common path. */
export const idParams = z.object({ id: idParam('id') });
