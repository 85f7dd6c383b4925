import { existsSync, readdirSync, readFileSync } from 'node:fs';
// The toolkit's own matcher (a dependency of ESLint here), so the rules are read as it reads them.
import ignore from 'ignore';
import { loadConfig } from '../../../src/config';
import { isTenantLead, programmeLeadAppRole } from '../../../src/services/auth/principal';
import { parseEnvFile, placeholdersIn } from '../../../appPackage/app-package';
import { bicepOutputs, bicepParams } from './bicep-literal';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

const mainBicep = read('infra/main.bicep');
const appServiceBicep = read('infra/modules/app-service.bicep');
const agentsYml = read('m365agents.yml');
// What a newcomer or an IT admin reads: the README and docs/ (configuration, deploy).
const azureDoc = ['README.md', 'docs/configuration.md', 'docs/deploy.md'].map(read).join('\n');
const envTemplate = parseEnvFile(read('env/.env.dev'));

/** The keys of a `var <name> = { ... }` block (ended by a blank line) whose values are expressions. */
function settingKeys(source: string, variable: string): string[] {
  const start = source.indexOf(`var ${variable} =`);
  if (start < 0) throw new Error(`No var ${variable} in app-service.bicep`);
  const block = source.slice(start, source.indexOf('\n\n', start));
  return [...block.matchAll(/^ {2,6}(\w+): /gm)].map((m) => m[1] as string);
}

const appSettings = [
  ...settingKeys(appServiceBicep, 'baseSettings'),
  ...settingKeys(appServiceBicep, 'graphSettings'),
];

// What Azure would put in each setting for a deployment at mentoring-ab12cd.azurewebsites.net.
const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const identityClientId = '5b0f3c1e-8a2d-4e6f-9b7c-3d1a2e4f6a80';
const productionValues: Record<string, string> = {
  HOST: '0.0.0.0',
  PORT: '8080',
  WEBSITES_PORT: '8080',
  NODE_ENV: 'production',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false',
  PUBLIC_URL: 'https://mentoring-ab12cd.azurewebsites.net',
  COSMOS_ENDPOINT: 'https://mentoring-ab12cd.documents.azure.com:443/',
  COSMOS_DATABASE: 'mentoring',
  SEED_DEMO_DATA: 'false',
  DEV_SIGN_IN: 'false',
  AUTH_CLIENT_ID: 'c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74',
  AUTH_APP_ID_URI: 'api://mentoring-ab12cd.azurewebsites.net/c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74',
  AUTH_TENANT_IDS: tenant,
  PROGRAMME_LEAD_EMAILS: 'claire.martin@contoso.com',
  BOT_APP_ID: identityClientId,
  BOT_APP_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: tenant,
  AZURE_CLIENT_ID: identityClientId,
  SCHEDULER: 'true',
  LOG_LEVEL: 'info',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3',
  GRAPH_TENANT_ID: tenant,
  GRAPH_CLIENT_ID: 'c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74',
  GRAPH_CLIENT_SECRET: 'resolved-from-key-vault',
};

// Read by Azure itself or by an Azure SDK, not by src/config.ts.
const platformSettings = [
  'WEBSITES_PORT',
  'NODE_ENV',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'AZURE_CLIENT_ID',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
];

describe('the web app settings in infra/modules/app-service.bicep', () => {
  it('are the settings this test knows, so a new one gets a sample and a line in the README', () => {
    expect(appSettings.length).toBeGreaterThan(20);
    expect([...appSettings].sort()).toEqual(Object.keys(productionValues).sort());
  });

  it('start the app as configured by src/config.ts: remote Cosmos by Entra ID, managed-identity bot, SSO', () => {
    const env = Object.fromEntries(appSettings.map((k) => [k, productionValues[k]]));
    const config = loadConfig(env);
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(config.cosmos).toEqual({
      mode: 'remote',
      endpoint: 'https://mentoring-ab12cd.documents.azure.com:443/',
      database: 'mentoring',
    });
    expect(config.seedDemoData).toBe(false);
    expect(config.auth.devSignIn).toBe(false);
    expect(config.auth.tenantIds).toEqual([tenant]);
    expect(config.bot).toEqual({
      appId: identityClientId,
      appType: 'UserAssignedMSI',
      tenantId: tenant,
    });
    expect(config.graph?.clientId).toBe('c4a1e7d2-8b3f-4e59-a0c6-5d2f9b8e1a74');
  });

  it('also start the app with Graph off (no GRAPH_* settings)', () => {
    const env = Object.fromEntries(
      appSettings.filter((k) => !k.startsWith('GRAPH_')).map((k) => [k, productionValues[k]]),
    );
    expect(loadConfig(env).graph).toBeUndefined();
  });

  it('are each documented in the README', () => {
    const undocumented = appSettings.filter((k) => !azureDoc.includes(`\`${k}\``));
    expect(undocumented).toEqual([]);
  });

  it('leave only platform settings unread by the app', () => {
    const configSource = read('src/config.ts');
    const unread = appSettings.filter((k) => !new RegExp(`\\b${k}:`).test(configSource));
    expect(unread.sort()).toEqual([...platformSettings].sort());
  });

  it('hold no secret in clear: the Graph secret is a Key Vault reference', () => {
    expect(appServiceBicep).toMatch(
      /GRAPH_CLIENT_SECRET: '@Microsoft\.KeyVault\(VaultName=\$\{keyVaultName\};SecretName=graph-client-secret\)'/,
    );
    expect(mainBicep + appServiceBicep).not.toMatch(/@secure\(\)|password|listKeys/i);
  });
});

describe('infra/main.bicep and its parameters', () => {
  const params = bicepParams(mainBicep);
  const parameterFile = JSON.parse(read('infra/main.parameters.json')) as {
    parameters: Record<string, unknown>;
  };

  it('main.parameters.json sets only parameters main.bicep declares, and every required one', () => {
    const given = Object.keys(parameterFile.parameters);
    expect(given.filter((p) => !params.has(p))).toEqual([]);
    const required = [...params].filter(([, p]) => !p.hasDefault).map(([name]) => name);
    expect(required.sort()).toEqual(['aadAppClientId', 'resourceBaseName']);
    expect(required.filter((p) => !given.includes(p))).toEqual([]);
  });

  it('each module is given every parameter it requires, and only parameters it declares', () => {
    const modules = [...mainBicep.matchAll(/^module (\w+) '([^']+)'[^\n]*\{\n([\s\S]*?)\n\}\n/gm)];
    expect(modules.map((m) => m[1])).toEqual([
      'identity',
      'monitoring',
      'cosmos',
      'keyVault',
      'app',
      'bot',
    ]);
    for (const m of modules) {
      const [, name, path, body] = m as unknown as [string, string, string, string];
      const moduleParams = bicepParams(read(`infra/${path}`));
      const passed = [...body.matchAll(/^ {4}(\w+):/gm)].map((p) => p[1]);
      const missing = [...moduleParams]
        .filter(([p, { hasDefault }]) => !hasDefault && !passed.includes(p))
        .map(([p]) => p);
      expect(missing, `module ${name}`).toEqual([]);
      const unknown = passed.filter((p) => p !== undefined && !moduleParams.has(p));
      expect(unknown, `module ${name}`).toEqual([]);
    }
  });
});

describe('m365agents.yml', () => {
  const outputs = bicepOutputs(mainBicep);
  const written = [...agentsYml.matchAll(/^ {6}\w+: ([A-Z0-9_]+)$/gm)].map((m) => m[1] as string);
  const builtIn = [
    'TEAMSFX_ENV',
    'AZURE_SUBSCRIPTION_ID',
    'AZURE_RESOURCE_GROUP_NAME',
    'APP_NAME_SUFFIX',
  ];

  it('fills every placeholder of the Teams manifest from a provision step or a Bicep output', () => {
    const manifest = read('appPackage/manifest.json');
    const unresolved = placeholdersIn(manifest).filter(
      (p) => !written.includes(p) && !outputs.includes(p),
    );
    expect(unresolved).toEqual([]);
  });

  it('uses only variables the toolkit defines, a step writes, Bicep outputs or env/.env.dev defines', () => {
    const unknown = placeholdersIn(agentsYml).filter(
      (p) =>
        !builtIn.includes(p) && !written.includes(p) && !outputs.includes(p) && !(p in envTemplate),
    );
    expect(unknown).toEqual([]);
    expect(agentsYml).toContain('resourceId: ${{APP_SERVICE_RESOURCE_ID}}');
    expect(outputs).toContain('APP_SERVICE_RESOURCE_ID');
  });

  it('sits at the repository root, with its environments in ./env and no path leaving the root', () => {
    expect(existsSync(new URL('../../../infra/m365agents.yml', import.meta.url))).toBe(false);
    expect(agentsYml).toMatch(/^environmentFolderPath: \.\/env$/m);
    expect(agentsYml).not.toContain('../');
    expect(agentsYml).not.toMatch(/workingDirectory:/);
  });

  it('names input files that exist (outputs go to appPackage/build)', () => {
    const inputs = [
      ...agentsYml.matchAll(/^ +(?:- )?(?:path|parameters|manifestPath|ignoreFile): (\S+)$/gm),
    ].map((m) => m[1] as string);
    expect([...new Set(inputs)].sort()).toEqual(
      [
        './.webappignore',
        './appPackage/manifest.json',
        './infra/aad.manifest.json',
        './infra/main.bicep',
        './infra/main.parameters.json',
      ].sort(),
    );
    const missing = inputs.filter((p) => !existsSync(new URL(`../../../${p}`, import.meta.url)));
    expect(missing).toEqual([]);
    const outputs = [
      ...agentsYml.matchAll(/^ +(?:outputZipPath|outputFolder|outputFilePath): (\S+)$/gm),
    ];
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.filter((m) => !(m[1] as string).startsWith('./appPackage/build'))).toEqual([]);
  });

  it('deploys the compiled build: npm ci, npm run build, npm prune --omit=dev, then the zip', () => {
    const deploy = agentsYml.slice(agentsYml.indexOf('\ndeploy:'), agentsYml.indexOf('\npublish:'));
    const steps = [
      ...deploy.matchAll(/- uses: (\S+)[\s\S]*?(?:args: (.+)|artifactFolder: (.+))/g),
    ].map((m) => `${m[1]} ${(m[2] ?? m[3] ?? '').trim()}`);
    expect(steps).toEqual([
      'cli/runNpmCommand ci',
      'cli/runNpmCommand run build',
      'cli/runNpmCommand prune --omit=dev',
      'azureAppService/zipDeploy .',
    ]);
    expect(agentsYml).not.toMatch(/tsx|src\/main\.ts/);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/build:tab/);
    expect(pkg.scripts.build).toMatch(/build:server/);
    expect(appServiceBicep).toContain("appCommandLine: 'node dist/main.js'");
  });
});

describe('.webappignore (what azureAppService/zipDeploy leaves out of the App Service zip)', () => {
  // As the toolkit applies it: gitignore rules (the `ignore` package) plus its own .deployment
  // folder, each folder tested without a trailing slash before the walk enters it.
  const rules = ignore().add('.deployment');
  for (const line of read('.webappignore').split('\n')) rules.add(line.trim());
  const shipped = (path: string) =>
    path.split('/').every((_, i, parts) => !rules.test(parts.slice(0, i + 1).join('/')).ignored);

  it('ships package.json, dist/, tab/dist/ and node_modules/', () => {
    for (const path of [
      'package.json',
      'dist/main.js',
      'dist/main.js.map',
      'dist/matching-thread.js',
      'tab/dist/index.html',
      'tab/dist/assets/index-abc123.js',
      'node_modules/hono/package.json',
      'node_modules/@azure/cosmos/dist/index.js',
    ]) {
      expect(shipped(path), path).toBe(true);
    }
  });

  it('leaves out every other entry of the repository, the environment files and the sources', () => {
    const kept = ['package.json', 'dist', 'node_modules', 'tab'];
    const top = readdirSync(new URL('../../../', import.meta.url)).filter((e) => !kept.includes(e));
    expect(top.length).toBeGreaterThan(10);
    expect(top.filter(shipped)).toEqual([]);
    const tab = readdirSync(new URL('../../../tab/', import.meta.url))
      .filter((e) => e !== 'dist')
      .map((e) => `tab/${e}`);
    expect(tab.filter(shipped)).toEqual([]);
    for (const path of [
      'src/main.ts',
      'env/.env.dev',
      'env/.env.prod.user',
      '.env',
      '.git/config',
      '.data/snapshot.json',
      '.deployment/deployment.zip',
      'package-lock.json',
      'tab/src/main.tsx',
      'infra/main.bicep',
      'appPackage/build/appPackage.zip',
    ]) {
      expect(shipped(path), path).toBe(false);
    }
  });
});

describe('infra/aad.manifest.json (the SSO app registration)', () => {
  const aad = JSON.parse(read('infra/aad.manifest.json')) as {
    appRoles: {
      allowedMemberTypes: string[];
      description: string;
      displayName: string;
      id: string;
      isEnabled: boolean;
      value: string;
    }[];
    identifierUris: string[];
    oauth2Permissions: { value: string; id: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  };

  it('exposes api://<tab domain>/<client id>, the resource the Teams manifest asks tokens for', () => {
    const manifest = JSON.parse(read('appPackage/manifest.json')) as {
      webApplicationInfo: { resource: string };
    };
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
  });

  it('pre-authorises the Teams desktop/mobile and web clients for access_as_user', () => {
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user');
    expect(scope).toBeDefined();
    expect(aad.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', permissionIds: [scope?.id] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', permissionIds: [scope?.id] },
    ]);
  });

  it("defines the Programme.Lead app role the API reads in the token's roles claim", () => {
    expect(aad.appRoles).toHaveLength(1);
    const role = aad.appRoles[0]!;
    expect(role.value).toBe(programmeLeadAppRole);
    expect(role.value).toBe('Programme.Lead');
    // Whoever is assigned the role gets it in `roles`, which makes them a lead.
    expect(isTenantLead('', [role.value], [])).toBe(true);
    // "User" is Entra ID's only member type for people: it covers users and groups.
    expect(role.allowedMemberTypes).toEqual(['User']);
    expect(role.isEnabled).toBe(true);
    // A fixed id: a new one on each provision would drop every assignment.
    expect(role.id).toBe('59a24f83-9d04-4dc5-9ffc-59797604d3a9');
    expect(role.displayName).toBe('Programme lead');
    expect(role.description).toMatch(/^Programme leads create programmes/);
    expect(role.description).toMatch(/^[\x20-\x7e]+$/);
  });
});
