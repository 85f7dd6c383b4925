import { unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppPackageError,
  buildAppPackageForEnv,
  loadPackageEnv,
  packageEnvName,
  parseEnvFile,
  validateManifest,
} from '../../../appPackage/app-package';
import { aPackageEnv } from './sample-env';

/** A repository root holding only env/ with the given files. */
function aRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'package-env-'));
  mkdirSync(join(root, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'env', name), text);
  roots.push(root);
  return root;
}
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** env/.env.dev as `atk provision` leaves it: the sample values, with comments and blanks. */
const provisionedDev = () =>
  [
    '# Environment "dev"',
    'TEAMSFX_ENV=dev',
    'APP_NAME_SUFFIX=',
    '',
    ...Object.entries(aPackageEnv()).map(([k, v]) => `${k}=${v}`),
    'TAB_ENDPOINT=',
    'APP_SERVICE_RESOURCE_ID=/subscriptions/x/resourceGroups/mentoring-dev/providers/Microsoft.Web/sites/mentoring-dev-ab12cd',
  ].join('\n');

const rejection = async (promise: Promise<unknown>): Promise<AppPackageError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppPackageError);
  return error as AppPackageError;
};

describe('parseEnvFile', () => {
  it('reads NAME=value lines as the toolkit writes them, skipping comments and blank lines', () => {
    expect(
      parseEnvFile(
        [
          '# a comment',
          '',
          'A=1',
          'B=',
          '  C = spaced  ',
          'D="quoted # not a comment"',
          "E='single'",
          'F=value # trailing comment',
          'export G=exported',
          'H=a=b',
          'not a line',
          'A=2',
        ].join('\r\n'),
      ),
    ).toEqual({
      A: '2',
      B: '',
      C: 'spaced',
      D: 'quoted # not a comment',
      E: 'single',
      F: 'value',
      G: 'exported',
      H: 'a=b',
    });
  });
});

describe('packageEnvName', () => {
  it('takes --env, else ENV, else dev', () => {
    expect(packageEnvName([], {})).toBe('dev');
    expect(packageEnvName([], { ENV: 'prod' })).toBe('prod');
    expect(packageEnvName(['--env', 'staging'], { ENV: 'prod' })).toBe('staging');
    expect(packageEnvName(['--env=local'], {})).toBe('local');
  });

  it('refuses a name that is not a plain word, such as a path', () => {
    expect(() => packageEnvName(['--env', '../secrets'], {})).toThrow(AppPackageError);
    expect(() => packageEnvName([], { ENV: 'a b' })).toThrow(/letters, digits, - or _/);
  });
});

describe('loadPackageEnv', () => {
  it('reads env/.env.<name>, then its .user file, then the process environment, which wins', () => {
    const root = aRoot({
      '.env.dev': 'TAB_DOMAIN=file.example.com\nBOT_ID=from-file\nTEAMS_APP_ID=from-file\n',
      '.env.dev.user': 'BOT_ID=from-user-file\nSECRET_X=s\n',
    });
    const env = loadPackageEnv(
      'dev',
      { TEAMS_APP_ID: 'from-environment', TAB_DOMAIN: '  ', PATH: '/usr/bin' },
      root,
    );
    expect(env.files).toEqual(['env/.env.dev', 'env/.env.dev.user']);
    expect(env.values).toMatchObject({
      TEAMS_APP_ID: 'from-environment',
      BOT_ID: 'from-user-file',
      // A blank environment variable does not erase the file's value.
      TAB_DOMAIN: 'file.example.com',
      SECRET_X: 's',
    });
  });

  it('names the missing file and how to create it', () => {
    const root = aRoot({ '.env.dev': '' });
    expect(() => loadPackageEnv('prod', {}, root)).toThrow(
      'env/.env.prod does not exist: copy env/.env.dev to it and fill it in',
    );
  });
});

describe('npm run package with env/.env.dev', () => {
  it('filled as provisioning leaves it, builds a package whose manifest the Teams schema accepts', async () => {
    const root = aRoot({ '.env.dev': provisionedDev() });
    const built = await buildAppPackageForEnv('dev', {}, { root });
    const entries = unzipSync(built.zip);
    expect(Object.keys(entries).sort()).toEqual(
      ['color.png', 'fr.json', 'manifest.json', 'outline.png'].sort(),
    );
    const manifest = JSON.parse(
      Buffer.from(entries['manifest.json'] as Uint8Array).toString('utf8'),
    ) as Record<string, unknown>;
    // AppManifestUtils.validateAgainstSchema against the v1.22 schema shipped in @microsoft/app-manifest.
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      id: '0f3c2a8e-5b1d-4c6e-9a7f-2d8b4e6c1a90',
      validDomains: ['mentoring-prod.azurewebsites.net'],
      developer: { websiteUrl: 'https://mentoring-prod.azurewebsites.net/' },
      webApplicationInfo: { id: 'c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74' },
    });
  });

  it('lets the process environment override the file', async () => {
    const root = aRoot({ '.env.dev': provisionedDev() });
    const built = await buildAppPackageForEnv(
      'dev',
      { TAB_DOMAIN: 'mentoring.contoso.com' },
      { root },
    );
    expect(built.manifest.validDomains).toEqual(['mentoring.contoso.com']);
    expect(built.env.files).toEqual(['env/.env.dev']);
  });

  it('as committed (before provisioning) names each missing variable and where to set it', async () => {
    // The committed template alone (a checkout may hold an env/.env.dev.user beside it).
    const committed = readFileSync(new URL('../../../env/.env.dev', import.meta.url), 'utf8');
    const root = aRoot({ '.env.dev': committed });
    const error = await rejection(buildAppPackageForEnv('dev', {}, { root }));
    expect(error.message).toMatch(
      /^Missing environment variables for the app package: TEAMS_APP_ID, BOT_ID, TAB_DOMAIN, AAD_APP_CLIENT_ID\n/,
    );
    expect(error.problems).toEqual(
      ['TEAMS_APP_ID', 'BOT_ID', 'TAB_DOMAIN', 'AAD_APP_CLIENT_ID'].map(
        (n) => `${n} is not set (in env/.env.dev or the environment)`,
      ),
    );
  });

  it('names the .user file too when there is one', async () => {
    const root = aRoot({ '.env.dev': 'TEAMSFX_ENV=dev\n', '.env.dev.user': '' });
    const error = await rejection(
      buildAppPackageForEnv('dev', aPackageEnv({ BOT_ID: '' }), { root }),
    );
    expect(error.problems).toEqual([
      'BOT_ID is not set (in env/.env.dev or env/.env.dev.user or the environment)',
    ]);
  });
});
