import { z } from 'zod';
import { CosmosRepository } from '../../../src/store/cosmos-repository';
import { isDomainError } from '../../../src/domain/errors';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const counterSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  n: z.number().int(),
  writers: z.array(z.string()),
});
type Counter = z.infer<typeof counterSchema>;

let cosmos: LocalCosmos;
let repo: CosmosRepository<Counter>;

beforeAll(async () => {
  cosmos = await startLocalCosmos();
  repo = new CosmosRepository(cosmos.store.container('jobs'), counterSchema, {
    code: 'not_found',
    entity: 'Counter',
  });
});
afterAll(async () => cosmos?.stop());

describe('CosmosRepository against the local Cosmos server', () => {
  it('creates, reads back without Cosmos metadata, and refuses a duplicate id', async () => {
    const created = await repo.create({ id: 'c1', tenantId: 't1', n: 0, writers: [] });
    expect(created.etag).not.toBe('');
    const read = await repo.get('t1', 'c1');
    expect(read.value).toEqual({ id: 'c1', tenantId: 't1', n: 0, writers: [] });
    await expect(repo.create({ id: 'c1', tenantId: 't1', n: 1, writers: [] })).rejects.toSatisfy(
      (e) => isDomainError(e, 'already_exists'),
    );
  });

  it('keeps tenants apart: the same id in another tenant is another document', async () => {
    await repo.create({ id: 'shared', tenantId: 'a', n: 1, writers: [] });
    await repo.create({ id: 'shared', tenantId: 'b', n: 2, writers: [] });
    expect((await repo.get('a', 'shared')).value.n).toBe(1);
    expect((await repo.get('b', 'shared')).value.n).toBe(2);
    const inA = await repo.query('a');
    expect(inA.map((d) => d.value.tenantId)).toEqual(['a']);
    expect(await repo.find('c', 'shared')).toBeUndefined();
  });

  it('reports a missing document with the entity’s not-found code', async () => {
    await expect(repo.get('t1', 'nope')).rejects.toSatisfy((e) => isDomainError(e, 'not_found'));
  });

  it('answers an id no document can have (/, \\, ?, #, too long) as not found, not as a store outage', async () => {
    for (const id of ['a/b', 'a\\b', 'a?b', 'a#b', 'x'.repeat(256), '']) {
      expect(await repo.find('t1', id)).toBeUndefined();
      await expect(repo.get('t1', id)).rejects.toMatchObject({
        code: 'not_found',
        message: `Counter ${id} was not found`,
      });
    }
  });

  it('turns a stale ETag into version_conflict', async () => {
    const first = await repo.create({ id: 'stale', tenantId: 't1', n: 0, writers: [] });
    await repo.replace({ ...first.value, n: 1 }, first.etag);
    await expect(repo.replace({ ...first.value, n: 2 }, first.etag)).rejects.toSatisfy((e) =>
      isDomainError(e, 'version_conflict'),
    );
    expect((await repo.get('t1', 'stale')).value.n).toBe(1);
  });

  it('lets exactly one of 50 concurrent conditional updates win per version', async () => {
    let current = await repo.create({ id: 'race', tenantId: 't1', n: 0, writers: [] });
    for (let round = 1; round <= 3; round++) {
      const base = current;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          repo.replace(
            { ...base.value, n: base.value.n + 1, writers: [`r${round}w${i}`] },
            base.etag,
          ),
        ),
      );
      const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const reason of lost) expect(isDomainError(reason, 'version_conflict')).toBe(true);
      current = await repo.get('t1', 'race');
      expect(current.value.n).toBe(round);
      expect(current.value.writers).toEqual(won[0]!.value.writers);
      expect(current.etag).toBe(won[0]!.etag);
    }
  });

  it('update() re-reads and re-applies on conflict so 20 concurrent increments all count', async () => {
    await repo.create({ id: 'inc', tenantId: 't1', n: 0, writers: [] });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repo.update(
          't1',
          'inc',
          (c) => ({ ...c, n: c.n + 1, writers: [...c.writers, `w${i}`] }),
          50,
        ),
      ),
    );
    const stored = await repo.get('t1', 'inc');
    expect(stored.value.n).toBe(20);
    expect(new Set(stored.value.writers).size).toBe(20);
  });

  it('queries with parameters, ordering, TOP, pages and counts within one tenant', async () => {
    for (let i = 0; i < 25; i++)
      await repo.create({ id: `q${i}`, tenantId: 'tq', n: i, writers: [] });
    const big = await repo.query('tq', {
      where: 'c.n >= @min',
      parameters: [{ name: '@min', value: 20 }],
      orderBy: 'c.n DESC',
    });
    expect(big.map((d) => d.value.n)).toEqual([24, 23, 22, 21, 20]);
    expect(
      await repo.count('tq', {
        where: 'c.n < @max',
        parameters: [{ name: '@max', value: 10 }],
      }),
    ).toBe(10);
    const first = await repo.queryPage('tq', {}, 10);
    expect(first.items).toHaveLength(10);
    expect(first.continuationToken).toBeDefined();
    const second = await repo.queryPage('tq', {}, 10, first.continuationToken);
    expect(second.items).toHaveLength(10);
    expect(new Set([...first.items, ...second.items].map((d) => d.value.id)).size).toBe(20);
  });

  it('never treats input as SQL: a parameter that looks like SQL matches nothing', async () => {
    const found = await repo.query('t1', {
      where: 'c.id = @id',
      parameters: [{ name: '@id', value: "x' OR 1=1 --" }],
    });
    expect(found).toEqual([]);
  });

  it('fails with store_unavailable once the server is gone', async () => {
    const other = await startLocalCosmos();
    const r = new CosmosRepository(other.store.container('jobs'), counterSchema, {
      code: 'not_found',
      entity: 'Counter',
    });
    await other.server.close();
    await expect(r.find('t1', 'x')).rejects.toSatisfy((e) => isDomainError(e, 'store_unavailable'));
    await other.stop().catch(() => undefined);
  });
});
