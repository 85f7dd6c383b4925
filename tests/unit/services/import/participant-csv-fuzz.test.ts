import { test } from '@fast-check/vitest';
import { importIssueCodes } from '../../../../src/contracts/imports';
import { personSchema } from '../../../../src/domain/person';
import { parseParticipantsCsv } from '../../../../src/services/import/participant-csv';
import { anyCsvText } from '../../../support/csv-fuzz';

/** Issue #18 item 5: the participants CSV reader on arbitrary text. */
describe('participant CSV reader under fuzzed files', () => {
  test.prop([anyCsvText], { numRuns: 400 })(
    'never throws; every issue has a known code and a message in French and English',
    (text) => {
      const parsed = parseParticipantsCsv(text);
      const issues = [...parsed.fileIssues, ...parsed.rows.flatMap((r) => r.issues)];
      for (const issue of issues) {
        expect((importIssueCodes as readonly string[]).includes(issue.code)).toBe(true);
        expect(issue.message.fr.length).toBeGreaterThan(0);
        expect(issue.message.en.length).toBeGreaterThan(0);
      }
      if (parsed.fileIssues.some((i) => i.severity === 'error')) expect(parsed.rows).toEqual([]);
    },
  );

  test.prop([anyCsvText], { numRuns: 400 })(
    'a row it accepts makes a person the directory accepts (e-mail, name)',
    (text) => {
      for (const { row } of parseParticipantsCsv(text).rows) {
        if (!row) continue;
        const person = personSchema.pick({ email: true, displayName: true }).safeParse({
          email: row.email,
          displayName: row.displayName,
        });
        expect(person.error?.issues ?? [], JSON.stringify(row)).toEqual([]);
      }
    },
  );
});
