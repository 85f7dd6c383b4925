import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoProgrammeId } from '../../../src/local/seed/demo-data';
import { startTestApp } from '../../support/app-server';

const demoTenant = '11111111-2222-4333-8444-555555555555';

describe('the application on the embedded Cosmos server', () => {
  it('reports the store up on /api/health, then 503 once the store is down', async () => {
    // No snapshot: this test takes the store away underneath the app.
    const app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    try {
      const ok = await fetch(`${app.baseUrl}/api/health`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: 'ok', store: 'up', storeMode: 'embedded' });

      await app.server.embeddedCosmos!.close();
      const down = await fetch(`${app.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'degraded', store: 'down' });
    } finally {
      await app.stop().catch(() => undefined);
    }
  });

  it('loads the demo company: about 40 people with a manager hierarchy and an enrolling programme', async () => {
    const app = await startTestApp();
    try {
      const people = await app.repos.people.all(demoTenant);
      expect(people.length).toBeGreaterThanOrEqual(40);
      const ids = new Set(people.map((p) => p.value.id));
      const withManager = people.filter((p) => p.value.managerId !== null);
      expect(withManager.length).toBe(people.length - 1);
      for (const p of withManager) expect(ids.has(p.value.managerId!)).toBe(true);
      expect(new Set(people.map((p) => p.value.department)).size).toBeGreaterThanOrEqual(5);
      const programme = await app.repos.programmes.get(demoTenant, demoProgrammeId);
      expect(programme.value.status).toBe('enrolling');
      const labels = programme.value.skills.map((s) => s.label.en);
      expect(labels).toEqual(
        expect.arrayContaining(['Microsoft Teams', 'Power BI', 'Negotiation', 'Leadership']),
      );
      expect(programme.value.skills.find((s) => s.id === 'negotiation')?.label.fr).toBe(
        'Négociation',
      );
    } finally {
      await app.stop();
    }
  });

  it('keeps data written while running across a stop and a start (local snapshot)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mentoring-persist-'));
    try {
      const first = await startTestApp({ dataDir });
      const programmes = first.repos.programmes;
      const current = await programmes.get(demoTenant, demoProgrammeId);
      await programmes.replace(
        { ...current.value, name: 'Renamed while trying the product' },
        current.etag,
      );
      await first.stop();

      const second = await startTestApp({ dataDir });
      try {
        const again = await second.repos.programmes.get(demoTenant, demoProgrammeId);
        expect(again.value.name).toBe('Renamed while trying the product');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('answers unknown API routes with a JSON not_found error', async () => {
    const app = await startTestApp();
    try {
      const res = await fetch(`${app.baseUrl}/api/does-not-exist`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'not_found', message: 'No API route GET /api/does-not-exist' },
      });
    } finally {
      await app.stop();
    }
  });

  it('serves the privacy and terms pages the Teams manifest links to, in French and English', async () => {
    const app = await startTestApp();
    try {
      for (const path of ['/privacy', '/terms']) {
        const res = await fetch(`${app.baseUrl}${path}`);
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toContain('lang="fr"');
        expect(html).toContain('lang="en"');
      }
      expect(await (await fetch(`${app.baseUrl}/privacy`)).text()).toContain(
        'visible to their author only',
      );
    } finally {
      await app.stop();
    }
  });
});
