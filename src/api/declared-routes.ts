import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Access, RouteSpec } from '../contracts/route';
import { DomainError } from '../domain/errors';
import type { Authenticator } from '../services/auth/principal';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { parseWith } from './http-errors';
import { mediaType } from './limits';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a declared route's handler gets, parsed with the declaration's schemas. */
export type RouteInput<S extends RouteSpec> = {
  readonly params: Parsed<S['params']>;
  readonly query: Parsed<S['query']>;
  /** Undefined when optional and left out, or sent as one of `otherBodyTypes` (read it yourself). */
  readonly body: S['bodyOptional'] extends true
    ? Parsed<S['body']> | undefined
    : S['otherBodyTypes'] extends readonly string[]
      ? Parsed<S['body']> | undefined
      : Parsed<S['body']>;
};

export type RouteHandler<S extends RouteSpec> = (
  c: Context<AuthEnv>,
  input: RouteInput<S>,
) => Response | Promise<Response>;

/** Access rules that do not take a bearer token (the edge or the handler checks them). */
const withoutToken: ReadonlySet<Access> = new Set(['anyone', 'local_dev', 'bot']);

/** Whether a route with this access needs `Authorization: Bearer`. */
export function needsSignIn(access: Access): boolean {
  return !withoutToken.has(access);
}

/**
 * Mounts handlers on `app` by their declaration (src/contracts/route.ts): sign-in when the access
 * needs it, then the path's params, the query and the body checked with the declared schemas, in
 * that order, each refusal a 400 `validation_failed` naming the field.
 */
export function declaredRoutes(app: Hono<AuthEnv>, authenticator?: Authenticator) {
  const auth = authenticator ? requireAuth(authenticator) : undefined;
  return function on<const S extends RouteSpec>(spec: S, handler: RouteHandler<S>): void {
    const chain: MiddlewareHandler<AuthEnv>[] = [];
    if (needsSignIn(spec.access)) {
      if (!auth)
        throw new Error(`${spec.method} ${spec.path} needs sign-in: give the authenticator`);
      chain.push(auth);
    }
    chain.push(async (c) => handler(c, (await inputOf(spec, c)) as RouteInput<S>));
    app.on(spec.method.toUpperCase(), spec.path, ...(chain as [MiddlewareHandler<AuthEnv>]));
  };
}

async function inputOf(spec: RouteSpec, c: Context<AuthEnv>) {
  const params = spec.params ? parseWith(spec.params, c.req.param(), 'path') : undefined;
  const query = spec.query ? parseWith(spec.query, filledIn(c.req.query()), 'query') : undefined;
  const body = spec.body && !spec.bodyReadByHandler ? await bodyOf(spec, c) : undefined;
  return { params, query, body };
}

/** `?department=` (an emptied filter) means no filter. */
function filledIn(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

async function bodyOf(spec: RouteSpec, c: Context<AuthEnv>): Promise<unknown> {
  const type = mediaType(c.req.header('content-type') ?? null);
  if (spec.otherBodyTypes?.includes(type)) return undefined;
  const raw = await c.req.text();
  if (raw.trim() === '' && spec.bodyOptional) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new DomainError('validation_failed', 'The request body is not valid JSON.', {
      issues: [{ path: 'body', message: 'not valid JSON' }],
    });
  }
  return parseWith(spec.body!, json, 'body');
}
