import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { actAs, seriousAxeViolations, themeBackground } from '../support/chromium';
import { region, useTabWorld } from '../support/tab-world';

const world = useTabWorld();

const WIDTH = 400;

/** The page's width against the viewport's: nothing may make it scroll sideways. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * A pair member tells, from the tab's own API, that the pairing is not a good fit (their latest
 * feedback on the last session held): what makes the pair "at risk" for the lead.
 */
async function saysPoorFit(page: Page): Promise<void> {
  const status = await page.evaluate(async () => {
    const session = JSON.parse(localStorage.getItem('mentoring.devSession') ?? '{}') as {
      token?: string;
    };
    const headers = {
      Authorization: `Bearer ${session.token ?? ''}`,
      'Content-Type': 'application/json',
    };
    const mine = (await (await fetch('/api/pairs/mine', { headers })).json()) as {
      pairs: { id: string; state: string }[];
    };
    const pair = mine.pairs.find((p) => p.state === 'active');
    if (!pair) return 'no active pair';
    const view = (await (await fetch(`/api/pairs/${pair.id}/dashboard`, { headers })).json()) as {
      pair: { sessions: { id: string; status: string }[] };
    };
    const held = view.pair.sessions.filter((s) => s.status === 'held').at(-1);
    if (!held) return 'no session held';
    const response = await fetch(`/api/pairs/${pair.id}/sessions/${held.id}/feedback`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        rating: 2,
        worked: '',
        suggestion: '',
        pairingFit: 'poor',
      }),
    });
    return response.status;
  });
  expect(status).toBe(200);
}

/** The PDF's page count, page size and document title (Chromium writes the title as UTF-16BE). */
function readPdf(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const count =
    /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/s.exec(text) ?? /\/Count\s+(\d+)/.exec(text);
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(text)?.[1] ?? '';
  const title = Buffer.from(hex, 'hex').swap16().toString('utf16le');
  return {
    header: text.slice(0, 5),
    pages: Number(count?.[1] ?? 0),
    widthPt: Number(box?.[1] ?? 0),
    heightPt: Number(box?.[2] ?? 0),
    title,
  };
}

describe('a lead follows the programme’s health and prints its bilan', () => {
  it('finds the pair a member flagged, nudges it once, and saves the bilan of the closed programme as an A4 PDF (fr)', async () => {
    // Yanis Benali mentors Martine Chevalier (demo): Martine says the pairing is not a good fit.
    const martine = await world.open('/pair', { locale: 'fr-FR' });
    await actAs(martine, 'Martine Chevalier', /Rechercher/);
    await martine.getByRole('heading', { name: 'Yanis Benali', exact: true }).waitFor();
    await saysPoorFit(martine);
    await martine.context().close();

    const page = await world.open('/programmes', { locale: 'fr-FR' });
    await actAs(page, 'Claire Dubois', /Rechercher/);
    await page.getByRole('link', { name: 'Suivi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Suivi du programme' }).waitFor();
    // The programme under way comes first (the closed one is in the picker).
    // The figures may be up to 15 minutes old: the lead asks for fresh ones.
    await page.getByRole('button', { name: 'Actualiser' }).click();
    const atRisk = region(page, 'Binômes en difficulté');
    const pair = atRisk.getByRole('article', { name: 'Yanis Benali et Martine Chevalier' });
    await pair.getByText('L’un des deux estime que le binôme ne fonctionne pas').waitFor();
    const nudge = pair.getByRole('button', { name: 'Relancer Yanis Benali et Martine Chevalier' });
    await nudge.click();
    await pair
      .getByText(
        'Une relance est envoyée à Yanis Benali et Martine Chevalier dans Teams, à chaque personne dans sa langue.',
        { exact: false },
      )
      .waitFor();
    expect(await nudge.isDisabled()).toBe(true);
    expect(await nudge.getAttribute('aria-describedby')).not.toBeNull();
    // Reloaded, the pair still cannot be nudged again this week.
    await page.reload();
    await page.getByRole('button', { name: 'Actualiser' }).waitFor();
    const again = region(page, 'Binômes en difficulté').getByRole('button', {
      name: 'Relancer Yanis Benali et Martine Chevalier',
    });
    await again.waitFor();
    expect(await again.isDisabled()).toBe(true);
    await page
      .getByRole('figure', { name: 'Séances par semaine : prévues et tenues' })
      .locator('svg')
      .first()
      .waitFor();
    // The demo's pilot pairs met before the programme's start: their sessions are in the weekly
    // table too, which adds up to the totals above it.
    const sessions = region(page, 'Séances tenues et prévues, par semaine');
    const summary = await sessions.getByText(/tenues, .* prévues/).textContent();
    const heldTotal = Number(/^(\d+) tenues/.exec(summary ?? '')?.[1]);
    expect(heldTotal).toBeGreaterThan(0);
    const heldByWeek = await sessions
      .getByRole('table', { name: 'Séances par semaine : prévues et tenues' })
      .locator('tbody tr td:nth-of-type(2)')
      .allTextContents();
    expect(heldByWeek.reduce((sum, cell) => sum + Number(cell), 0)).toBe(heldTotal);
    for (const [theme, background] of [
      ['Sombre', webDarkTheme.colorNeutralBackground2],
      ['Contraste élevé', teamsHighContrastTheme.colorNeutralBackground2],
      ['Clair', webLightTheme.colorNeutralBackground2],
    ] as const) {
      await page.getByRole('combobox', { name: 'Thème' }).selectOption({ label: theme });
      await expect.poll(() => themeBackground(page)).toBe(background);
      expect(await seriousAxeViolations(page), theme).toEqual([]);
    }

    // The bilan of the closed programme, charts drawn, printed to PDF by Chromium.
    await page.getByRole('link', { name: 'Bilan imprimable' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bilan du programme' }).waitFor();
    await page.getByRole('combobox', { name: 'Programme' }).selectOption({
      label: 'Mentorat inversé 2026',
    });
    await page.getByText(/Programme clos\./).waitFor();
    await region(page, 'Les questions clés, chiffres à l’appui')
      .getByRole('heading', { name: 'Y avait-il un vrai besoin de ces compétences ?' })
      .waitFor();
    await page
      .getByRole('figure', { name: 'Séances par semaine : prévues et tenues' })
      .locator('svg')
      .first()
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Time freed: sessions held count for both members, as approvals are per person.
    await region(page, 'Du temps a-t-il été dégagé ?')
      .getByText(/^Les séances tenues ont utilisé 92\s%\sdu temps accordé/)
      .waitFor();
    // Skills: levels from 1 to 5 on an axis that stops at 5, the skill's name in full.
    const skillsChart = page.getByRole('figure', {
      name: 'Niveau moyen auto-évalué (de 1 à 5) au début et à la fin',
    });
    await skillsChart.getByText('Copilot et IA générative', { exact: true }).waitFor();
    const ticks = (await skillsChart.locator('svg .tick text').allTextContents())
      .map(Number)
      .filter((tick) => !Number.isNaN(tick));
    expect(Math.max(...ticks)).toBe(5);
    await page.emulateMedia({ media: 'print' });
    // Printed: no nav, no buttons.
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(
      await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).isVisible(),
    ).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    const read = readPdf(pdf);
    expect(read.header).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    // A4 is 595 × 842 points; each of the six parts starts a page.
    expect(Math.round(read.widthPt)).toBe(596);
    expect(Math.round(read.heightPt)).toBe(843);
    expect(read.pages).toBeGreaterThanOrEqual(6);
    expect(read.title).toContain('Bilan du programme');

    // The CSV in French: semicolons, a BOM for Excel.
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split(/\r?\n/)[0]).toContain(';');
    await page.context().close();
  });

  it('fits 400 px in English: the follow-up and the bilan scroll only inside their tables', async () => {
    const page = await world.open('/profile', {
      locale: 'en-GB',
      viewport: { width: WIDTH, height: 800 },
    });
    await actAs(page, 'Claire Dubois', /Search/);
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.goto(`${world.app.baseUrl}/follow-up`);
    await page.getByRole('heading', { level: 2, name: 'Pairs at risk' }).waitFor();
    await page
      .getByRole('heading', { level: 3, name: 'Sessions held against planned, per week' })
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    await page.getByRole('link', { name: 'Printable report' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Key questions, answered with figures' })
      .waitFor();
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    // Both legends of the closed programme's ratings chart show on a narrow tab (none behind a
    // "+1 more").
    await page.getByRole('combobox', { name: 'Programme' }).selectOption({
      label: 'Mentorat inversé 2026',
    });
    const ratings = page.getByRole('figure', {
      name: 'Ratings given, from 1 (poor) to 4 (excellent)',
    });
    await ratings.getByText('Mentors about their mentees', { exact: true }).waitFor();
    await ratings.getByText('Mentees about their mentors', { exact: true }).waitFor();
    expect(await ratings.getByText(/^\+\d+ more$/).count()).toBe(0);

    // The CSV downloads with the lead's token, in English (comma-separated, with a BOM).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split(/\r?\n/)[0]).toContain(',');
    await page.context().close();
  });
});
