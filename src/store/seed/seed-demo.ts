import type { Clock } from '../../domain/clock';
import { ApprovalRepository } from '../approval-repository';
import { NoteRepository } from '../note-repository';
import { PairRepository } from '../pair-repository';
import { PeopleRepository } from '../people-repository';
import { ProfileRepository } from '../profile-repository';
import { ProgrammeRepository } from '../programme-repository';
import type { Store } from '../database';
import { demoPeople, demoProfiles, demoProgramme } from './demo-data';
import { demoPairs } from './demo-pairs';

/** Load the demo company into `tenantId`; idempotent (upserts by id). Returns the number of documents. */
export async function seedDemoData(store: Store, tenantId: string, clock: Clock): Promise<number> {
  const people = new PeopleRepository(store.container('people'));
  const programmes = new ProgrammeRepository(store.container('programmes'));
  const profiles = new ProfileRepository(store.container('profiles'));
  const persons = demoPeople(tenantId);
  for (let i = 0; i < persons.length; i += 16) {
    await Promise.all(persons.slice(i, i + 16).map((p) => people.upsert(p)));
  }
  await programmes.upsert(demoProgramme(tenantId, clock));
  const volunteers = demoProfiles(tenantId, clock);
  await Promise.all(volunteers.map((p) => profiles.upsert(p)));
  // Pairs at different stages, so the pair dashboard can be tried at once.
  const { pairs, notebooks, approvals } = demoPairs(tenantId, clock);
  const pairRepo = new PairRepository(store.container('pairs'));
  const noteRepo = new NoteRepository(store.container('notes'));
  const approvalRepo = new ApprovalRepository(store.container('approvals'));
  await Promise.all([
    ...pairs.map((p) => pairRepo.upsert(p)),
    ...notebooks.map((n) => noteRepo.upsert(n)),
    ...approvals.map((a) => approvalRepo.upsert(a)),
  ]);
  return (
    persons.length + 1 + volunteers.length + pairs.length + notebooks.length + approvals.length
  );
}
