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
