import { matchProposalSchema } from '../../../src/domain/match-proposal';
import { systemClock, type Clock } from '../../../src/domain/clock';
import { demoPersonId, demoProgramme } from '../../../src/local/seed/demo-data';
import type { TestApp } from '../../support/app-server';

export const demoTenant = '11111111-2222-4333-8444-555555555555';

/** Demo people used by the pair tests (src/local/seed/demo-data.ts). */
export const people = {
  /** Lucas Martin, Finance analyst (mentor); manager: Alain Mercier. */
  mentor: demoPersonId(9),
  /** Philippe Moreau, regional sales director (mentee); manager: Sylvie Garnier. */
  mentee: demoPersonId(13),
  mentorManager: demoPersonId(8),
  menteeManager: demoPersonId(3),
  /** Claire Dubois, lead of the demo programme. */
  lead: demoPersonId(5),
  /** Emma Petit: in the company, not in the pair. */
  outsider: demoPersonId(10),
} as const;

/** A programme like the demo one but without manager approval: signing both activates. */
const openProgrammeId = 'prog-pair-tests';

/**
 * Repositories and a PairService on the running app's store (setup only: tests act through HTTP).
 * `clock`: the one the app was started with, when the test fixes the time.
 */
export function pairKit(app: TestApp, clock: Clock = systemClock) {
  const { pairs, programmes } = app.repos;
  const service = app.servicesAt(clock).pairs;
  let n = 0;

  async function openProgramme(): Promise<void> {
    const base = demoProgramme(demoTenant, clock);
    await programmes.upsert({
      ...base,
      id: openProgrammeId,
      name: 'Pair tests',
      managerApprovalRequired: false,
      status: 'running',
    });
  }

  /** A new accepted pair (both said yes) with an unsigned agreement, as matching creates it. */
  async function acceptedPair(
    options: { mentor?: string; mentee?: string; programmeId?: string } = {},
  ) {
    n += 1;
    const now = clock.now();
    const proposal = matchProposalSchema.parse({
      id: `proposal-${Date.now()}-${n}`,
      tenantId: demoTenant,
      programmeId: options.programmeId ?? openProgrammeId,
      runId: 'run-tests',
      mentorId: options.mentor ?? people.mentor,
      menteeId: options.mentee ?? people.mentee,
      score: 80,
      reasons: [],
      status: 'accepted',
      answers: {
        mentor: { answer: 'accepted', at: new Date(now.getTime() - 60_000).toISOString() },
        mentee: { answer: 'accepted', at: now.toISOString() },
      },
      expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      createdAt: new Date(now.getTime() - 86_400_000).toISOString(),
    });
    const created = await service.createFromProposal(proposal, { subject: 'Power BI' });
    return created.value.id;
  }

  return { service, pairs, programmes, openProgramme, acceptedPair };
}
