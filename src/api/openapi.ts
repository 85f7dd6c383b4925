import { z, type ZodType } from 'zod';
import { apiErrorSchema } from '../contracts/common';
import { accessRules, type Answer, type RouteSpec } from '../contracts/route';
import { routeTable } from '../contracts/route-table';
import { needsSignIn } from './declared-routes';

type Declared = (typeof routeTable)[number];
/** A JSON value of the document (its shape is checked by the OpenAPI 3.1 schema, in the tests). */
type Json = Record<string, unknown>;
type Schema = Json;

/** The answers every route may give at the edge, whatever it declares (src/api/http-app.ts). */
const edgeErrors = {
  429: 'Too many requests from this person or address: wait `Retry-After` seconds (`rate_limited`)',
} as const;

/**
 * The API as an OpenAPI 3.1 document, built from the route declarations (src/contracts/route-table.ts):
 * each operation's security (a Microsoft Entra ID token, the Bot Framework's, or none), its
 * parameters, body and answers, 4xx included. Served at `GET /api/openapi.json`.
 */
export function openApiDocument(version: string, options: { devSignIn: boolean }): Json {
  const key = `${version}|${options.devSignIn}`;
  let document = cached.get(key);
  if (!document) cached.set(key, (document = build(version, options.devSignIn)));
  return document;
}
const cached = new Map<string, Json>();

/** Without development sign-in its routes are not mounted, and not described. */
function build(version: string, devSignIn: boolean): Json {
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Schema> = { ApiError: jsonSchema(apiErrorSchema, 'output') };
  for (const route of routeTable) {
    if (route.access === 'local_dev' && !devSignIn) continue;
    const path = `/api${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
    const item = (paths[path] ??= {});
    item[route.method] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mentoring API',
      version,
      description:
        'The API of the Mentoring Teams app: the tab, the bot and the programme leads’ tools. Errors are `{ "error": { "code", "message", "details"? } }` with a code from src/domain/errors.ts. Editable documents carry `version` (also the `ETag` header): send it back as `If-Match` or in the body.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routeTable.map((r) => r.group))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        entra: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Microsoft Entra ID v2 access token for this app (Teams SSO), or in local mode a development sign-in token (POST /api/dev/sign-in).',
        },
        botFramework: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The Bot Framework Connector’s token (checked when BOT_APP_ID is set; the local endpoint takes same-origin application/json only).',
        },
      },
    },
  };
}

function operation(route: Declared, schemas: Record<string, Schema>): Json {
  const id = `${route.group}.${route.name}`;
  const typeName = pascal(route.group) + pascal(route.name);
  const parameters: Json[] = [
    ...fieldsOf(route.params).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: jsonSchema(schema, 'input'),
    })),
    ...fieldsOf(route.query).map(([name, schema]) => ({
      name,
      in: 'query',
      required: !schema.safeParse(undefined).success,
      schema: jsonSchema(schema, 'input'),
    })),
  ];
  const op: Json = {
    operationId: id,
    tags: [route.group],
    summary: route.summary,
    description: `Who may call it: ${accessRules[route.access]}`,
    security: security(route),
    ...(parameters.length ? { parameters } : {}),
    responses: {},
  };
  (op as Record<string, unknown>)['x-access'] = route.access;
  if (route.body) {
    schemas[`${typeName}Body`] = jsonSchema(route.body, 'input');
    const content: Record<string, Json> = {
      'application/json': { schema: { $ref: `#/components/schemas/${typeName}Body` } },
    };
    for (const type of route.otherBodyTypes ?? []) content[type] = { schema: { type: 'string' } };
    op.requestBody = { required: !route.bodyOptional, content };
  }
  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(route.responses) as [string, Answer][]) {
    responses[status] = success(
      answer,
      `${typeName}Response${status === '200' ? '' : status}`,
      schemas,
    );
  }
  for (const [status, description] of Object.entries(errorsOf(route))) {
    responses[status] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    };
  }
  op.responses = responses;
  return op;
}

/** The 4xx and 5xx a route may answer: implied by its declaration, then as it declares them. */
export function errorsOf(route: RouteSpec): Record<string, string> {
  const errors: Record<string, string> = {};
  if (route.params || route.query || route.body) {
    errors[400] =
      'A path parameter, the query or the body is invalid (`validation_failed`, `details.issues` names each field)';
  }
  if (needsSignIn(route.access)) {
    errors[401] = 'No valid bearer token (`unauthenticated`)';
  } else if (route.access === 'bot') {
    errors[401] = 'With BOT_APP_ID set: no valid Bot Framework token (`unauthenticated`)';
  }
  if (route.access === 'local_dev') {
    errors[403] =
      'Not a direct request from this machine (through a tunnel or proxy, or from another site): `forbidden`';
  }
  if (route.access === 'bot') {
    errors[403] = 'The local endpoint: a request from another site (`forbidden`)';
  }
  for (const [status, description] of Object.entries(route.errors ?? {})) {
    errors[status] = description;
  }
  if (route.body) {
    errors[413] = route.maxBodyBytes
      ? `The body is larger than ${route.maxBodyBytes / 1024} KiB (\`payload_too_large\`), refused before it is read`
      : 'The body is larger than the default limit (`payload_too_large`, setting `MAX_BODY_KB`), refused before it is read';
    errors[415] = 'The body is not of a type this route accepts (`unsupported_media_type`)';
  }
  Object.assign(errors, edgeErrors);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b)));
}

function success(answer: Answer, name: string, schemas: Record<string, Schema>): Json {
  if (!(answer instanceof z.ZodType)) {
    return { description: answer.description, content: { [answer.contentType]: {} } };
  }
  schemas[name] = jsonSchema(answer, 'output');
  return {
    description: 'Done',
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
  };
}

function security(route: RouteSpec): Json[] {
  if (needsSignIn(route.access)) return [{ entra: [] }];
  if (route.access === 'bot') return [{ botFramework: [] }];
  return [];
}

function fieldsOf(schema: z.ZodObject | undefined): [string, ZodType][] {
  return schema ? Object.entries(schema.shape as Record<string, ZodType>) : [];
}

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); what JSON cannot say is left open. */
function jsonSchema(schema: ZodType, io: 'input' | 'output'): Schema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest as Schema;
}

function pascal(name: string): string {
  return name.replace(/(^|[-_.])(\w)/g, (_m, _s, ch: string) => ch.toUpperCase());
}
