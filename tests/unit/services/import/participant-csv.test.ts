import { maxImportRows, parseParticipantsCsv } from '../../../../src/services/import/participant-csv';
import { personIdFor } from '../../../../src/services/import/import-service';

const header = 'email,display name,department,manager email,role wish,languages';

describe('reading a participants CSV file', () => {
  it('recognises English and French headers in any order, ignoring case and accents', () => {
    const file = parseParticipantsCsv(
      'LANGUES;Nom complet;COURRIEL;Département;Responsable;Rôle\nfr;Ana Lopez;ana@x.fr;RH;;mentor\n',
    );
    expect(file.headers.map((h) => h.column)).toEqual([
      'languages',
      'displayName',
      'email',
      'department',
      'managerEmail',
      'roleWish',
    ]);
    expect(file.fileIssues).toEqual([]);
    expect(file.rows[0]?.row).toEqual({
      line: 2,
      email: 'ana@x.fr',
      displayName: 'Ana Lopez',
      department: 'RH',
      roleWish: 'mentor',
      languages: ['fr'],
    });
  });

  it('normalises values: lower-case e-mails, French role wishes, language names and separators', () => {
    const file = parseParticipantsCsv(
      `${header}\n  Ana.Lopez@X.FR , Ana   Lopez ,,BOSS@x.fr,Les deux,"Français, English / es"\n`,
    );
    expect(file.rows[0]?.row).toEqual({
      line: 2,
      email: 'ana.lopez@x.fr',
      displayName: 'Ana Lopez',
      managerEmail: 'boss@x.fr',
      roleWish: 'both',
      languages: ['fr', 'en', 'es'],
    });
  });

  it('reports each bad row with its line, its column and a message in both languages', () => {
    const file = parseParticipantsCsv(
      [
        header,
        'ana@x.fr,Ana,RH,,mentor,fr',
        ',Sans Mail,RH,,,',
        'bob@x,Bob,RH,,,',
        'ana@x.fr,Ana encore,RH,,,',
        'carl@x.fr,,RH,carl@x.fr,chef,xx-123456789',
        'dan@x.fr,Dan,RH,,,fr,extra',
      ].join('\r\n'),
    );
    const codes = (line: number) =>
      file.rows.find((r) => r.line === line)?.issues.map((i) => i.code);
    expect(codes(2)).toEqual([]);
    expect(codes(3)).toEqual(['email_missing']);
    expect(codes(4)).toEqual(['email_invalid']);
    expect(codes(5)).toEqual(['email_duplicate']);
    expect(codes(6)).toEqual([
      'display_name_missing',
      'manager_is_self',
      'role_wish_invalid',
      'language_invalid',
    ]);
    expect(codes(7)).toEqual(['row_malformed']);
    const duplicate = file.rows.find((r) => r.line === 5)?.issues[0];
    expect(duplicate).toMatchObject({
      column: 'email',
      params: { value: 'ana@x.fr', firstLine: 2 },
      message: {
        fr: 'L’e-mail ana@x.fr figure déjà ligne 2.',
        en: 'The email ana@x.fr is already on line 2.',
      },
    });
    expect(file.rows.filter((r) => r.row).map((r) => r.line)).toEqual([2]);
  });

  it('counts lines as the file shows them, across blank lines and quoted line breaks', () => {
    const file = parseParticipantsCsv(
      `${header}\n\nana@x.fr,"Ana\nLopez",RH,,,\nbob@x.fr,Bob,RH,,,\n`,
    );
    expect(file.rows.map((r) => [r.line, r.email])).toEqual([
      [3, 'ana@x.fr'],
      [5, 'bob@x.fr'],
    ]);
  });

  it('refuses a whole file that cannot be read, is empty, lacks columns or is too long', () => {
    expect(parseParticipantsCsv('').fileIssues.map((i) => i.code)).toEqual(['file_empty']);
    expect(parseParticipantsCsv(`${header}\n`).fileIssues.map((i) => i.code)).toEqual([
      'file_empty',
    ]);
    const unreadable = parseParticipantsCsv(`${header}\nana@x.fr,"Ana,RH,,,\n`);
    expect(unreadable.fileIssues[0]).toMatchObject({
      code: 'file_unreadable',
      params: { line: 2 },
    });
    const missing = parseParticipantsCsv('name,department\nAna,RH\n');
    expect(missing.fileIssues.map((i) => [i.code, i.column])).toEqual([
      ['column_missing', 'email'],
    ]);
    expect(missing.fileIssues[0]?.message.fr).toBe('La colonne « e-mail » manque.');
    const twice = parseParticipantsCsv('email,mail,name\na@x.fr,b@x.fr,A\n');
    expect(twice.fileIssues.map((i) => i.code)).toEqual(['column_duplicate']);
    const rows = Array.from({ length: maxImportRows + 1 }, (_, i) => `p${i}@x.fr,P ${i}`);
    const large = parseParticipantsCsv(['email,name', ...rows].join('\n'));
    expect(large.fileIssues.map((i) => i.code)).toEqual(['file_too_large']);
    expect(large.rows).toEqual([]);
  });

  it('warns about an unknown column but reads the rest', () => {
    const file = parseParticipantsCsv('email,name,badge\nana@x.fr,Ana,42\n');
    expect(file.fileIssues).toEqual([
      expect.objectContaining({ code: 'column_unknown', severity: 'warning' }),
    ]);
    expect(file.rows[0]?.issues).toEqual([]);
  });
});

describe('the id of an imported person', () => {
  it('is stable for a tenant and an e-mail, whatever its case, and GUID-shaped', () => {
    const id = personIdFor('tenant-a', 'Ana@X.fr');
    expect(id).toBe(personIdFor('tenant-a', 'ana@x.fr'));
    expect(id).not.toBe(personIdFor('tenant-b', 'ana@x.fr'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
