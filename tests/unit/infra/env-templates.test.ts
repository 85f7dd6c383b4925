import { readFileSync } from 'node:fs';
// The matcher git and the toolkit share the syntax of (a dependency of ESLint here).
import ignore from 'ignore';
import { parseEnvFile, placeholdersIn } from '../../../appPackage/app-package';
import { loadConfig } from '../../../src/config';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

const devText = read('env/.env.dev');
const localText = read('env/.env.local');
const dev = parseEnvFile(devText);
const local = parseEnvFile(localText);

/** The keys of the environment schema in src/config.ts (`  NAME: z...` inside `z.object({`). */
const configKeys = (() => {
  const source = read('src/config.ts');
  const start = source.indexOf('const envSchema = z');
  const block = source.slice(start, source.indexOf('.superRefine(', start));
  return [...block.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] as string);
})();

const placeholders = (path: string) => placeholdersIn(read(path));

describe('env/.env.dev (the Agents Toolkit environment template)', () => {
  it.each([
    'appPackage/manifest.json',
    'infra/main.parameters.json',
    'm365agents.yml',
    'infra/aad.manifest.json',
  ])('defines every placeholder of %s', (path) => {
    const used = placeholders(path);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((p) => !(p in dev))).toEqual([]);
  });

  it('lists every variable the app reads (src/config.ts), commented out: Bicep sets them on Azure', () => {
    expect(configKeys.length).toBeGreaterThan(25);
    const unlisted = configKeys.filter(
      (k) => !new RegExp(`^# ${k}=`, 'm').test(devText) && !(k in dev),
    );
    expect(unlisted).toEqual([]);
  });

  it('explains each variable it sets with a comment above it or its group', () => {
    const lines = devText.split('\n');
    const bare = Object.keys(dev).filter((key) => {
      let i = lines.findIndex((l) => l.startsWith(`${key}=`)) - 1;
      while (i >= 0 && /^[A-Z][A-Z0-9_]*=/.test(lines[i] as string)) i--;
      return i < 0 || !(lines[i] as string).startsWith('#');
    });
    expect(bare).toEqual([]);
  });

  it('holds no value but names and the "none" of optional parameters', () => {
    const set = Object.entries(dev).filter(([, v]) => v !== '');
    expect(set).toEqual([
      ['TEAMSFX_ENV', 'dev'],
      ['APP_NAME_SUFFIX', '-dev'],
      ['RESOURCE_SUFFIX', 'dev'],
      ['PROGRAMME_LEAD_EMAILS', 'none'],
      ['GRAPH_CLIENT_ID', 'none'],
    ]);
  });

  it('gives a value to each Bicep parameter that provisioning does not write first', () => {
    // arm/deploy stops on a placeholder whose variable is empty, so an optional parameter says
    // "none" (which infra/main.bicep reads as empty) rather than nothing.
    const yml = read('m365agents.yml');
    const beforeArm = yml.slice(0, yml.indexOf('- uses: arm/deploy'));
    const written = [...beforeArm.matchAll(/^ {6}\w+: ([A-Z0-9_]+)$/gm)].map((m) => m[1]);
    const empty = placeholders('infra/main.parameters.json').filter(
      (p) => !written.includes(p) && !dev[p],
    );
    expect(empty).toEqual([]);
    const bicep = read('infra/main.bicep');
    expect(bicep).toContain("programmeLeadEmails == 'none' ? '' : programmeLeadEmails");
    expect(bicep).toContain("graphClientId == 'none' ? '' : graphClientId");
  });
});

describe('env/.env.local (running the app here, or a package for a tunnel)', () => {
  it('defines every placeholder of the Teams manifest', () => {
    expect(placeholders('appPackage/manifest.json').filter((p) => !(p in local))).toEqual([]);
  });

  it('defines every variable the app reads, each empty so that the defaults apply', () => {
    expect(configKeys.filter((k) => !(k in local))).toEqual([]);
    expect(Object.entries(local).filter(([, v]) => v !== '')).toEqual([]);
  });

  it('starts the app in local mode as it is (node --env-file=env/.env.local)', () => {
    const config = loadConfig(local);
    expect(config.cosmos.mode).toBe('embedded');
    expect(config.auth.devSignIn).toBe(true);
    expect(config.host).toBe('127.0.0.1');
  });
});

describe('.gitignore', () => {
  const rules = ignore().add(read('.gitignore'));

  it('commits the templates and ignores the toolkit secrets files', () => {
    expect(rules.ignores('env/.env.dev')).toBe(false);
    expect(rules.ignores('env/.env.local')).toBe(false);
    expect(rules.ignores('env/.env.dev.user')).toBe(true);
    expect(rules.ignores('env/.env.prod.user')).toBe(true);
    expect(rules.ignores('appPackage/build/appPackage.zip')).toBe(true);
    expect(rules.ignores('.deployment/deployment.zip')).toBe(true);
  });
});
