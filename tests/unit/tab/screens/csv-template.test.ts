import { importColumns } from '../../../../src/contracts/imports';
import { parseParticipantsCsv } from '../../../../src/services/import/participant-csv';
import { csvTemplate, csvTemplateHref } from '../../../../tab/src/screens/programmes/csv-template';

describe('the CSV template beside the import', () => {
  it.each(['fr', 'en'] as const)(
    'in %s, has every documented column and an example row the import accepts as it is',
    (locale) => {
      const parsed = parseParticipantsCsv(csvTemplate(locale));
      expect(parsed.fileIssues).toEqual([]);
      expect(parsed.headers.map((h) => h.column)).toEqual([...importColumns]);
      expect(parsed.rows).toHaveLength(1);
      expect(parsed.rows[0]!.issues).toEqual([]);
      expect(parsed.rows[0]!.row).toMatchObject({
        displayName: 'Camille Martin',
        roleWish: 'mentee',
        languages: ['fr', 'en'],
      });
    },
  );

  it('writes the headers in the lead’s language', () => {
    expect(csvTemplate('fr')).toContain('courriel;nom;département');
    expect(csvTemplate('en')).toContain('email,display name,department');
    expect(decodeURIComponent(csvTemplateHref('fr').split(',').slice(1).join(','))).toBe(
      csvTemplate('fr'),
    );
  });
});
