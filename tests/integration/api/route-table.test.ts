import { Validator } from '@seriousme/openapi-schema-validator';
import { routeTable } from '../../../src/contracts/route-table';
import { startTestApp, type TestApp } from '../../support/app-server';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { apiClient, errorCode, issuePaths } from './api-client';

/**
 * Issue #18 item 1: the API described as data. Every route the app mounts is declared once
 * (src/contracts/route-table.ts) and every declaration is mounted; the OpenAPI 3.1 document built
 * from them is served at /api/openapi.json and accepted by a validator of the OpenAPI 3.1 schema;
 * path parameters are checked as bodies are.
 */

let app: TestApp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  app = await startTestApp();
  api = apiClient(app.baseUrl);
});
afterAll(async () => app?.stop());

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('the route table', () => {
  it('declares every route the app mounts under /api, and the app mounts every declaration', () => {
    const mounted = new Set(
      app.server.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => key(r.method, r.path)),
    );
    const declared = new Set(routeTable.map((r) => key(r.method, `/api${r.path}`)));
    expect([...mounted].filter((route) => !declared.has(route))).toEqual([]);
    expect([...declared].filter((route) => !mounted.has(route))).toEqual([]);
    expect(declared.size).toBe(routeTable.length); // each declared once
  });

  it('gives each path parameter a schema, and no schema to a parameter the path lacks', () => {
    for (const route of routeTable) {
      const inPath = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
      const declared = Object.keys(route.params?.shape ?? {}).sort();
      expect(declared, `${route.method} ${route.path}`).toEqual(inPath);
    }
  });
});

describe('GET /api/openapi.json', () => {
  type Operation = {
    operationId: string;
    security?: unknown[];
    responses: Record<string, unknown>;
    parameters?: { in: string; name: string }[];
  };

  it('is an OpenAPI 3.1 document the standard schema accepts, without signing in', async () => {
    const reply = await api.call<Record<string, unknown>>('GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(reply.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('states the security and the 4xx answers of every operation', async () => {
    const reply = await api.call<{ paths: Record<string, Record<string, Operation>> }>(
      'GET',
      '/api/openapi.json',
    );
    const operations = Object.values(reply.body.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(routeTable.length);
    for (const op of operations) {
      expect(op.security, op.operationId).toBeDefined();
      const statuses = Object.keys(op.responses).map(Number);
      expect(
        statuses.some((s) => s >= 400 && s < 500),
        op.operationId,
      ).toBe(true);
      expect(
        statuses.some((s) => s >= 200 && s < 300),
        op.operationId,
      ).toBe(true);
      if ((op.security ?? []).length > 0) expect(statuses, op.operationId).toContain(401);
    }
  });

  it('describes the approval decision: its id in the path, the manager’s token, 404 for others', async () => {
    const reply = await api.call<{ paths: Record<string, Record<string, Operation>> }>(
      'GET',
      '/api/openapi.json',
    );
    const decide = reply.body.paths['/api/approvals/{id}/decision']?.post;
    expect(decide?.security).toEqual([{ entra: [] }]);
    expect(decide?.parameters).toEqual([expect.objectContaining({ in: 'path', name: 'id' })]);
    expect(Object.keys(decide?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '404', '409', '413', '415', '429']),
    );
  });
});

describe('path parameters are validated like bodies', () => {
  it('answers 400 naming the parameter for a blank id, before any lookup', async () => {
    const token = await api.signIn(demoPersonId(5));
    const reply = await api.call('POST', '/api/approvals/%20%20/decision', {
      token,
      json: { decision: 'approved' },
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('validation_failed');
    expect(issuePaths(reply)).toEqual(['id']);
  });
});

describe('without development sign-in (as on Azure)', () => {
  let azureLike: TestApp;
  beforeAll(async () => {
    azureLike = await startTestApp({
      env: {
        DEV_SIGN_IN: 'false',
        AUTH_CLIENT_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        AUTH_APP_ID_URI: 'api://mentoring.contoso.com/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        AUTH_TENANT_IDS: '11111111-2222-4333-8444-555555555555',
        LOCAL_SNAPSHOT: 'false',
      },
    });
  });
  afterAll(async () => azureLike?.stop());

  it('mounts every declared route but the development sign-in, and describes only those', async () => {
    // A route's sign-in and its handler are two entries of one route: counted once.
    const mounted = [
      ...new Set(
        azureLike.server.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
          .map((r) => key(r.method, r.path)),
      ),
    ].sort();
    const expected = routeTable
      .filter((r) => r.access !== 'local_dev')
      .map((r) => key(r.method, `/api${r.path}`))
      .sort();
    expect(mounted).toEqual(expected);
    const reply = await apiClient(azureLike.baseUrl).call<{ paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(Object.keys(reply.body.paths).filter((p) => p.startsWith('/api/dev/'))).toEqual([]);
    expect(Object.keys(reply.body.paths)).toContain('/api/me');
  });
});
