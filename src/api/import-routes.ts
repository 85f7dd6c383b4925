import { Hono, type Context } from 'hono';
import { DomainError } from '../domain/errors';
import { decodeTextFile, replacementCharacter } from '../domain/text-file';
import type { ImportService } from '../services/import/import-service';
import type { AuthEnv } from './auth-middleware';
import { importBodySchema } from '../contracts/imports';
import { parseJson } from './http-errors';

/** 5,000 rows of six columns fit in well under 2 MB; anything larger is not a participants file. */
const maxCsvBytes = 2 * 1024 * 1024;
const tooLarge = 'The file is larger than 2 MB: split it.';

/** A CSV body: `text/csv` (or text/plain), or JSON `{ csv, fileName? }`. */
async function csvOf(c: Context<AuthEnv>): Promise<{ csv: string; fileName?: string }> {
  const read = await readCsv(c);
  if (Buffer.byteLength(read.csv, 'utf8') > maxCsvBytes) {
    throw new DomainError('validation_failed', tooLarge, {
      issues: [{ path: 'csv', message: 'the file is larger than 2 MB' }],
    });
  }
  return read;
}

async function readCsv(c: Context<AuthEnv>): Promise<{ csv: string; fileName?: string }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const body = await parseJson(c, importBodySchema);
    if (body.csv.includes(replacementCharacter)) {
      // Read as UTF-8 by the sender though it was not: the letters it could not read are lost.
      const message =
        'The file was read with the wrong encoding: some letters became "\uFFFD". Send the file itself as text/csv (Windows-1252 and UTF-8 are both read), or save it from Excel as "CSV UTF-8".';
      throw new DomainError('validation_failed', message, {
        issues: [{ path: 'csv', message: 'characters were lost to a wrong encoding' }],
      });
    }
    return { csv: body.csv, ...(body.fileName ? { fileName: body.fileName } : {}) };
  }
  if (type.startsWith('text/csv') || type.startsWith('text/plain')) {
    const fileName = decodeHeader(c.req.header('x-file-name'));
    // French Excel writes Windows-1252 unless asked for "CSV UTF-8": both are read.
    const { text } = decodeTextFile(new Uint8Array(await c.req.arrayBuffer()));
    return { csv: text, ...(fileName ? { fileName } : {}) };
  }
  throw new DomainError(
    'validation_failed',
    'Send the file as text/csv, or as JSON { "csv": "..." }.',
    { issues: [{ path: 'body', message: 'expected a text/csv or application/json body' }] },
  );
}

/** `X-File-Name` is percent-encoded (headers are ASCII); a malformed one is ignored. */
function decodeHeader(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).slice(0, 200);
  } catch {
    return undefined;
  }
}

/** `/programmes/:id/imports[/preview]` and `/jobs/:id` (authenticated, leads). */
export function importRoutes(imports: ImportService) {
  const app = new Hono<AuthEnv>();
  // The edge (src/api/limits.ts) refuses bodies over 5 MiB unread; the 2 MB limit of the file
  // itself is checked once read, for a clear 400.
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
