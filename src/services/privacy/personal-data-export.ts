import type { PersonalDataExport } from '../../contracts/privacy';
import { monthsSince, type HelpRequest } from '../../domain/buddy/help-request';
import type { Clock } from '../../domain/clock';
import type { Approval } from '../../domain/approval';
import type { Pair } from '../../domain/pair/schema';
import type { Repositories } from '../../store/repositories';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { AuditRecorder } from './audit-service';

export type PersonalDataExportDeps = {
  repos: Pick<
    Repositories,
    | 'people'
    | 'profiles'
    | 'programmes'
    | 'proposals'
    | 'pairs'
    | 'notes'
    | 'approvals'
    | 'notifications'
    | 'conversations'
    | 'audit'
    | 'buddies'
    | 'helpRequests'
  >;
  audit: AuditRecorder;
  clock: Clock;
};

type Who = 'you' | 'partner' | 'other';

/**
 * Everything the app holds about the caller, as one JSON document (`GET /api/me/export`): what
 * the directory stores, their profiles and consent, proposals, pairs with sessions, shared notes,
 * feedback both ways and their own assessments, their private notes, approvals as employee and as
 * manager, notifications sent to them, their bot conversation and the audit entries about them.
 * Other people appear as the caller already sees them: a partner by name, no ids.
 */
export class PersonalDataExporter {
  constructor(private readonly deps: PersonalDataExportDeps) {}

  async export(principal: Principal): Promise<PersonalDataExport> {
    const { tenantId, personId } = principal;
    const r = this.deps.repos;
    const [person, profile, proposals, pairs, notebooks, asEmployee, asManager, notifications] =
      await Promise.all([
        r.people.find(tenantId, personId),
        r.profiles.find(tenantId, personId),
        r.proposals.ofPerson(tenantId, personId),
        r.pairs.ofPerson(tenantId, personId),
        r.notes.ofAuthor(tenantId, personId),
        r.approvals.ofPerson(tenantId, personId),
        r.approvals.ofManager(tenantId, personId),
        r.notifications.ofRecipient(tenantId, personId),
      ]);
    const now = this.deps.clock.now();
    // Help requests are kept 90 days, in one partition per month.
    const months = monthsSince(new Date(now.getTime() - 100 * 24 * 60 * 60_000), now);
    const [conversation, audit, programmes, buddy, asked, helped] = await Promise.all([
      r.conversations.ofPerson(tenantId, personId),
      r.audit.about(tenantId, personId),
      r.programmes.list(tenantId),
      r.buddies.find(tenantId, personId),
      r.helpRequests.inMonths(tenantId, months, 'c.askerId = @me', [
        { name: '@me', value: personId },
      ]),
      r.helpRequests.inMonths(tenantId, months, 'c.buddyId = @me', [
        { name: '@me', value: personId },
      ]),
    ]);
    const programmeName = new Map(programmes.map((p) => [p.value.id, p.value.name]));
    const pairById = new Map(pairs.map((p) => [p.value.id, p.value]));
    const nameOf = async (id: string) =>
      (await r.people.find(tenantId, id))?.value.displayName ?? null;

    const profiles = profile
      ? [
          {
            programmeName: programmeName.get(profile.value.programmeId) ?? null,
            ...withoutTenant(profile.value),
          },
        ]
      : [];
    const consent = profile
      ? [
          {
            programmeId: profile.value.programmeId,
            status: profile.value.optIn.status,
            consentedAt: profile.value.optIn.consentedAt ?? null,
            consentTextVersion: profile.value.optIn.consentTextVersion ?? null,
            history: profile.value.optIn.history,
          },
        ]
      : [];

    const exported: PersonalDataExport = {
      format: 'mentoring-personal-data',
      formatVersion: 1,
      exportedAt: this.deps.clock.now().toISOString(),
      personId,
      directory: person ? withoutTenant(person.value) : null,
      profiles,
      consent,
      proposals: proposals
        // A draft is the lead's work in progress: the person never saw it.
        .filter((p) => p.value.publishedAt !== null)
        .map((p) => proposalOf(p.value, personId, programmeName)),
      pairs: pairs.map((p) => pairOf(p.value, personId, programmeName)),
      privateNotes: notebooks.map((n) => ({
        pairId: n.value.pairId,
        notes: n.value.notes,
        updatedAt: n.value.updatedAt,
      })),
      approvals: {
        asEmployee: asEmployee.map((a) =>
          approvalOf(a.value, pairById.get(a.value.pairId), personId),
        ),
        asManager: await Promise.all(
          asManager.map(async (a) => ({
            employeeName: await nameOf(a.value.personId),
            ...approvalOf(a.value, undefined, personId),
          })),
        ),
      },
      notifications: notifications.map((n) => ({
        kind: n.value.kind,
        status: n.value.status,
        dueAt: n.value.dueAt,
        sentAt: n.value.sentAt ?? null,
        pairId: n.value.pairId ?? null,
        payload: n.value.payload,
      })),
      conversation: conversation
        ? {
            channelId: conversation.value.reference.channelId,
            locale: conversation.value.locale,
            installedAt: conversation.value.installedAt,
            updatedAt: conversation.value.updatedAt,
          }
        : null,
      audit: audit.map((e) => ({
        at: e.at,
        action: e.action,
        // Who acted: you, or the capacity of someone else (their id is theirs).
        actor: e.actorId === personId ? 'you' : e.actorRole,
        targetType: e.targetType,
        target: e.targetId === personId ? 'you' : e.targetId,
        programmeId: e.programmeId ?? null,
        details: e.details ?? {},
      })),
      quickHelp: {
        settings: buddy ? withoutTenant(buddy.value) : null,
        // As the asker: never who else was offered it or passed (an asker never learns that).
        asked: await Promise.all(
          asked.map(async ({ value: q }) => ({
            ...helpRequestOf(q),
            buddyName: q.buddyId ? await nameOf(q.buddyId) : null,
            thanksYouWrote: q.thanks.asker ?? null,
            thanksReceived: q.thanks.buddy ?? null,
          })),
        ),
        helped: await Promise.all(
          helped.map(async ({ value: q }) => ({
            ...helpRequestOf(q),
            askerName: await nameOf(q.askerId),
            thanksYouWrote: q.thanks.buddy ?? null,
            thanksReceived: q.thanks.asker ?? null,
          })),
        ),
      },
    };
    await this.deps.audit.record(tenantId, {
      actorId: personId,
      actorRole: 'self',
      action: 'personal_data.exported',
      targetType: 'person',
      targetId: personId,
    });
    return exported;
  }
}

function helpRequestOf(q: HelpRequest) {
  return {
    id: q.id,
    topic: q.topic.text,
    question: q.question,
    when: q.when,
    minutes: q.minutes,
    status: q.status,
    createdAt: q.createdAt,
    matchedAt: q.matchedAt,
    slot: q.slot,
    closedAt: q.closedAt,
    helped: q.helped,
  };
}

function withoutTenant<T extends { tenantId: string }>(value: T): Omit<T, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = value;
  return rest;
}

function proposalOf(p: StoredProposal, personId: string, names: Map<string, string>) {
  const mine = p.mentorId === personId ? 'mentor' : 'mentee';
  const theirs = mine === 'mentor' ? 'mentee' : 'mentor';
  return {
    id: p.id,
    programmeId: p.programmeId,
    programmeName: names.get(p.programmeId) ?? null,
    role: mine,
    status: p.status,
    score: p.score,
    reasons: p.reasons,
    yourAnswer: p.answers[mine] ?? null,
    partnerAnswered: p.answers[theirs] !== undefined,
    expiresAt: p.expiresAt,
    createdAt: p.createdAt,
  };
}

function pairOf(pair: Pair, personId: string, names: Map<string, string>) {
  const role = pair.mentorId === personId ? 'mentor' : 'mentee';
  const partner = role === 'mentor' ? pair.members?.mentee : pair.members?.mentor;
  const who = (id: string): Who =>
    id === personId ? 'you' : id === pair.mentorId || id === pair.menteeId ? 'partner' : 'other';
  return {
    id: pair.id,
    programmeId: pair.programmeId,
    programmeName: names.get(pair.programmeId) ?? null,
    role,
    partnerName: partner?.displayName ?? null,
    state: pair.state,
    agreement: pair.agreement,
    sessions: pair.sessions.map((s) => ({
      index: s.index,
      start: s.start,
      durationMinutes: s.durationMinutes,
      status: s.status,
      agenda: s.agenda ?? null,
      sharedNotes: s.sharedNotes ?? null,
      actionItems: s.actionItems.map(({ ownerId, ...item }) => ({ ...item, owner: who(ownerId) })),
    })),
    feedbackGiven: pair.feedback
      .filter((f) => f.fromId === personId)
      .map(({ fromId: _f, toId: _t, ...f }) => f),
    feedbackReceived: pair.feedback
      .filter((f) => f.toId === personId)
      .map(({ fromId: _f, toId: _t, ...f }) => f),
    assessments: pair.assessments
      .filter((a) => a.personId === personId)
      .map(({ personId: _p, ...a }) => a),
    history: pair.history.map(({ by, ...h }) => ({ ...h, by: who(by) })),
    endReason: pair.endReason ?? null,
    createdAt: pair.createdAt,
    updatedAt: pair.updatedAt,
  };
}

function approvalOf(a: Approval, pair: Pair | undefined, personId: string) {
  return {
    id: a.id,
    pairId: a.pairId,
    ...(pair
      ? {
          managerName: pair.approvals?.find((s) => s.personId === personId)?.managerName ?? null,
        }
      : {}),
    request: a.request,
    status: a.status,
    comment: a.comment ?? null,
    decidedAt: a.decidedAt ?? null,
    createdAt: a.createdAt,
  };
}
