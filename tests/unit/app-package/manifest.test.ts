import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppPackageError,
  appPackageDir,
  localizableKeys,
  placeholdersIn,
  resolveVariables,
  substitute,
  validateLocalization,
  validateManifest,
} from '../../../appPackage/app-package';
import { aPackageEnv } from './sample-env';

const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
const french = JSON.parse(readFileSync(join(appPackageDir, 'fr.json'), 'utf8')) as Record<
  string,
  unknown
>;

const filled = (env = aPackageEnv()) =>
  JSON.parse(substitute(template, resolveVariables(placeholdersIn(template), env))) as Record<
    string,
    unknown
  >;

const thrown = (fn: () => unknown): AppPackageError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppPackageError) return e;
    throw e;
  }
  throw new Error('expected an AppPackageError');
};

describe('the manifest template', () => {
  it('uses exactly the documented placeholders', () => {
    expect(placeholdersIn(template).sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'].sort(),
    );
  });

  it('filled with real-looking values validates against its Teams schema with no error', async () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.22');
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('fills the SSO resource, the bot, the tab and the valid domain from the environment', () => {
    const manifest = filled() as {
      webApplicationInfo: { id: string; resource: string };
      bots: { botId: string; scopes: string[] }[];
      staticTabs: { contentUrl?: string }[];
      validDomains: string[];
    };
    expect(manifest.webApplicationInfo).toEqual({
      id: 'c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74',
      resource: 'api://mentoring-prod.azurewebsites.net/c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74',
    });
    expect(manifest.bots[0]?.botId).toBe('7d2e9b41-3c5a-4f8e-b6d0-1a9c8e7f2b35');
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'groupChat']);
    expect(manifest.staticTabs[0]?.contentUrl).toBe(
      'https://mentoring-prod.azurewebsites.net/?inTeams=1',
    );
    expect(manifest.validDomains).toEqual(['mentoring-prod.azurewebsites.net']);
  });

  it('offers the bot commands in English', () => {
    const manifest = filled() as {
      bots: { commandLists: { commands: { title: string }[] }[] }[];
    };
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual([
      'help',
      'next session',
      'pause',
      'resume',
      'feedback',
      'ask',
      'buddy on',
      'buddy off',
    ]);
  });

  it('a manifest that breaks the schema is reported, not accepted', async () => {
    const manifest = filled();
    delete manifest.name;
    manifest.accentColor = 'purple';
    const errors = await validateManifest(manifest);
    expect(errors.some((e) => e.includes("must have required property 'name'"))).toBe(true);
    expect(errors.some((e) => e.startsWith('/accentColor'))).toBe(true);
  });

  it('refuses a manifest version whose schema is not shipped rather than downloading it', async () => {
    await expect(validateManifest({ ...filled(), manifestVersion: '1.99' })).rejects.toThrow(
      /ships no MicrosoftTeams.schema.json for manifest version 1.99/,
    );
  });
});

describe('the environment for the package', () => {
  it('names every missing variable at once', () => {
    const error = thrown(() =>
      resolveVariables(
        placeholdersIn(template),
        aPackageEnv({ BOT_ID: undefined, AAD_APP_CLIENT_ID: '  ' }),
      ),
    );
    expect(error.message).toMatch(/Missing environment variables.*BOT_ID, AAD_APP_CLIENT_ID/);
    expect(error.problems).toEqual(['BOT_ID is not set', 'AAD_APP_CLIENT_ID is not set']);
  });

  it('derives TAB_ENDPOINT from TAB_DOMAIN and asks only for TAB_DOMAIN when both are missing', () => {
    expect(resolveVariables(['TAB_ENDPOINT', 'TAB_DOMAIN'], aPackageEnv()).TAB_ENDPOINT).toBe(
      'https://mentoring-prod.azurewebsites.net',
    );
    const error = thrown(() =>
      resolveVariables(['TAB_ENDPOINT', 'TAB_DOMAIN'], aPackageEnv({ TAB_DOMAIN: undefined })),
    );
    expect(error.problems).toEqual(['TAB_DOMAIN is not set']);
  });

  it('rejects values of the wrong form with a message saying what is expected', () => {
    const error = thrown(() =>
      resolveVariables(
        placeholdersIn(template),
        aPackageEnv({ TEAMS_APP_ID: 'mentoring', TAB_DOMAIN: 'https://mentoring.example.com/' }),
      ),
    );
    expect(error.message).toMatch(/^Malformed environment variables/);
    expect(error.problems).toEqual([
      'TEAMS_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "mentoring")',
      'TAB_DOMAIN must be a host name such as mentoring.example.com, without https:// or a path (got "https://mentoring.example.com/")',
    ]);
  });

  it('rejects a TAB_ENDPOINT that is not the tab domain', () => {
    const error = thrown(() =>
      resolveVariables(
        placeholdersIn(template),
        aPackageEnv({ TAB_ENDPOINT: 'https://elsewhere.example.com' }),
      ),
    );
    expect(error.problems).toEqual([
      'TAB_ENDPOINT must be https://mentoring-prod.azurewebsites.net, the tab\'s domain (got "https://elsewhere.example.com")',
    ]);
  });

  it('substitute names a placeholder that has no value', () => {
    const error = thrown(() => substitute('{"id":"${{TEAMS_APP_ID}}","b":"${{BOT_ID}}"}', {}));
    expect(error.problems).toEqual(['TEAMS_APP_ID is not set', 'BOT_ID is not set']);
  });

  it('substitute keeps the JSON valid whatever the value holds', () => {
    const text = substitute('{"name":"${{X}}"}', { X: 'a "quoted" \\ value' });
    expect(JSON.parse(text)).toEqual({ name: 'a "quoted" \\ value' });
  });
});

describe('the French localization', () => {
  it('validates against the Teams localization schema and covers every localizable string', () => {
    expect(validateLocalization(french, filled())).toEqual([]);
  });

  it('translates the tab and every bot command title and description', () => {
    const keys = localizableKeys(filled());
    expect(keys).toContain('staticTabs[0].name');
    expect(keys.filter((k) => k.startsWith('bots[0]'))).toHaveLength(16);
    expect(french['staticTabs[0].name']).toBe('Mentorat');
    expect(french['bots[0].commandLists[0].commands[0].title']).toBe('aide');
    expect(french['bots[0].commandLists[0].commands[1].title']).toBe('prochaine séance');
    expect(french['bots[0].commandLists[0].commands[3].title']).toBe('reprendre');
    expect(french['bots[0].commandLists[0].commands[4].title']).toBe('avis');
    expect(french['bots[0].commandLists[0].commands[5].title']).toBe('coup de main');
    expect(french['bots[0].commandLists[0].commands[6].title']).toBe('dispo coup de main');
  });

  it('reports a missing translation, a key the manifest lacks and a name too long', () => {
    const broken: Record<string, unknown> = { ...french, 'staticTabs[1].name': 'Discussion' };
    delete broken['bots[0].commandLists[0].commands[4].title'];
    broken['name.short'] = 'Programme de mentorat inversé de l’entreprise';
    const errors = validateLocalization(broken, filled());
    expect(errors).toContain('no translation for bots[0].commandLists[0].commands[4].title');
    expect(errors).toContain('staticTabs[1].name matches nothing in the manifest');
    expect(
      errors.some((e) => e.startsWith('/name.short must NOT have more than 30 characters')),
    ).toBe(true);
  });
});
