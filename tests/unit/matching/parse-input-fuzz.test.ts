import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { isDomainError } from '../../../src/domain/errors';
import { parseMatchingCsv, parseMatchingJson } from '../../../src/matching/parse-input';
import { hostileValue, mutatedBody } from '../../support/fuzz';

/** Issue #18 item 5: the matching CLI's JSON and CSV importers on arbitrary and mutated input. */

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'matching');
const cohortJson = JSON.parse(readFileSync(join(fixtures, 'small-cohort.json'), 'utf8')) as unknown;
const cohortCsv = readFileSync(join(fixtures, 'small-cohort.csv'), 'utf8');

/** Runs `parse`; anything it throws must be a `validation_failed` DomainError with a message. */
function parsesOrRefuses(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    expect(isDomainError(error, 'validation_failed'), String(error)).toBe(true);
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

describe('matching input importers under fuzzed input', () => {
  test.prop(
    [
      fc.oneof(
        mutatedBody(cohortJson).map((b) => b.raw),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        hostileValue.map((v) => JSON.stringify({ participants: [v] })),
        fc.string({ maxLength: 100 }),
      ),
    ],
    { numRuns: 300 },
  )('JSON: parsed, or refused with validation_failed', (text) => {
    parsesOrRefuses(() => parseMatchingJson(text));
  });

  test.prop(
    [
      fc.oneof(
        fc
          .tuple(fc.nat(cohortCsv.length), fc.nat(40), fc.string({ unit: 'binary', maxLength: 20 }))
          .map(([at, cut, insert]) => cohortCsv.slice(0, at) + insert + cohortCsv.slice(at + cut)),
        fc.string({ maxLength: 200 }),
      ),
    ],
    { numRuns: 300 },
  )('CSV: parsed, or refused with validation_failed', (text) => {
    parsesOrRefuses(() => parseMatchingCsv(text));
  });
});
