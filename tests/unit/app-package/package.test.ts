import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPackageError, appPackageDir, buildAppPackage } from '../../../appPackage/app-package';
import { aPackageEnv } from './sample-env';

describe('buildAppPackage', () => {
  it('zips exactly manifest.json, fr.json, color.png and outline.png', async () => {
    const { zip } = await buildAppPackage(aPackageEnv());
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      ['color.png', 'fr.json', 'manifest.json', 'outline.png'].sort(),
    );
  });

  it('puts the filled manifest in the zip, with no placeholder left', async () => {
    const entries = unzipSync((await buildAppPackage(aPackageEnv())).zip);
    const text = Buffer.from(entries['manifest.json'] as Uint8Array).toString('utf8');
    expect(text).not.toContain('${{');
    expect(JSON.parse(text)).toMatchObject({
      id: '0f3c2a8e-5b1d-4c6e-9a7f-2d8b4e6c1a90',
      bots: [{ botId: '7d2e9b41-3c5a-4f8e-b6d0-1a9c8e7f2b35' }],
    });
    expect(Buffer.from(entries['color.png'] as Uint8Array)).toEqual(
      readFileSync(join(appPackageDir, 'color.png')),
    );
  });

  it('gives the same bytes for the same inputs', async () => {
    const a = await buildAppPackage(aPackageEnv());
    const b = await buildAppPackage(aPackageEnv());
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
  });

  it('refuses to build without every variable, naming each', async () => {
    await expect(
      buildAppPackage(aPackageEnv({ TEAMS_APP_ID: undefined, TAB_DOMAIN: '' })),
    ).rejects.toThrow(
      'Missing environment variables for the app package: TEAMS_APP_ID, TAB_DOMAIN',
    );
  });

  it('refuses a package whose manifest or translation is invalid, listing every problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
    for (const f of ['color.png', 'outline.png', 'manifest.json']) {
      writeFileSync(join(dir, f), readFileSync(join(appPackageDir, f)));
    }
    const manifest = JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'));
    manifest.name.short = 'Mentoring, the reverse-mentoring app for Teams';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'fr.json'), JSON.stringify({ 'name.short': 'Mentorat' }));

    const error = await buildAppPackage(aPackageEnv(), dir)
      .then(
        () => undefined,
        (e: unknown) => e,
      )
      .finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(error).toBeInstanceOf(AppPackageError);
    const problems = (error as AppPackageError).problems;
    expect(problems).toContain(
      'manifest.json: /name/short must NOT have more than 30 characters. Details: {"limit":30}',
    );
    expect(problems).toContain('fr.json: no translation for staticTabs[0].name');
    expect(
      problems.some((p) =>
        p.startsWith("fr.json: / must have required property 'description.short'"),
      ),
    ).toBe(true);
  });
});
