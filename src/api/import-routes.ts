import { Hono, type Context } from 'hono';
import { DomainError } from '../domain/errors';
import type { ImportService } from '../services/import/import-service';
import type { AuthEnv } from './auth-middleware';
import { importBodySchema } from './contracts';
import { parseJson } from './http-errors';

/** A CSV body: `text/csv` (or text/plain), or JSON `{ csv, fileName? }`. */
async function csvOf(c: Context<AuthEnv>): Promise<{ csv: string; fileName?: string }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const body = await parseJson(c, importBodySchema);
    return { csv: body.csv, ...(body.fileName ? { fileName: body.fileName } : {}) };
  }
  if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
    const fileName = c.req.header('x-file-name');
    return {
      csv: await c.req.text(),
      ...(fileName ? { fileName: decodeURIComponent(fileName) } : {}),
    };
  }
  throw new DomainError(
    'validation_failed',
    'Send the file as text/csv, or as JSON { "csv": "..." }.',
    { issues: [{ path: 'body', message: 'expected a text/csv or application/json body' }] },
  );
}

/** `/programmes/:id/imports[/preview]` and `/jobs/:id` (authenticated, leads). */
export function importRoutes(imports: ImportService) {
  const app = new Hono<AuthEnv>();
  app.post('/programmes/:id/imports/preview', async (c) => {
    const { csv } = await csvOf(c);
    return c.json(await imports.preview(c.var.principal, c.req.param('id'), csv));
  });
  app.post('/programmes/:id/imports', async (c) => {
    const { csv, fileName } = await csvOf(c);
    const job = await imports.start(c.var.principal, c.req.param('id'), csv, fileName);
    c.header('Location', `/api/jobs/${job.id}`);
    return c.json({ job }, 202);
  });
  app.get('/programmes/:id/imports', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ jobs: await imports.jobsOf(c.var.principal, c.req.param('id')) });
  });
  app.get('/jobs/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ job: await imports.job(c.var.principal, c.req.param('id')) });
  });
  return app;
}
