import { fc } from '@fast-check/vitest';

/** Header cells a participants file may have: recognised, French, unknown, empty, repeated. */
const headerCell = fc.constantFrom(
  'email',
  'E-mail',
  'Courriel',
  'display name',
  'Nom affiché',
  'department',
  'Service',
  'manager email',
  'Responsable',
  'role wish',
  'Souhait',
  'languages',
  'Langues',
  'junk',
  '',
);

/** Cell values: plausible ones, near misses and garbage. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.emailAddress() },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
        fc.constantFrom('.fr', '.example', '..com', '.'),
      )
      .map(([local, tld]) => `${local}@maison-lumiere${tld}`),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'mentor',
      'Mentoré',
      'les deux',
      'both',
      'chef',
      'fr;en',
      'français, anglais',
      'klingon',
      'x-private',
      'nadia.kaci@maison-lumiere.example',
      'marc.dupont@maison-lumiere.example',
      '"',
      '""',
      ';',
      ',',
      '\n',
      '\r',
      '=1+1',
      'x'.repeat(300),
    ),
  },
);

/** A cell written raw (it may break the CSV), or quoted with its quotes doubled. */
const written = (value: string, quoted: boolean, delimiter: string) =>
  quoted || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;

/** CSV-ish files: a header row, up to a dozen rows, `,` or `;`, any line ending, maybe a BOM. */
export const csvishFile: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    delimiter: fc.constantFrom(',', ';'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    header: fc.oneof<fc.Arbitrary<string[]>[]>(
      fc.constant([
        'email',
        'display name',
        'department',
        'manager email',
        'role wish',
        'languages',
      ]),
      fc.constant(['Courriel', 'Nom affiché']),
      fc.array(headerCell, { minLength: 0, maxLength: 7 }),
    ),
    rows: fc.array(fc.array(fc.tuple(cell, fc.boolean()), { maxLength: 8 }), { maxLength: 12 }),
    quoteHeader: fc.boolean(),
  })
  .map(({ bom, delimiter, eol, header, rows, quoteHeader }) => {
    const lines = [
      header.map((h) => written(h, quoteHeader, delimiter)).join(delimiter),
      ...rows.map((r) => r.map(([v, q]) => written(v, q, delimiter)).join(delimiter)),
    ];
    return `${bom ? '\uFEFF' : ''}${lines.join(eol)}`;
  });

/** Any text: CSV-ish files, arbitrary strings and a few hostile shapes. */
export const anyCsvText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: csvishFile },
  { weight: 2, arbitrary: fc.constant(null).chain(() => plausibleFile) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\uFEFF',
      'email,display name\n"unterminated,Ana\n',
      'email,display name\n' + 'a@b.fr,A\n'.repeat(3) + '\0\0\0',
      'email;display name\r\n"a@b.fr";"A""B"x\r\n',
    ),
  },
);

/** Files that should import: valid e-mails, any unicode names and departments, known roles. */
export const plausibleFile: fc.Arbitrary<string> = fc
  .uniqueArray(
    fc.record({
      local: fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/),
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
      department: fc.string({ unit: 'grapheme', maxLength: 60 }),
      role: fc.constantFrom('mentor', 'Mentoré', 'both', 'les deux', ''),
      languages: fc.constantFrom('fr', 'fr;en', 'anglais', 'pt-BR, en', ''),
    }),
    { minLength: 1, maxLength: 8, selector: (r) => r.local },
  )
  .map((rows) =>
    [
      'email;display name;department;role wish;languages',
      ...rows.map((r) =>
        [`fuzz.${r.local}@maison-lumiere.example`, r.name, r.department, r.role, r.languages]
          .map((v) => `"${v.replace(/"/g, '""')}"`)
          .join(';'),
      ),
    ].join('\r\n'),
  );
