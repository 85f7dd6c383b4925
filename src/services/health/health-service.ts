import type {
  AtRiskReason,
  HealthQuery,
  HealthResponse,
  InformalHelp,
  ManagerReportsResponse,
  NudgeBody,
  NudgeResponse,
  RemindResponse,
  ReportResponse,
} from '../../contracts/health';
import type { Clock } from '../../domain/clock';
import type { Locale, LocalizedText } from '../../domain/common';
import { DomainError } from '../../domain/errors';
import { healthMaxAgeMs, nudgeAvailability, risksOf } from '../../domain/health';
import { takeLease, isLeaseLive } from '../../domain/lease';
import { notificationKey, type Notification } from '../../domain/notification';
import type { Programme } from '../../domain/programme';
import type { Logger } from '../../logger';
import type { ApprovalRepository } from '../../store/approval-repository';
import type { ConversationRepository } from '../../store/conversation-repository';
import type {
  FiguresRepository,
  HealthSliceDocument,
  NewHealthSlice,
  NudgeLogDocument,
} from '../../store/figures-repository';
import type { MatchingRunRepository } from '../../store/job-repository';
import type { NotificationOutbox } from '../outbox/notification-outbox';
import type { AuditRecorder } from '../privacy/audit-service';
import type { BuddyFigures } from '../../domain/buddy/buddy-figures';
import { defaultDigitalSkills } from '../../domain/buddy/topics';
import type { PairRepository } from '../../store/pair-repository';
import type { PeopleRepository } from '../../store/people-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { ProgrammeRepository } from '../../store/programme-repository';
import type { Principal } from '../auth/principal';
import { canManage } from '../programmes/programme-service';
import { computeHealthSlices, type HealthSlice } from './figures';
import { managerReports } from './manager-reports';
import { reportCsv } from './report-csv';
import { reportOf, unknownFilter } from './health-views';

export type HealthServiceDeps = {
  programmes: ProgrammeRepository;
  pairs: PairRepository;
  profiles: ProfileRepository;
  people: PeopleRepository;
  approvals: ApprovalRepository;
  runs: MatchingRunRepository;
  figures: FiguresRepository;
  /** Nudges and reminders are events: queued through the outbox, sent by the bot at once. */
  notifications: Pick<NotificationOutbox, 'schedule'>;
  /** Quick help's tenant-wide figures (src/services/buddy), counted with each recomputation. */
  informalHelp?: { quickHelpFigures(tenantId: string, weeks?: number): Promise<BuddyFigures> };
  /** Nudges, reminders and report downloads are recorded (leads' actions). */
  audit?: AuditRecorder;
  /** Whether someone installed the bot (a nudge to them waits until they do). */
  conversations: Pick<ConversationRepository, 'find'>;
  clock: Clock;
  /** Whose recomputation lease this is. */
  instanceId: string;
  log: Logger;
  /** The background loop recomputes figures older than this (default 10 minutes). */
  backgroundAfterMs?: number;
};

/** How long a recomputation may hold a programme before another instance takes over. */
const leaseMs = 5 * 60_000;
const dayMs = 86_400_000;

/**
 * Programme health for the lead (follow-up, figures, actions, bilan) and participation for
 * managers. Figures are computed per programme and stored (src/store/figures-repository.ts): a
 * page view reads the programme, one stored slice and the nudge log, whatever the cohort's size.
 */
export class HealthService {
  /** Recomputations in flight in this process, so simultaneous page views compute once. */
  private readonly inFlight = new Map<string, Promise<HealthSliceDocument[]>>();

  constructor(private readonly deps: HealthServiceDeps) {}

  /** `GET /programmes/:id/health`: 3 point reads when the figures are fresh. */
  async health(
    principal: Principal,
    programmeId: string,
    query: HealthQuery,
  ): Promise<HealthResponse> {
    const department = query.department ?? null;
    const startMonth = query.startMonth ?? null;
    const { tenantId } = principal;
    const [programme, slice, log] = await Promise.all([
      this.deps.programmes.get(tenantId, programmeId),
      this.deps.figures.slice(tenantId, programmeId, department, startMonth),
      this.deps.figures.nudgeLog(tenantId, programmeId),
    ]);
    this.authorise(principal, programme.value);
    let doc = slice && this.isFresh(slice) ? slice : undefined;
    if (!doc && (department !== null || startMonth !== null)) {
      // A filter nobody matches has no stored slice: answer 400 without recomputing.
      const all = await this.deps.figures.slice(tenantId, programmeId, null, null);
      if (all && this.isFresh(all)) throw unknownFilter(all, department, startMonth);
    }
    doc ??= this.pick(await this.recompute(programme.value), department, startMonth);
    return this.withNudges(doc.health, log?.value);
  }

  /** `POST /programmes/:id/health/refresh`: recomputes now. */
  async refresh(
    principal: Principal,
    programmeId: string,
    query: HealthQuery,
  ): Promise<HealthResponse> {
    const programme = await this.managed(principal, programmeId);
    const [docs, log] = await Promise.all([
      this.recompute(programme),
      this.deps.figures.nudgeLog(principal.tenantId, programmeId),
    ]);
    return this.withNudges(
      this.pick(docs, query.department ?? null, query.startMonth ?? null).health,
      log?.value,
    );
  }

  /** `GET /programmes/:id/report`: the bilan's figures (unfiltered) and the shared comments. */
  async report(principal: Principal, programmeId: string): Promise<ReportResponse> {
    const [programme, slice] = await Promise.all([
      this.deps.programmes.get(principal.tenantId, programmeId),
      this.deps.figures.slice(principal.tenantId, programmeId, null, null),
    ]);
    this.authorise(principal, programme.value);
    const doc =
      slice && this.isFresh(slice)
        ? slice
        : this.pick(await this.recompute(programme.value), null, null);
    return reportOf(programme.value, doc);
  }

  /** `GET /programmes/:id/report.csv`: the bilan as CSV for Excel in the lead's language. */
  async reportCsv(principal: Principal, programmeId: string, locale: Locale): Promise<string> {
    const report = await this.report(principal, programmeId);
    const csv = reportCsv(report, locale);
    await this.deps.audit?.record(principal.tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action: 'report.exported',
      targetType: 'programme',
      targetId: programmeId,
      programmeId,
      details: { format: 'csv', locale },
    });
    return csv;
  }

  /**
   * The lead nudges an at-risk pair: the bot writes to both members, each in their language. One
   * nudge per pair per 7 days (`nudge_too_soon`); the log is written with its ETag first, so a
   * double click nudges once.
   */
  async nudge(
    principal: Principal,
    programmeId: string,
    pairId: string,
    body: NudgeBody,
  ): Promise<NudgeResponse> {
    const programme = await this.managed(principal, programmeId);
    const { tenantId } = principal;
    const found = await this.deps.pairs.find(tenantId, pairId);
    if (!found || found.value.programmeId !== programmeId) {
      throw new DomainError('pair_not_found', `Pair ${pairId} was not found in this programme`, {
        id: pairId,
      });
    }
    const pair = found.value;
    if (pair.state === 'completed' || pair.state === 'ended' || pair.state === 'proposed') {
      throw new DomainError('invalid_transition', `A ${pair.state} pair cannot be nudged`, {
        entity: 'pair',
        id: pairId,
        from: pair.state,
        to: 'nudged',
      });
    }
    const now = this.deps.clock.now();
    const at = await this.claimNudge(tenantId, programmeId, 'pairs', pairId, now);
    const reason: AtRiskReason =
      body.reason ?? risksOf(pair, [], now)[0]?.code ?? 'no_session_14_days';
    // The pair's snapshot has the names; pairs older than it name people from the directory.
    const nameOf = async (personId: string, snapshot: string | undefined) =>
      snapshot ?? (await this.deps.people.find(tenantId, personId))?.value.displayName ?? personId;
    const members = [
      {
        recipientId: pair.mentorId,
        partnerName: await nameOf(pair.menteeId, pair.members?.mentee.displayName),
      },
      {
        recipientId: pair.menteeId,
        partnerName: await nameOf(pair.mentorId, pair.members?.mentor.displayName),
      },
    ];
    try {
      for (const m of members) {
        await this.deps.notifications.schedule(
          notification(
            tenantId,
            'lead_nudge',
            `${pairId}.${m.recipientId}`,
            m.recipientId,
            at,
            {
              partnerName: m.partnerName,
              programmeName: programme.name,
              // The message names who is asking: a person, not "the lead".
              leadName: principal.name,
              reason,
            },
            pairId,
          ),
        );
      }
    } catch (error) {
      await this.releaseNudge(tenantId, programmeId, 'pairs', pairId, at);
      throw error;
    }
    await this.deps.audit?.record(tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action: 'nudge.sent',
      targetType: 'pair',
      targetId: pairId,
      programmeId,
      subjectIds: members.map((m) => m.recipientId),
      details: { reason },
    });
    return {
      pairId,
      reason,
      sentTo: await this.reachability(
        tenantId,
        members.map((m) => m.recipientId),
      ),
      nudge: nudgeAvailability(at, now),
    };
  }

  /** The lead reminds an invitee who has not joined; once per person per 7 days. */
  async remind(
    principal: Principal,
    programmeId: string,
    personId: string,
  ): Promise<RemindResponse> {
    const programme = await this.managed(principal, programmeId);
    const { tenantId } = principal;
    const profile = await this.deps.profiles.find(tenantId, personId);
    if (!profile || profile.value.programmeId !== programmeId) {
      throw new DomainError('profile_not_found', `${personId} is not invited to this programme`, {
        id: personId,
      });
    }
    if (profile.value.optIn.status !== 'not_joined') {
      throw new DomainError('invalid_transition', 'This person has already joined the programme', {
        entity: 'profile',
        id: personId,
        from: profile.value.optIn.status,
        to: 'reminded',
      });
    }
    const now = this.deps.clock.now();
    const at = await this.claimNudge(tenantId, programmeId, 'invitees', personId, now);
    try {
      await this.deps.notifications.schedule(
        notification(tenantId, 'join_reminder', `${programmeId}.${personId}`, personId, at, {
          programmeName: programme.name,
          leadName: principal.name,
        }),
      );
    } catch (error) {
      await this.releaseNudge(tenantId, programmeId, 'invitees', personId, at);
      throw error;
    }
    await this.deps.audit?.record(tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action: 'reminder.sent',
      targetType: 'person',
      targetId: personId,
      programmeId,
    });
    return {
      personId,
      sentTo: await this.reachability(tenantId, [personId]),
      reminder: nudgeAvailability(at, now),
    };
  }

  /** `GET /manager/reports`: the caller's direct reports' participation and the approvals asked of them. */
  async managerReports(principal: Principal): Promise<ManagerReportsResponse> {
    const { tenantId, personId } = principal;
    const [reports, approvals, programmes] = await Promise.all([
      this.deps.people.reportsOf(tenantId, personId),
      this.deps.approvals.ofManager(tenantId, personId),
      this.deps.programmes.list(tenantId),
    ]);
    const ids = reports.map((r) => r.value.id);
    const pairs =
      ids.length === 0
        ? []
        : await this.deps.pairs.query(tenantId, {
            where: 'ARRAY_CONTAINS(@ids, c.mentorId) OR ARRAY_CONTAINS(@ids, c.menteeId)',
            parameters: [{ name: '@ids', value: ids }],
          });
    const names = new Map(reports.map((r) => [r.value.id, r.value.displayName]));
    // Whose time the manager was asked for may have changed managers since: name them anyway.
    const others = approvals.map((a) => a.value.personId).filter((id) => !names.has(id));
    for (const id of new Set(others)) {
      const person = await this.deps.people.find(tenantId, id);
      names.set(id, person?.value.displayName ?? id);
    }
    return managerReports({
      reports: reports.map((r) => r.value),
      pairs: pairs.map((p) => p.value),
      approvals: approvals.map((a) => a.value),
      programmes: programmes.map((p) => p.value),
      names,
    });
  }

  /**
   * The background loop's work: recomputes the figures of every programme under way whose last
   * run is older than `backgroundAfterMs`, one instance per programme (a lease written with its
   * ETag). Returns how many programmes it recomputed.
   */
  async refreshDue(signal?: AbortSignal): Promise<{ refreshed: number }> {
    const due = await this.deps.programmes.underWayEverywhere();
    const afterMs = this.deps.backgroundAfterMs ?? 10 * 60_000;
    let refreshed = 0;
    for (const { tenantId, programmeId } of due) {
      if (signal?.aborted) break;
      const now = this.deps.clock.now();
      const current = await this.deps.figures.lease(tenantId, programmeId);
      if (isLeaseLive(current?.value.lease, now)) continue;
      const last = current?.value.lastRunAt;
      if (last && now.getTime() - Date.parse(last) < afterMs) continue;
      const held = await this.deps.figures.claimLease(
        current,
        tenantId,
        programmeId,
        takeLease(this.deps.instanceId, now, leaseMs),
      );
      if (!held) continue;
      try {
        const programme = await this.deps.programmes.get(tenantId, programmeId);
        await this.recompute(programme.value);
        refreshed += 1;
      } finally {
        await this.deps.figures.releaseLease(held, this.deps.clock.now().toISOString());
      }
    }
    return { refreshed };
  }

  /** Reads everything once, computes every slice, stores them; one at a time per programme. */
  recompute(programme: Programme): Promise<HealthSliceDocument[]> {
    const key = `${programme.tenantId}\u0000${programme.id}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.compute(programme).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async compute(programme: Programme): Promise<HealthSliceDocument[]> {
    const { tenantId, id } = programme;
    const [pairs, profiles, people, approvals, runs] = await Promise.all([
      this.deps.pairs.ofProgramme(tenantId, id),
      this.deps.profiles.ofProgramme(tenantId, id),
      this.deps.people.all(tenantId),
      this.deps.approvals.query(tenantId),
      this.deps.runs.ofProgramme(tenantId, id, 5),
    ]);
    const run = runs.find((r) => r.value.status === 'succeeded');
    const slices = computeHealthSlices({
      programme,
      pairs: pairs.map((p) => p.value),
      profiles: profiles.map((p) => p.value),
      people: new Map(people.map((p) => [p.value.id, p.value])),
      approvals: approvals.map((a) => a.value),
      unmatched: run
        ? run.value.unmatched.map((u) => ({
            personId: u.personId,
            reasons: u.reasons.map((r) => ({ code: r.code, fr: r.fr, en: r.en })),
          }))
        : null,
      now: this.deps.clock.now(),
    });
    const help = await this.informalHelpOf(programme);
    return this.deps.figures.saveSlices(
      slices.map((s) =>
        sliceDocument(
          tenantId,
          id,
          help ? { ...s, health: { ...s.health, informalHelp: help } } : s,
        ),
      ),
    );
  }

  /** Quick help over the last 12 weeks, with the programme's (or quick help's) skill names. */
  private async informalHelpOf(programme: Programme): Promise<InformalHelp> {
    if (!this.deps.informalHelp) return null;
    try {
      const figures = await this.deps.informalHelp.quickHelpFigures(programme.tenantId, 12);
      const labels = new Map<string, LocalizedText>(
        [...defaultDigitalSkills, ...programme.skills].map((s) => [s.id, s.label]),
      );
      const sum = (pick: (w: BuddyFigures['weeks'][number]) => number) =>
        figures.weeks.reduce((n, w) => n + pick(w), 0);
      return {
        requests: sum((w) => w.asked),
        answered: sum((w) => w.helped),
        unanswered: sum((w) => w.unanswered),
        medianMinutesToBuddy: figures.medianMinutesToBuddy,
        weeks: figures.weeks.map((w) => ({ week: w.week, asked: w.asked, helped: w.helped })),
        topTopics: figures.topTopics.map((t) => ({
          key: t.key,
          label: (t.skillId && labels.get(t.skillId)) || null,
          count: t.count,
        })),
      };
    } catch (error) {
      this.deps.log.warn(`health figures: quick help could not be counted: ${String(error)}`);
      return null;
    }
  }

  private pick(
    docs: readonly HealthSliceDocument[],
    department: string | null,
    startMonth: string | null,
  ): HealthSliceDocument {
    const found = docs.find((d) => d.department === department && d.startMonth === startMonth);
    if (found) return found;
    const all = docs.find((d) => d.department === null && d.startMonth === null)!;
    throw unknownFilter(all, department, startMonth);
  }

  private isFresh(doc: HealthSliceDocument): boolean {
    return this.deps.clock.now().getTime() - Date.parse(doc.generatedAt) <= healthMaxAgeMs;
  }

  /** The nudge and reminder availability as of now (the stored figures say "available"). */
  private withNudges(health: HealthResponse, log: NudgeLogDocument | undefined): HealthResponse {
    const now = this.deps.clock.now();
    return {
      ...health,
      atRisk: health.atRisk.map((p) => ({ ...p, nudge: nudgeAvailability(log?.pairs[p.id], now) })),
      participants: {
        ...health.participants,
        invitedNotJoined: health.participants.invitedNotJoined.map((i) => ({
          ...i,
          reminder: nudgeAvailability(log?.invitees[i.personId], now),
        })),
      },
    };
  }

  /** Records a nudge in the log unless one went out within 7 days; returns its time. */
  private async claimNudge(
    tenantId: string,
    programmeId: string,
    field: 'pairs' | 'invitees',
    subjectId: string,
    now: Date,
  ): Promise<string> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const current = await this.deps.figures.nudgeLog(tenantId, programmeId);
      const base = current?.value ?? this.deps.figures.emptyNudgeLog(tenantId, programmeId);
      const availability = nudgeAvailability(base[field][subjectId], now);
      if (!availability.available) {
        throw new DomainError(
          'nudge_too_soon',
          `A reminder went out on ${availability.lastSentAt}; the next one may go out on ${availability.nextAvailableAt}`,
          { lastSentAt: availability.lastSentAt, nextAvailableAt: availability.nextAvailableAt },
        );
      }
      const at = now.toISOString();
      const next: NudgeLogDocument = {
        ...base,
        [field]: { ...pruned(base[field], now), [subjectId]: at },
      };
      if (await this.deps.figures.writeNudgeLog(current, next)) return at;
    }
    throw new DomainError('version_conflict', 'The nudge log kept changing; try again');
  }

  /** Takes a nudge back out of the log when its message could not be queued. */
  private async releaseNudge(
    tenantId: string,
    programmeId: string,
    field: 'pairs' | 'invitees',
    subjectId: string,
    at: string,
  ): Promise<void> {
    try {
      const current = await this.deps.figures.nudgeLog(tenantId, programmeId);
      if (!current || current.value[field][subjectId] !== at) return;
      const { [subjectId]: _removed, ...rest } = current.value[field];
      await this.deps.figures.writeNudgeLog(current, { ...current.value, [field]: rest });
    } catch (error) {
      this.deps.log.error(`nudge log of ${programmeId} could not be rolled back`, error);
    }
  }

  private async reachability(tenantId: string, ids: readonly string[]) {
    return Promise.all(
      ids.map(async (personId) => ({
        personId,
        reachable: (await this.deps.conversations.find(tenantId, personId)) !== undefined,
      })),
    );
  }

  private async managed(principal: Principal, programmeId: string): Promise<Programme> {
    const programme = await this.deps.programmes.get(principal.tenantId, programmeId);
    this.authorise(principal, programme.value);
    return programme.value;
  }

  /** Lead of that programme only; a draft is invisible to others (as the programme routes do). */
  private authorise(principal: Principal, programme: Programme): void {
    if (canManage(principal, programme)) return;
    if (programme.status === 'draft') {
      throw new DomainError('programme_not_found', `Programme ${programme.id} was not found`, {
        id: programme.id,
      });
    }
    throw new DomainError('forbidden', 'Only a lead of this programme may see its health.', {
      programmeId: programme.id,
    });
  }
}

/** Entries older than the nudge interval are dropped so the log stays small. */
function pruned(entries: Record<string, string>, now: Date): Record<string, string> {
  const oldest = now.getTime() - 7 * dayMs;
  return Object.fromEntries(Object.entries(entries).filter(([, at]) => Date.parse(at) > oldest));
}

function notification(
  tenantId: string,
  kind: 'lead_nudge' | 'join_reminder',
  subject: string,
  recipientId: string,
  at: string,
  payload: Record<string, unknown>,
  pairId?: string,
): Notification {
  return {
    id: notificationKey(kind, subject, at),
    tenantId,
    kind,
    recipientId,
    ...(pairId ? { pairId } : {}),
    dueAt: at,
    status: 'pending',
    attempts: 0,
    payload,
  };
}

function sliceDocument(tenantId: string, programmeId: string, slice: HealthSlice): NewHealthSlice {
  return {
    tenantId,
    kind: 'health',
    programmeId,
    department: slice.department,
    startMonth: slice.startMonth,
    generatedAt: slice.health.generatedAt,
    health: slice.health,
    ...(slice.report ? { report: slice.report } : {}),
  };
}
