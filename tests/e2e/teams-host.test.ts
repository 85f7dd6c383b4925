import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { Frame, Page } from 'playwright-core';
import { useTabWorld } from '../support/tab-world';
import { newIsolatedContext, seriousAxeViolations, themeBackground } from '../support/chromium';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const HOST_PREFIX = '/__host__/';

const world = useTabWorld();
let proxy: Server;
let hostUrl: string;
/** The API requests that went through the proxy, with the bearer token they carried. */
const apiCalls: { path: string; authorization: string | undefined }[] = [];

/**
 * Serves the host pages under /__host__/ and passes everything else to the real app, so the host
 * page and the framed tab share one origin, as teams-js requires for messages from a non-Microsoft
 * parent. The app itself has no test route.
 */
async function startHostProxy(appUrl: string): Promise<Server> {
  const target = new URL(appUrl);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith(HOST_PREFIX)) {
      const name = path.slice(HOST_PREFIX.length);
      if (!/^[\w-]+\.(html|js)$/.test(name)) {
        res.writeHead(404).end();
        return;
      }
      readFile(fixtures + name).then(
        (body) => {
          const type = name.endsWith('.js') ? 'text/javascript' : 'text/html';
          res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(body);
        },
        () => res.writeHead(404).end(),
      );
      return;
    }
    if (path.startsWith('/api/')) apiCalls.push({ path, authorization: req.headers.authorization });
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

beforeAll(async () => {
  proxy = await startHostProxy(world.app.baseUrl);
  hostUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${HOST_PREFIX}`;
});

afterAll(async () => {
  await new Promise((done) => (proxy ? proxy.close(done) : done(undefined)));
});

async function openHost(
  page: string,
  query = '',
  ready: (tab: Frame) => Promise<void> = (tab) => tab.getByRole('heading', { level: 1 }).waitFor(),
): Promise<{ page: Page; tab: Frame }> {
  const { context } = await newIsolatedContext(world.browser, { locale: 'en-US' });
  const host = await context.newPage();
  await host.goto(`${hostUrl}${page}${query}`);
  const element = await host.waitForSelector('iframe#tab');
  let tab: Frame | null = null;
  while (!tab) tab = await element.contentFrame();
  await ready(tab);
  return { page: host, tab };
}

const received = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { teamsHostReceived(): { func: string; args: unknown[] }[] }
    ).teamsHostReceived(),
  );

const setTeamsTheme = (page: Page, theme: string) =>
  page.evaluate(
    (name) => (window as unknown as { setTeamsTheme(theme: string): void }).setTeamsTheme(name),
    theme,
  );

describe('the tab inside a Teams-like host', () => {
  it('takes the Teams locale and user, hides the switches, and tells Teams it is ready', async () => {
    const { page, tab } = await openHost('teams-host.html', '?locale=fr-FR&theme=default');

    await tab.getByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' }).waitFor();
    await tab.getByText('Bonjour Camille Martin.').waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await tab.getByRole('group', { name: 'Langue' }).count()).toBe(0);
    expect(await tab.getByRole('combobox', { name: 'Thème' }).count()).toBe(0);

    await expect
      .poll(async () => (await received(page)).map((message) => message.func))
      .toContain('appInitialization.success');
    const funcs = (await received(page)).map((message) => message.func);
    expect(funcs.indexOf('initialize')).toBe(0);
    expect(funcs).toContain('getContext');
    expect(funcs.filter((func) => func === 'appInitialization.success')).toHaveLength(1);
    await page.context().close();
  });

  it('speaks English when Teams is in a language other than French', async () => {
    const { page, tab } = await openHost('teams-host.html', '?locale=de-DE');

    await tab.getByRole('heading', { level: 1, name: 'Welcome to Mentoring' }).waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });

  it('follows a live theme change from default to dark to high contrast, accessible in each', async () => {
    const { page, tab } = await openHost('teams-host.html', '?locale=fr-FR&theme=default');
    await tab.getByRole('status').filter({ hasText: 'Service disponible' }).waitFor();

    expect(await themeBackground(tab)).toBe(teamsLightTheme.colorNeutralBackground2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const registrations = (await received(page)).filter((m) => m.func === 'registerHandler');
    expect(registrations.map((m) => m.args[0])).toContain('themeChange');

    await setTeamsTheme(page, 'dark');
    await expect.poll(() => themeBackground(tab)).toBe(teamsDarkTheme.colorNeutralBackground2);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await setTeamsTheme(page, 'contrast');
    await expect
      .poll(() => themeBackground(tab))
      .toBe(teamsHighContrastTheme.colorNeutralBackground2);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await setTeamsTheme(page, 'default');
    await expect.poll(() => themeBackground(tab)).toBe(teamsLightTheme.colorNeutralBackground2);
    await page.context().close();
  });

  it('starts in the theme Teams is in', async () => {
    const { page, tab } = await openHost('teams-host.html', '?locale=en-US&theme=dark');

    expect(await themeBackground(tab)).toBe(teamsDarkTheme.colorNeutralBackground2);
    await page.context().close();
  });

  it('calls the API with the Teams SSO token, which the server checks', async () => {
    apiCalls.length = 0;
    const { page, tab } = await openHost(
      'teams-host.html',
      '?locale=fr-FR&path=/profile',
      (frame) => frame.getByRole('alert').waitFor(),
    );

    const funcs = (await received(page)).map((message) => message.func);
    expect(funcs).toContain('authentication.getAuthToken');
    const me = apiCalls.filter((call) => call.path === '/api/me');
    expect(me.length).toBeGreaterThan(0);
    expect(me.every((call) => call.authorization === 'Bearer e2e-teams-sso-token')).toBe(true);
    // The host's token is not a signed Entra ID token: the API refuses it, and the tab says so in French.
    await tab.getByText('Votre session a expiré. Reconnectez-vous.').waitFor();
    await page.context().close();
  });

  it('in a frame that is not Teams, shows the browser shell after a short wait', async () => {
    const { page, tab } = await openHost('plain-frame.html');

    await tab.getByRole('heading', { level: 1, name: 'Welcome to Mentoring' }).waitFor();
    await tab.getByRole('group', { name: 'Language' }).waitFor();
    await page.context().close();
  });
});
