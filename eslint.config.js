// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Architecture boundaries (see README "Layout"): each entry forbids imports from a layer. */
const restrict = (files, patterns, message) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: [{ group: patterns, message, allowTypeImports: false }] },
    ],
  },
});

const domainForbidden = [
  '**/store/**', '**/api/**', '**/notifications/**', '**/matching/**', '**/bot/**',
  '**/config', '**/main', '**/app/**', '**/local/**', '@azure/*', 'botbuilder*', 'hono', 'hono/*', '@microsoft/*', 'node:*', 'fs', 'http', 'https',
];
const domainMessage = 'src/domain is pure: no adapters, SDKs or I/O.';
/** The calendar adapters (src/calendar), not the calendar's pure part (src/domain/calendar). */
const calendarAdapters = ['**/calendar/**', '!**/domain/calendar/**'];

export default tseslint.config(
  { ignores: ['node_modules', 'tab/dist', 'dist', '.data', 'appPackage/build', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // domain is pure: nothing of ours outside itself, no SDKs, no I/O. src/domain/calendar is the
  // calendar's pure part; src/calendar (its adapters) is ../calendar from src/domain/*.ts and
  // ../../calendar one folder down, where ../calendar is src/domain/calendar.
  restrict(['src/domain/*.ts'], [...domainForbidden, '../calendar', '../calendar/**'], domainMessage),
  restrict(
    ['src/domain/*/**'],
    [...domainForbidden, '../../calendar', '../../calendar/**'],
    domainMessage,
  ),
  restrict(
    ['src/matching/**'],
    ['**/store/**', '**/api/**', ...calendarAdapters, '**/notifications/**', '**/bot/**', '**/config', '**/main', '**/app/**', '**/local/**', '@azure/*', 'botbuilder*'],
    'src/matching depends on domain only.',
  ),
  restrict(
    ['src/store/**', 'src/calendar/**'],
    ['**/api/**', '**/notifications/**', '**/bot/**', '**/main', '**/app/**', '**/local/**'],
    'Adapters depend on domain, not on edges.',
  ),
  // Contracts are data: zod and the domain only, so both the services and the tab can use them.
  restrict(
    ['src/contracts/**'],
    ['**/store/**', '**/api/**', '**/services/**', ...calendarAdapters, '**/notifications/**', '**/bot/**', '**/config', '**/main', '**/app/**', '**/local/**', '@azure/*', 'botbuilder*', 'hono', 'hono/*'],
    'src/contracts depends on zod and src/domain only.',
  ),
  // Services are called by the edges (HTTP, bot, background loops), never the other way round.
  restrict(
    ['src/services/**'],
    ['**/api/**', '**/bot/**', '**/notifications/**', '**/main', '**/app/**', '**/local/**', 'hono', 'hono/*', 'botbuilder*'],
    'src/services may not import the edges (api, bot, the notification pipeline) nor their frameworks.',
  ),
  restrict(
    ['src/api/**', 'src/notifications/**'],
    ['@azure/cosmos', '@microsoft/microsoft-graph-client', '**/main', '**/app/**', '**/local/**'],
    'Edges use services and ports; only src/app wires SDK clients.',
  ),
  // The bot translates Teams activities to service calls (the tab's services, wired in src/app).
  // Of the store it keeps the conversation references only: how to reach a person in Teams.
  restrict(
    ['bot/**'],
    [
      '@azure/cosmos', '@microsoft/microsoft-graph-client', '**/main', '**/app/**', '**/local/**',
      '**/store/*', '!**/store/conversation-repository',
    ],
    'bot/ calls services (src/services) and uses only the conversation references of src/store; only src/app wires SDK clients and repositories.',
  ),
  // One source of time: the Clock wired in the composition root (src/domain/clock.ts). Reading the
  // wall clock elsewhere lets the real date leak into tests and the demo (npm run test:any-date).
  {
    files: ['src/**/*.ts', 'bot/**/*.ts'],
    ignores: ['src/domain/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected Clock (clock.now()), not Date.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the injected Clock (clock.now()), not new Date().',
        },
      ],
    },
  },
  // The tab may only import types from the server (enforced separately by the type-only rule below),
  // but for the French grammar helper.
  {
    files: ['tab/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Except src/domain/french.ts (the product's one French grammar helper: elision,
              // agreement) and src/domain/text-file.ts (reading an uploaded CSV's encoding): pure
              // and without imports, shared so the tab and the server agree.
              regex: '(^|/)(src/(?!domain/(french|text-file)$)|bot/)',
              message: 'The tab imports only types from the server (import type).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Outside tab/src/api/, the tab calls the API through the per-capability modules (api/programmes.ts,
  // api/pairs.ts...), whose paths are tied to their contracts: no hand-written `api.get<T>('/path')`.
  {
    files: ['tab/**'],
    ignores: ['tab/src/api/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Except src/domain/french.ts (the product's one French grammar helper: elision,
              // agreement) and src/domain/text-file.ts (reading an uploaded CSV's encoding): pure
              // and without imports, shared so the tab and the server agree.
              regex: '(^|/)(src/(?!domain/(french|text-file)$)|bot/)',
              message: 'The tab imports only types from the server (import type).',
              allowTypeImports: true,
            },
            {
              group: ['**/api/client'],
              importNames: ['api', 'apiRequest', 'apiDownload'],
              message:
                'Call the API through its capability module in tab/src/api/ (e.g. getProgrammes).',
            },
          ],
        },
      ],
    },
  },
);
