import type { PublishResponse } from '../../contracts/matching';
import { proposalExpiry, supersedeProposal } from '../../domain/match-proposal';
import { isAvailableForMatching } from '../../domain/profile';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { ProposalNotices } from './notices';
import type { RunLease } from './run-lease';
import { directoryOf, inBatches, listDrafts, managed, type MatchingServiceDeps } from './shared';

export type PublicationDeps = MatchingServiceDeps & { lease: RunLease; notices: ProposalNotices };

/** The lead publishes the drafts: each person sees theirs and is told in Teams. */
export class Publication {
  constructor(private readonly deps: PublicationDeps) {}

  /** Makes every draft visible to its two people, with the programme's answer deadline. */
  async publish(principal: Principal, programmeId: string): Promise<PublishResponse> {
    const { value: programme } = await managed(this.deps, principal, programmeId);
    const tenantId = principal.tenantId;
    await this.deps.lease.assertIdle(tenantId, programmeId);
    const now = this.deps.clock.now();
    const expiresAt = proposalExpiry(now, programme.proposalResponseDays);
    const [drafts, profiles] = await Promise.all([
      listDrafts(this.deps, tenantId, programmeId),
      this.deps.profiles.ofProgramme(tenantId, programmeId),
    ]);
    const activeIds = new Set(
      profiles
        .map((p) => p.value)
        .filter((p) => isAvailableForMatching(p, this.deps.clock))
        .map((p) => p.id),
    );
    // Someone paused or left since the run: their draft is withdrawn rather than shown to them.
    const withheld = drafts.filter(
      (d) => !activeIds.has(d.value.mentorId) || !activeIds.has(d.value.menteeId),
    );
    await inBatches(withheld, (found) =>
      this.deps.proposals.update(tenantId, found.value.id, (p) =>
        p.status === 'proposed' && p.publishedAt === null
          ? { ...p, ...supersedeProposal(p).proposal }
          : p,
      ),
    );
    const published: StoredProposal[] = [];
    await inBatches(
      drafts.filter((d) => !withheld.includes(d)),
      async (found) => {
        const saved = await this.deps.proposals.update(tenantId, found.value.id, (p) =>
          p.status === 'proposed' && p.publishedAt === null
            ? { ...p, publishedAt: now.toISOString(), expiresAt, kept: true }
            : p,
        );
        if (saved.value.publishedAt === now.toISOString()) published.push(saved.value);
      },
    );
    if (published.length > 0) {
      const ids = published.flatMap((p) => [p.mentorId, p.menteeId]);
      // A large cohort: one read of the whole directory beats a query naming thousands of ids.
      const directory =
        ids.length > 1000
          ? new Map((await this.deps.people.all(tenantId)).map((p) => [p.value.id, p.value]))
          : await directoryOf(this.deps, tenantId, ids);
      const zones = new Map(profiles.map((p) => [p.value.id, p.value.timeZone]));
      await this.deps.notices.announce(programme, published, directory, zones, 'published');
    }
    return {
      published: published.length,
      expiresAt: published.length > 0 ? expiresAt : null,
      withheld: withheld.length,
    };
  }
}
