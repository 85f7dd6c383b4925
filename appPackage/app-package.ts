import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import { readPngHeader } from './png';

/**
 * Builds the Teams app package: the manifest template with its `${{NAME}}` placeholders filled
 * from the environment, checked offline against the Teams schemas shipped in
 * `@microsoft/app-manifest`, zipped with its icons and localization files.
 */

/** The folder holding manifest.json, fr.json and the icons. */
export const appPackageDir = fileURLToPath(new URL('.', import.meta.url));

/** A package that cannot be built; `problems` lists every reason, one a line. */
export class AppPackageError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

const placeholder = /\$\{\{([A-Za-z0-9_]+)\}\}/g;

/** The placeholder names in a template, each once, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1] as string))];
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hostName =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

const guidVariables = new Set(['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID']);

/**
 * Reads the values the template needs from `env` and checks their form. `TAB_ENDPOINT`
 * defaults to `https://${TAB_DOMAIN}`. Throws an AppPackageError naming every missing or
 * malformed variable at once.
 */
export function resolveVariables(
  names: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  /** Where the values are read, named in each "is not set" problem (env/.env.dev, ...). */
  where?: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  const malformed: string[] = [];
  const read = (name: string) => env[name]?.trim() || undefined;

  for (const name of names) {
    let value = read(name);
    if (value === undefined && name === 'TAB_ENDPOINT' && names.includes('TAB_DOMAIN')) {
      // Derived from TAB_DOMAIN: when that is missing or malformed, its own message says so.
      const domain = read('TAB_DOMAIN');
      if (domain === undefined || !hostName.test(domain)) continue;
      value = `https://${domain}`;
    }
    if (value === undefined) {
      missing.push(name);
      continue;
    }
    if (guidVariables.has(name) && !guid.test(value)) {
      malformed.push(
        `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "${value}")`,
      );
    } else if (name === 'TAB_DOMAIN' && !hostName.test(value)) {
      malformed.push(
        `TAB_DOMAIN must be a host name such as mentoring.example.com, without https:// or a path (got "${value}")`,
      );
    } else if (name === 'TAB_ENDPOINT') {
      const domain = read('TAB_DOMAIN');
      if (!/^https:\/\/[^/]+$/.test(value)) {
        malformed.push(
          `TAB_ENDPOINT must be https://<host> with no path or trailing slash (got "${value}")`,
        );
      } else if (
        domain &&
        hostName.test(domain) &&
        value.toLowerCase() !== `https://${domain.toLowerCase()}`
      ) {
        malformed.push(`TAB_ENDPOINT must be https://${domain}, the tab's domain (got "${value}")`);
      }
    }
    values[name] = value;
  }
  const problems = [
    ...missing.map((n) => `${n} is not set${where ? ` (in ${where})` : ''}`),
    ...malformed,
  ];
  if (problems.length > 0) {
    throw new AppPackageError(
      missing.length > 0
        ? `Missing environment variables for the app package: ${missing.join(', ')}`
        : 'Malformed environment variables for the app package',
      problems,
    );
  }
  return values;
}

/**
 * Replaces every `${{NAME}}` in a JSON template with its value (JSON-escaped, since each sits
 * inside a string). Throws an AppPackageError naming every placeholder without a value.
 */
export function substitute(template: string, values: Readonly<Record<string, string>>): string {
  const missing = placeholdersIn(template).filter((n) => values[n] === undefined);
  if (missing.length > 0) {
    throw new AppPackageError(
      `No value for ${missing.join(', ')}`,
      missing.map((n) => `${n} is not set`),
    );
  }
  return template.replace(placeholder, (_, name: string) =>
    JSON.stringify(values[name]).slice(1, -1),
  );
}

/** The repository root, where m365agents.yml and env/ are. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Parses an environment file as the Agents Toolkit writes them (dotenv): `NAME=value` lines;
 * blank lines and `#` comments skipped; a value in single or double quotes taken as is, otherwise
 * trimmed and cut at ` #` (a trailing comment). A later line wins over an earlier one.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, name, rest] = m as unknown as [string, string, string];
    const quoted = /^(["'])(.*)\1$/.exec(rest);
    values[name] = quoted ? (quoted[2] as string) : rest.replace(/\s+#.*$/, '').trim();
  }
  return values;
}

/** The environment `npm run package` was asked for: `--env <name>`, `--env=<name>`, else ENV, else dev. */
export function packageEnvName(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string {
  let name: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--env') name = argv[i + 1];
    else if (arg.startsWith('--env=')) name = arg.slice('--env='.length);
  });
  name = name?.trim() || env.ENV?.trim() || 'dev';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new AppPackageError('Cannot pick the environment', [
      `the environment name must be letters, digits, - or _ (got "${name}")`,
    ]);
  }
  return name;
}

/** The values for the package, and where they were read. */
export type PackageEnv = {
  readonly name: string;
  /** env/.env.<name> and, when present, env/.env.<name>.user, relative to the root. */
  readonly files: readonly string[];
  readonly values: Record<string, string | undefined>;
};

/**
 * Reads env/.env.<name>, then env/.env.<name>.user (the toolkit's secrets file, ignored by git)
 * over it, then the process environment over both: a variable set to a non-blank value in the
 * environment wins. Throws an AppPackageError when env/.env.<name> does not exist.
 */
export function loadPackageEnv(
  name: string,
  processEnv: Readonly<Record<string, string | undefined>>,
  root: string = repositoryRoot,
): PackageEnv {
  const file = `env/.env.${name}`;
  if (!existsSync(join(root, file))) {
    throw new AppPackageError(`No environment file ${file}`, [
      `${file} does not exist: copy env/.env.dev to it and fill it in, or pick another with --env <name>`,
    ]);
  }
  const files = [file];
  const values: Record<string, string | undefined> = parseEnvFile(
    readFileSync(join(root, file), 'utf8'),
  );
  if (existsSync(join(root, `${file}.user`))) {
    files.push(`${file}.user`);
    Object.assign(values, parseEnvFile(readFileSync(join(root, `${file}.user`), 'utf8')));
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined && value.trim() !== '') values[key] = value;
  }
  return { name, files, values };
}

const require = createRequire(import.meta.url);
const schemaRoot = join(
  dirname(require.resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
);

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

function localSchemaPath(manifestVersion: unknown, file: string): string {
  if (typeof manifestVersion !== 'string' || !/^1\.\d+$/.test(manifestVersion)) {
    throw new AppPackageError('Cannot pick a schema', [
      `manifestVersion must be a string such as "1.22" (got ${JSON.stringify(manifestVersion)})`,
    ]);
  }
  const path = join(schemaRoot, `v${manifestVersion}`, file);
  // Never fall back to downloading: builds and tests run offline.
  if (!existsSync(path)) {
    throw new AppPackageError('Cannot pick a schema', [
      `@microsoft/app-manifest ships no ${file} for manifest version ${manifestVersion}`,
    ]);
  }
  return path;
}

const readSchema = (path: string): unknown =>
  // The shipped schemas contain "\a" and "\v" escapes that JSON.parse rejects (as the library notes).
  JSON.parse(readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));

/** Validates a manifest against the Teams schema of its manifestVersion; [] when valid. */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  const schema = readSchema(localSchemaPath(version, 'MicrosoftTeams.schema.json'));
  return AppManifestUtils.validateAgainstSchema(
    manifest as TeamsManifest,
    schema as ManifestSchema,
  );
}

type Localization = Record<string, unknown>;
type ManifestShape = {
  manifestVersion?: unknown;
  staticTabs?: { name?: string }[];
  bots?: { commandLists?: { commands?: { title?: string; description?: string }[] }[] }[];
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
  icons?: { color?: string; outline?: string };
};

/** The localizable strings a manifest carries, by localization key. */
export function localizableKeys(manifest: ManifestShape): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  manifest.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) keys.push(`staticTabs[${i}].name`);
  });
  manifest.bots?.forEach((bot, b) =>
    bot.commandLists?.forEach((list, l) =>
      list.commands?.forEach((_, c) => {
        const at = `bots[${b}].commandLists[${l}].commands[${c}]`;
        keys.push(`${at}.title`, `${at}.description`);
      }),
    ),
  );
  return keys;
}

/**
 * Validates a localization file against the Teams localization schema, then checks that it
 * translates every localizable string of the manifest and names nothing the manifest lacks.
 */
export function validateLocalization(
  localization: Localization,
  manifest: ManifestShape,
): string[] {
  const schema = readSchema(
    localSchemaPath(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json'),
  );
  // The library's own ajv settings fail to compile these schemas (TESTBED.md); these work.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  const errors = validate(localization)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
      );

  const expected = localizableKeys(manifest);
  const present = Object.keys(localization).filter((k) => k !== '$schema');
  for (const key of expected) {
    if (!(key in localization)) errors.push(`no translation for ${key}`);
  }
  for (const key of present) {
    if (!expected.includes(key)) errors.push(`${key} matches nothing in the manifest`);
  }
  return errors;
}

/** Checks the icons' sizes and that the outline icon is white on transparent only. */
export function validateIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  const check = (name: string, bytes: Uint8Array, size: number) => {
    try {
      const h = readPngHeader(bytes);
      if (h.width !== size || h.height !== size) {
        problems.push(`${name} must be ${size}×${size} pixels (it is ${h.width}×${h.height})`);
      }
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  };
  check('color icon', color, 192);
  check('outline icon', outline, 32);
  return problems;
}

/** Everything `npm run package` produces. */
export type BuiltPackage = {
  readonly manifest: Record<string, unknown>;
  /** The zip's entries, by name. */
  readonly files: Readonly<Record<string, Uint8Array>>;
  readonly zip: Uint8Array;
};

// A fixed timestamp makes the zip reproducible: the same inputs give the same bytes.
const zipTime = new Date('2025-01-01T00:00:00Z');

/**
 * Fills the manifest template in `dir` from `env`, validates the manifest, its localization
 * files and its icons, and zips them. Throws an AppPackageError listing every problem.
 */
export async function buildAppPackage(
  env: Readonly<Record<string, string | undefined>>,
  dir: string = appPackageDir,
  where?: string,
): Promise<BuiltPackage> {
  const template = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const values = resolveVariables(placeholdersIn(template), env, where);
  const text = substitute(template, values);
  const manifest = JSON.parse(text) as Record<string, unknown> & ManifestShape;

  const problems = (await validateManifest(manifest)).map((e) => `manifest.json: ${e}`);
  const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(text, 'utf8') };

  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const raw = substitute(readFileSync(join(dir, file), 'utf8'), values);
    problems.push(
      ...validateLocalization(JSON.parse(raw) as Localization, manifest).map(
        (e) => `${file}: ${e}`,
      ),
    );
    files[file] = Buffer.from(raw, 'utf8');
  }
  const colorName = manifest.icons?.color ?? 'color.png';
  const outlineName = manifest.icons?.outline ?? 'outline.png';
  files[colorName] = readFileSync(join(dir, colorName));
  files[outlineName] = readFileSync(join(dir, outlineName));
  problems.push(...validateIcons(files[colorName], files[outlineName]));

  if (problems.length > 0) throw new AppPackageError('The app package is not valid', problems);

  const zip = zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: zipTime }]]),
    ),
    { level: 9 },
  );
  return { manifest, files, zip };
}

/**
 * What `npm run package` does: reads the environment `name` (loadPackageEnv) and builds the
 * package from it. A missing variable is reported with the files it may be set in.
 */
export async function buildAppPackageForEnv(
  name: string,
  processEnv: Readonly<Record<string, string | undefined>>,
  options: { root?: string; dir?: string } = {},
): Promise<BuiltPackage & { readonly env: PackageEnv }> {
  const env = loadPackageEnv(name, processEnv, options.root);
  const built = await buildAppPackage(
    env.values,
    options.dir,
    `${env.files.join(' or ')} or the environment`,
  );
  return { ...built, env };
}
