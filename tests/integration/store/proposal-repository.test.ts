import type { StoredProposal } from '../../../src/store/proposal-repository';
import { createRepositories } from '../../../src/store/repositories';
import { aProposal } from '../../fixtures/builders';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const tenant = 'tenant-proposals';

describe('the proposals of a programme, on the local Cosmos server', () => {
  let cosmos: LocalCosmos;
  beforeAll(async () => {
    cosmos = await startLocalCosmos();
  });
  afterAll(async () => {
    await cosmos?.stop();
  });

  it('reads every page of a programme, in the statuses asked for, and nothing of another', async () => {
    // Three a page, so eleven proposals take four pages.
    const { proposals } = createRepositories(cosmos.store, { proposalPageSize: 3 });
    const stored = (i: number, programmeId: string): StoredProposal => ({
      ...aProposal({
        id: `prop-${programmeId}-${i}`,
        tenantId: tenant,
        programmeId,
        mentorId: `mentor-${i}`,
        menteeId: `mentee-${i}`,
        status: i % 4 === 0 ? 'declined' : 'proposed',
      }),
      publishedAt: null,
      kept: false,
      pairId: null,
    });
    for (let i = 0; i < 11; i++) await proposals.create(stored(i, 'prog-a'));
    for (let i = 0; i < 2; i++) await proposals.create(stored(i, 'prog-b'));

    const all = await proposals.ofProgramme(tenant, 'prog-a');
    expect(all.map((p) => p.value.id).sort()).toEqual(
      Array.from({ length: 11 }, (_, i) => `prop-prog-a-${i}`).sort(),
    );
    const declined = await proposals.ofProgramme(tenant, 'prog-a', ['declined']);
    expect(declined.map((p) => p.value.id).sort()).toEqual([
      'prop-prog-a-0',
      'prop-prog-a-4',
      'prop-prog-a-8',
    ]);
    expect(declined.every((p) => p.etag.length > 0)).toBe(true);
    // Those of a few people only (a pin or a swap checks its pairs against them).
    const theirs = await proposals.involving(
      tenant,
      'prog-a',
      ['mentor-4', 'mentee-8', 'mentee-5'],
      ['declined'],
    );
    expect(theirs.map((p) => p.value.id).sort()).toEqual(['prop-prog-a-4', 'prop-prog-a-8']);
    expect(await proposals.involving(tenant, 'prog-a', [], ['declined'])).toEqual([]);
  });
});
