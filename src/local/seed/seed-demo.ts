import type { Clock } from '../../domain/clock';
import type { Store } from '../../store/database';
import { createRepositories } from '../../store/repositories';
import { demoPeople, demoProfiles, demoProgramme } from './demo-data';
import { demoClosedProgramme } from './demo-closed-programme';
import { demoPairs } from './demo-pairs';
import { demoBuddies } from './demo-buddies';

/** Load the demo company into `tenantId`; idempotent (upserts by id). Returns the number of documents. */
export async function seedDemoData(store: Store, tenantId: string, clock: Clock): Promise<number> {
  const {
    people,
    programmes,
    profiles,
    pairs: pairRepo,
    notes: noteRepo,
    approvals: approvalRepo,
    buddies: buddyRepo,
  } = createRepositories(store);
  const persons = demoPeople(tenantId);
  for (let i = 0; i < persons.length; i += 16) {
    await Promise.all(persons.slice(i, i + 16).map((p) => people.upsert(p)));
  }
  await programmes.upsert(demoProgramme(tenantId, clock));
  const volunteers = demoProfiles(tenantId, clock);
  await Promise.all(volunteers.map((p) => profiles.upsert(p)));
  // Pairs at different stages, so the pair dashboard can be tried at once.
  const { pairs, notebooks, approvals } = demoPairs(tenantId, clock);
  await Promise.all([
    ...pairs.map((p) => pairRepo.upsert(p)),
    ...notebooks.map((n) => noteRepo.upsert(n)),
    ...approvals.map((a) => approvalRepo.upsert(a)),
  ]);
  // Last year's programme, closed: the bilan has real figures and comments to show.
  const closed = demoClosedProgramme(tenantId, clock);
  await programmes.upsert(closed.programme);
  for (let i = 0; i < closed.pairs.length; i += 8) {
    await Promise.all(closed.pairs.slice(i, i + 8).map((p) => pairRepo.upsert(p)));
  }
  await Promise.all([
    ...closed.notebooks.map((n) => noteRepo.upsert(n)),
    ...closed.approvals.map((a) => approvalRepo.upsert(a)),
  ]);
  // Quick help: digital buddies for every digital skill, so a newcomer can ask at once.
  const buddies = demoBuddies(persons, clock);
  await Promise.all(buddies.map((b) => buddyRepo.upsert(b)));
  return (
    persons.length +
    1 +
    volunteers.length +
    pairs.length +
    notebooks.length +
    approvals.length +
    1 +
    closed.pairs.length +
    closed.notebooks.length +
    closed.approvals.length +
    buddies.length
  );
}
