import { isDomainError } from '../../domain/errors';
import { takeLease } from '../../domain/lease';
import {
  notificationKey,
  type Notification,
  type NotificationKind,
} from '../../domain/notification';
import {
  endRound,
  isRoundOver,
  isSearching,
  offersPerRound,
  startRound,
  type HelpRequest,
} from '../../domain/buddy/help-request';
import {
  eligibleBuddies,
  rankBuddies,
  type Asker,
  type RankedBuddy,
} from '../../domain/buddy/ranking';
import type { Versioned } from '../../store/cosmos-repository';
import { calendarPerson, type BuddyServiceDeps } from './buddy-context';

/** How long an instance holds a request while it finds the next buddies. */
export const roundLeaseMs = 60_000;
/** Candidates whose calendar is read each round (one getSchedule call). */
const calendarChecks = 3 * offersPerRound;

/** Queues a quick-help card for `recipientId`, due at once unless `dueAt` says later. */
export async function queueBuddyCard(
  deps: Pick<BuddyServiceDeps, 'notifications' | 'clock'>,
  kind: NotificationKind,
  request: HelpRequest,
  recipientId: string,
  dueAt: string = deps.clock.now().toISOString(),
): Promise<void> {
  const notification: Notification = {
    id: notificationKey(kind, `${request.id}~${recipientId}`, dueAt),
    tenantId: request.tenantId,
    kind,
    recipientId,
    dueAt,
    status: 'pending',
    attempts: 0,
    payload: { requestId: request.id, dueAt },
  };
  await deps.notifications.schedule(notification);
}

/** The asker as the ranking needs them: manager, reports, languages. */
export async function askerOf(
  deps: Pick<BuddyServiceDeps, 'people' | 'profiles'>,
  tenantId: string,
  askerId: string,
  locale: string,
): Promise<Asker> {
  // Their reports are found among the few candidates ranked best (their manager field), not by
  // scanning the directory for everyone they manage.
  const [person, profile] = await Promise.all([
    deps.people.find(tenantId, askerId),
    deps.profiles.find(tenantId, askerId),
  ]);
  const languages = new Set<string>([locale]);
  if (person) languages.add(person.value.preferredLocale);
  for (const l of profile?.value.languages ?? []) languages.add(l);
  return {
    id: askerId,
    managerId: person?.value.managerId ?? null,
    reportIds: new Set(),
    languages: [...languages],
  };
}

/**
 * Up to three buddies for the request's next round: the eligible ones ranked, the best few's
 * calendars read now (free ranks higher), ranked again. A calendar that cannot be read is not a
 * reason to offer nobody.
 */
export async function pickBuddies(
  deps: BuddyServiceDeps,
  request: HelpRequest,
  asker: Asker,
): Promise<RankedBuddy[]> {
  const now = deps.clock.now();
  const candidates = await deps.buddies.candidates(request.tenantId, {
    skillId: request.topic.skillId,
    now,
    // Never read again whoever cannot be offered it: the asker, their manager, those offered.
    exclude: [asker.id, ...(asker.managerId ? [asker.managerId] : []), ...request.offeredTo],
  });
  const eligible = eligibleBuddies(request, asker, candidates, now);
  const read = eligible.slice(0, calendarChecks + offersPerRound);
  if (read.length === 0) return [];
  const [askerPerson, ...readPeople] = await Promise.all(
    [asker.id, ...read.map((b) => b.settings.id)].map((id) =>
      deps.people.find(request.tenantId, id),
    ),
  );
  // Never the asker's direct report: found by their manager field among those read, rather than
  // by scanning the directory for everyone the asker manages (the manager is excluded above).
  const kept = read.flatMap((buddy, i) => {
    const person = readPeople[i];
    return person && person.value.managerId !== asker.id ? [{ buddy, person: person.value }] : [];
  });
  const top = kept.slice(0, calendarChecks);
  if (top.length === 0) return [];
  try {
    if (askerPerson) {
      const window = {
        start: now.toISOString(),
        end: new Date(now.getTime() + request.minutes * 60_000).toISOString(),
      };
      const schedules = await deps.calendars.calendarFor(request.tenantId).getSchedules(
        calendarPerson(askerPerson.value),
        top.map((k) => calendarPerson(k.person, k.buddy.settings)),
        window,
      );
      const busy = new Map(schedules.map((s) => [s.personId, s.busy.length > 0]));
      const withCalendar = top.map(({ buddy: b }) =>
        busy.has(b.settings.id) ? { ...b, free: !busy.get(b.settings.id) } : b,
      );
      return rankBuddies(withCalendar).slice(0, offersPerRound);
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    deps.log.warn(`quick help: calendars not read for request ${request.id}`, error);
  }
  return top.slice(0, offersPerRound).map((k) => k.buddy);
}

/** Starts the next round of `request` and queues its offers; the request as stored. */
export async function offerNextRound(
  deps: BuddyServiceDeps,
  stored: Versioned<HelpRequest>,
  asker?: Asker,
): Promise<Versioned<HelpRequest>> {
  const request = stored.value;
  const who = asker ?? (await askerOf(deps, request.tenantId, request.askerId, request.locale));
  const picked = await pickBuddies(deps, request, who);
  const next = startRound(
    request,
    picked.map((b) => b.settings.id),
    deps.clock.now(),
  );
  const { sweep: _sweep, ...released } = next;
  // Offers are queued before the round is written: a lost write re-offers with the same ids.
  for (const b of picked) await queueBuddyCard(deps, 'buddy_offer', request, b.settings.id);
  return deps.requests.replace(released, stored.etag);
}

/**
 * One pass of the round sweep (src/app/background.ts): each request whose round ran out is leased
 * (ETag-conditional), its round ended, and the next three offered, or the asker told after the
 * third. Several instances may run it; each request is advanced by one.
 */
export async function advanceRounds(
  deps: BuddyServiceDeps,
  limit = 100,
): Promise<{ advanced: number; unanswered: number }> {
  const now = deps.clock.now();
  const due = await deps.requests.roundsDue(now, limit);
  let advanced = 0;
  let unanswered = 0;
  for (const candidate of due) {
    const outcome = await advanceLeased(deps, candidate);
    if (outcome === 'unanswered') unanswered += 1;
    else if (outcome === 'offered') advanced += 1;
  }
  return { advanced, unanswered };
}

/**
 * Leases one request (ETag-conditional) and advances it; 'none' when another instance or a person
 * changed it first. For the sweep, and for a round every buddy passed.
 */
export async function advanceLeased(
  deps: BuddyServiceDeps,
  candidate: Versioned<HelpRequest>,
): Promise<'offered' | 'unanswered' | 'none'> {
  const now = deps.clock.now();
  let held: Versioned<HelpRequest>;
  try {
    held = await deps.requests.replace(
      { ...candidate.value, sweep: takeLease(deps.instanceId, now, roundLeaseMs) },
      candidate.etag,
    );
  } catch (error) {
    if (isDomainError(error, 'version_conflict') || isDomainError(error, 'request_not_found')) {
      return 'none';
    }
    throw error;
  }
  try {
    return await advanceOne(deps, held);
  } catch (error) {
    // Accepted or cancelled meanwhile (the lease does not stop the people): nothing to do.
    if (isDomainError(error, 'version_conflict')) return 'none';
    deps.log.error(`quick help: request ${candidate.value.id} could not advance`, error);
    return 'none';
  }
}

async function advanceOne(
  deps: BuddyServiceDeps,
  held: Versioned<HelpRequest>,
): Promise<'offered' | 'unanswered' | 'none'> {
  const now = deps.clock.now();
  const request = held.value;
  if (!isSearching(request)) return 'none';
  // A request whose first round never started (its asker's instance stopped) starts now.
  const ended =
    request.roundEndsAt === null
      ? request
      : isRoundOver(request, now)
        ? endRound(request, now)
        : request;
  if (ended.status === 'unanswered') {
    await queueBuddyCard(deps, 'buddy_unanswered', ended, ended.askerId);
    const { sweep: _sweep, ...released } = ended;
    await deps.requests.replace(released, held.etag);
    return 'unanswered';
  }
  await offerNextRound(deps, { value: ended, etag: held.etag });
  return 'offered';
}
