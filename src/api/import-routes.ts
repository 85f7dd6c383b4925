import { Hono, type Context } from 'hono';
import { DomainError } from '../domain/errors';
import { decodeTextFile, replacementCharacter } from '../domain/text-file';
import type { Authenticator } from '../services/auth/principal';
import type { ImportService } from '../services/import/import-service';
import { importApi, type ImportBody } from '../contracts/imports';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';

/** 5,000 rows of six columns fit in well under 2 MB; anything larger is not a participants file. */
const maxCsvBytes = 2 * 1024 * 1024;
const tooLarge = 'The file is larger than 2 MB: split it.';

/**
 * A CSV body: `text/csv` (or text/plain), or JSON `{ csv, fileName? }` (`json`, parsed with the
 * declared schema by declaredRoutes; undefined when the file itself was sent).
 */
async function csvOf(
  c: Context<AuthEnv>,
  json: ImportBody | undefined,
): Promise<{ csv: string; fileName?: string }> {
  const read = await readCsv(c, json);
  if (Buffer.byteLength(read.csv, 'utf8') > maxCsvBytes) {
    throw new DomainError('validation_failed', tooLarge, {
      issues: [{ path: 'csv', message: 'the file is larger than 2 MB' }],
    });
  }
  return read;
}

async function readCsv(
  c: Context<AuthEnv>,
  json: ImportBody | undefined,
): Promise<{ csv: string; fileName?: string }> {
  if (json) {
    if (json.csv.includes(replacementCharacter)) {
      // Read as UTF-8 by the sender though it was not: the letters it could not read are lost.
      const message =
        'The file was read with the wrong encoding: some letters became "\uFFFD". Send the file itself as text/csv (Windows-1252 and UTF-8 are both read), or save it from Excel as "CSV UTF-8".';
      throw new DomainError('validation_failed', message, {
        issues: [{ path: 'csv', message: 'characters were lost to a wrong encoding' }],
      });
    }
    return { csv: json.csv, ...(json.fileName ? { fileName: json.fileName } : {}) };
  }
  // Not JSON: one of the declaration's `otherBodyTypes` (text/csv, text/plain), the file itself.
  const fileName = decodeHeader(c.req.header('x-file-name'));
  // French Excel writes Windows-1252 unless asked for "CSV UTF-8": both are read.
  const { text } = decodeTextFile(new Uint8Array(await c.req.arrayBuffer()));
  return { csv: text, ...(fileName ? { fileName } : {}) };
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

export type ImportRoutesDeps = {
  authenticator: Authenticator;
  imports: ImportService;
};

/** Participant imports and their jobs (declared in src/contracts/imports.ts: `importApi`). */
export function importRoutes(deps: ImportRoutesDeps) {
  const { imports } = deps;
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);
  // The edge (src/api/limits.ts) refuses bodies over 5 MiB unread; the 2 MB limit of the file
  // itself is checked once read, for a clear 400.
  on(importApi.preview, async (c, { params, body }) => {
    const { csv } = await csvOf(c, body);
    return c.json(await imports.preview(c.var.principal, params.id, csv));
  });
  on(importApi.start, async (c, { params, body }) => {
    const { csv, fileName } = await csvOf(c, body);
    const job = await imports.start(c.var.principal, params.id, csv, fileName);
    c.header('Location', `/api/jobs/${job.id}`);
    return c.json({ job }, 202);
  });
  on(importApi.list, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ jobs: await imports.jobsOf(c.var.principal, params.id) });
  });
  on(importApi.job, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ job: await imports.job(c.var.principal, params.id) });
  });
  return app;
}
