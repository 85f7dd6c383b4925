import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { ZodType } from 'zod';
import type { ApiReply } from '../integration/api/api-client';

/** Values a careless or hostile client puts where a field is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\r',
    'a\u202Eb',
    '__proto__',
    'constructor',
    '../..',
    'a/b',
    'a#b',
    '2027-02-30',
    '99999-01-01',
    '1970-01-01T00:00:00Z',
    '9999-12-31',
    'March 1, 2027',
    'NaN',
    '😀'.repeat(5000),
    'x'.repeat(100_000),
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.constant(nested(200)),
);

/** An array nested `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The field names of an object schema (after `.refine`, zod 4 keeps the shape). */
export function fieldsOf(schema: ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Bodies for a route whose contract is `schema`: its own fields with hostile values (any of them
 * missing), arbitrary JSON, or a body that is not JSON at all.
 */
export function hostileBody(schema: ZodType): fc.Arbitrary<{ raw: string }> {
  const fields = fieldsOf(schema);
  const record = fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), {
    requiredKeys: [],
  });
  const withExtra = fc
    .tuple(record, fc.string({ maxLength: 10 }), hostileValue)
    .map(([r, k, v]) => ({ ...r, [k]: v }));
  return fc.oneof(
    { weight: 5, arbitrary: record.map((r) => ({ raw: JSON.stringify(r) })) },
    { weight: 2, arbitrary: withExtra.map((r) => ({ raw: JSON.stringify(r) })) },
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ raw: JSON.stringify(v) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 50 }),
          fc.constantFrom('{', '{"a":', 'nul', '[1,]', '\uFEFF{}', '{"__proto__":{"x":1}}'),
        )
        .map((raw) => ({ raw })),
    },
  );
}

/** A refused request: a 4xx with a specific `{ error: { code, message } }`, never a 5xx. */
export function expectSpecificRefusal(reply: ApiReply, what: string): void {
  const error = (reply.body as { error?: { code?: unknown; message?: unknown } } | undefined)
    ?.error;
  expect(
    reply.status,
    `${what}: ${JSON.stringify(reply.body)?.slice(0, 500)}`,
  ).toBeGreaterThanOrEqual(400);
  expect(reply.status, `${what}: ${JSON.stringify(reply.body)?.slice(0, 500)}`).toBeLessThan(500);
  expect(error?.code, what).toMatch(/^[a-z][a-z_]*$/);
  expect(typeof error?.message === 'string' && error.message.length > 0, what).toBe(true);
  expect(error?.code, what).not.toBe('internal');
}

type Path = readonly (string | number)[];

/** Every path into `value` (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, v]) => [[...prefix, key], ...pathsOf(v, [...prefix, key])]);
}

/** `value` with the node at `path` replaced by `next` (removed when `next` is `removed`). */
function replaceAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    if (next === removed && rest.length === 0) copy.splice(key as number, 1);
    else copy[key as number] = replaceAt(copy[key as number], rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (next === removed && rest.length === 0) delete copy[key as string];
  else copy[key as string] = replaceAt(copy[key as string], rest, next);
  return copy;
}

const removed = Symbol('removed');

/**
 * A valid body with one node anywhere in it (a nested field, a list item) replaced by a hostile
 * value or removed: what passes the first checks and must still be refused cleanly further in.
 */
export function mutatedBody(valid: unknown): fc.Arbitrary<{ raw: string }> {
  const paths = pathsOf(valid);
  if (paths.length === 0) return fc.constant({ raw: JSON.stringify(valid) });
  return fc
    .tuple(
      fc.constantFrom(...paths),
      fc.oneof(
        { weight: 4, arbitrary: hostileValue },
        { weight: 1, arbitrary: fc.constant(removed) },
      ),
    )
    .map(([path, next]) => ({ raw: JSON.stringify(replaceAt(valid, path, next)) }));
}
