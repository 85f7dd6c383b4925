import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSnapshot, restoreSnapshot } from '../../../src/local/local-snapshot';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

describe('the embedded Cosmos server and its local snapshot', () => {
  let cosmos: LocalCosmos;
  let dir: string;
  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
  });
  afterAll(async () => {
    await cosmos.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('signals writes, and neither reads nor queries (so saving a snapshot never triggers another)', async () => {
    let writes = 0;
    cosmos.server.onWrite(() => writes++);
    const people = cosmos.store.container('people');
    await people.items.create({ id: 'p1', tenantId: 't', displayName: 'Léa' });
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toBe(1);
    await people.item('p1', 't').read();
    await people.items.query('SELECT * FROM c').fetchAll();
    await saveSnapshot(cosmos.store, join(dir, 'a.json'), new Date('2027-01-01T00:00:00Z'));
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toBe(1);
    await people.item('p1', 't').delete();
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toBe(2);
  });

  it('restores into another server exactly what was saved, without Cosmos metadata', async () => {
    const people = cosmos.store.container('people');
    await people.items.upsert({ id: 'p2', tenantId: 't', displayName: 'Marc', tags: ['a'] });
    const file = join(dir, 'b.json');
    await saveSnapshot(cosmos.store, file, new Date('2027-01-01T00:00:00Z'));
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      containers: { people: Record<string, unknown>[] };
    };
    expect(saved.containers.people.find((d) => d.id === 'p2')).toEqual({
      id: 'p2',
      tenantId: 't',
      displayName: 'Marc',
      tags: ['a'],
    });

    const other = await startLocalCosmos();
    try {
      const restored = await restoreSnapshot(other.store, file);
      expect(restored).toMatchObject({ savedAt: '2027-01-01T00:00:00.000Z' });
      const { resource } = await other.store.container('people').item('p2', 't').read();
      expect(resource).toMatchObject({ id: 'p2', displayName: 'Marc', tags: ['a'] });
    } finally {
      await other.stop();
    }
  });

  it('says there is nothing to restore when no snapshot exists, and explains a corrupt one', async () => {
    expect(await restoreSnapshot(cosmos.store, join(dir, 'missing.json'))).toBe(false);
    const bad = join(dir, 'bad.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(bad, '{ not json'));
    await expect(restoreSnapshot(cosmos.store, bad)).rejects.toThrow(
      /not valid JSON.*npm run reset/,
    );
  });
});
