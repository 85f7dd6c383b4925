import type { Logger } from '../../logger';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock';
import { DomainError, isDomainError } from '../../domain/errors';
import { supersedeProposal, type MatchProposal } from '../../domain/match-proposal';
import type { Pair } from '../../domain/pair/schema';
import type { Person } from '../../domain/person';
import { isProgrammeLead, type Programme } from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { MatchingOptions } from '../../matching/engine';
import type { MatchingLockRepository, MatchingRunRepository } from '../../store/job-repository';
import type { NotificationRepository } from '../../store/notification-repository';
import type { PairRepository } from '../../store/pair-repository';
import type { PeopleRepository } from '../../store/people-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { ProgrammeRepository } from '../../store/programme-repository';
import type { ProposalRepository, StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { NotificationOutbox } from '../outbox/notification-outbox';
import type { PairIds } from './matching-input';

export type MatchingServiceDeps = {
  programmes: ProgrammeRepository;
  profiles: ProfileRepository;
  people: PeopleRepository;
  proposals: ProposalRepository;
  runs: MatchingRunRepository;
  locks: MatchingLockRepository;
  pairs: PairRepository;
  /** Creates the pair once both accepted (the pair service: members snapshot, frame). */
  pairCreator: PairCreator;
  /** Where the Teams messages for published proposals are queued, due at once (none without it). */
  outbox?: NotificationOutbox;
  /** The queued messages, to cancel those of a proposal withdrawn before they went out. */
  notifications?: Pick<NotificationRepository, 'update'>;
  clock: Clock;
  log: Logger;
  newId?: (prefix: string) => string;
  /** How long a run holds its programme before another may take over (a crashed instance). */
  leaseMs?: number;
  engine?: MatchingOptions;
  /** Participants² above which the engine runs on a worker thread (matching-runner.ts). */
  offThreadPairLimit?: number;
};

/** Makes the pair of an accepted proposal; idempotent per proposal. */
export interface PairCreator {
  createFromProposal(proposal: MatchProposal): Promise<Versioned<Pair>>;
}

/** Which page of each list the lead is looking at (a 50,000-person review is pages, not one list). */
export type ReviewView = { page?: number; unmatchedPage?: number; pageSize?: number };

const parallelWrites = 16;

/** The identity of a mentor → mentee pair, for sets and maps. */
export const key = (p: PairIds) => `${p.mentorId}\u0000${p.menteeId}`;

/** The clock's time as stored in documents. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** A fresh document id (`prefix-uuid` unless the deps choose). */
export function newId(deps: Pick<MatchingServiceDeps, 'newId'>, prefix: string): string {
  return deps.newId?.(prefix) ?? `${prefix}-${randomUUID()}`;
}

/** The programme, when the caller leads it (or leads every programme of the tenant). */
export async function managed(
  deps: Pick<MatchingServiceDeps, 'programmes'>,
  principal: Principal,
  programmeId: string,
): Promise<Versioned<Programme>> {
  const found = await deps.programmes.get(principal.tenantId, programmeId);
  const p = found.value;
  if (principal.isTenantLead || isProgrammeLead(p, principal.personId)) return found;
  if (p.status === 'draft') {
    throw new DomainError('programme_not_found', `Programme ${programmeId} was not found`, {
      id: programmeId,
    });
  }
  throw new DomainError('forbidden', 'Only a lead of this programme may do this.', {
    programmeId,
  });
}

/** The programme's proposals the lead has not published yet. */
export async function listDrafts(
  deps: Pick<MatchingServiceDeps, 'proposals'>,
  tenantId: string,
  programmeId: string,
): Promise<Versioned<StoredProposal>[]> {
  const found = await deps.proposals.ofProgramme(tenantId, programmeId, ['proposed']);
  return found.filter((p) => p.value.publishedAt === null);
}

/** One draft of the programme; an error when it is missing, published or no longer open. */
export async function findDraft(
  deps: Pick<MatchingServiceDeps, 'proposals'>,
  tenantId: string,
  programmeId: string,
  id: string,
): Promise<Versioned<StoredProposal>> {
  const found = await deps.proposals.find(tenantId, id);
  if (!found || found.value.programmeId !== programmeId) {
    throw new DomainError('not_found', `Proposal ${id} was not found`, { proposalId: id });
  }
  if (found.value.status !== 'proposed' || found.value.publishedAt !== null) {
    throw new DomainError(
      'invalid_transition',
      `Proposal ${id} is already ${found.value.publishedAt ? 'published' : found.value.status}: only drafts can be changed`,
      { entity: 'proposal', id, from: found.value.status },
    );
  }
  return found;
}

/**
 * Retires an open proposal (status `superseded`), conditional on the version it was read at;
 * false when it changed meanwhile (answered, published) and was left as it is.
 */
export async function withdraw(
  deps: Pick<MatchingServiceDeps, 'proposals'>,
  found: Versioned<StoredProposal>,
): Promise<boolean> {
  const { proposal, changed } = supersedeProposal(found.value);
  if (!changed) return false;
  try {
    await deps.proposals.replace({ ...found.value, ...proposal }, found.etag);
    return true;
  } catch (error) {
    if (isDomainError(error, 'version_conflict')) return false;
    throw error;
  }
}

/** The directory entries of `ids` (one query), for naming people on the lead's screen. */
export async function directoryOf(
  deps: Pick<MatchingServiceDeps, 'people'>,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await deps.people.query(tenantId, {
    where: 'ARRAY_CONTAINS(@ids, c.id)',
    parameters: [{ name: '@ids', value: unique }],
  });
  return new Map(found.map((p) => [p.value.id, p.value]));
}

/** Page `page` (from 1) of `items`, `size` a page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** Each person's partners in the pairs `counts` keeps, both ways. */
export function pastPartners(pairs: readonly Pair[], counts: (pair: Pair) => boolean) {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  for (const pair of pairs) {
    if (!counts(pair)) continue;
    add(pair.mentorId, pair.menteeId);
    add(pair.menteeId, pair.mentorId);
  }
  return out;
}

/** Runs `work` over `items`, a bounded number at a time (the local server serves ~1,500 writes/s). */
export async function inBatches<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += parallelWrites) {
    await Promise.all(items.slice(i, i + parallelWrites).map(work));
  }
}

/** How many proposals a run stores between two progress reports. */
export const savedPerReport = parallelWrites * 4;
