import { readFileSync } from 'node:fs';
import { readTextFile } from '../../../../tab/src/screens/programmes/read-text-file';
import { decodeTextFile } from '../../../../src/domain/text-file';

const windows1252 = readFileSync(
  new URL('../../../fixtures/csv/participants-windows-1252.csv', import.meta.url),
);

describe('reading a chosen CSV file in the tab', () => {
  it('reads a Windows-1252 file from French Excel with its accents', async () => {
    const text = await readTextFile(new Blob([windows1252]));
    expect(text).toContain('Nom affiché');
    expect(text).toContain('Hélène Leclerc;Systèmes d’information');
    expect(text).not.toContain('\uFFFD');
  });

  it('reads a UTF-8 file as UTF-8, its BOM dropped, like the server does', async () => {
    const utf8 = Buffer.from('\uFEFFNom affiché\nInès Haddad\n', 'utf8');
    expect(await readTextFile(new Blob([utf8]))).toBe('Nom affiché\nInès Haddad\n');
    expect(decodeTextFile(utf8)).toEqual({ text: 'Nom affiché\nInès Haddad\n', encoding: 'utf-8' });
    expect(decodeTextFile(windows1252).encoding).toBe('windows-1252');
    expect(decodeTextFile(windows1252).text).toBe(await readTextFile(new Blob([windows1252])));
  });
});
