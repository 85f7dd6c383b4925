import type { ItemDefinition } from '@azure/cosmos';
import { approvalRequestFor, type Approval } from '../../../src/domain/approval';
import type { Clock } from '../../../src/domain/clock';
import { defaultFrame } from '../../../src/domain/programme';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { containerNames, type ContainerName } from '../../../src/store/containers';
import type { Store } from '../../../src/store/database';
import type { Repositories } from '../../../src/store/repositories';

export const tenantId = '11111111-2222-4333-8444-555555555555';
export const claire = demoPersonId(5); // leads the demo programme (a tenant lead in dev sign-in)
export const marc = demoPersonId(27); // Yanis's manager
export const yanis = demoPersonId(28); // mentors Martine on Power BI: active, sessions, notes…
export const martine = demoPersonId(16);
export const adam = demoPersonId(31);
export const ethan = demoPersonId(39);
export const yanisTraces = {
  id: yanis,
  email: 'yanis.benali@maison-lumiere.example',
  name: 'Yanis Benali',
};

/**
 * Gives Yanis data in every container the demo leaves empty for him: a bot conversation,
 * notifications (to him, and one to Martine naming him), an open published proposal, approvals
 * as employee and as manager, an import job naming his e-mail, an audit entry about him. His
 * pair's series is booked through the API by the test itself (calendar container).
 */
export async function giveYanisDataEverywhere(repos: Repositories, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  const later = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString();
  await repos.conversations.remember(
    {
      tenantId,
      personId: yanis,
      locale: 'fr',
      reference: {
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/_connector',
        conversation: { id: `a:conv-${yanis}`, conversationType: 'personal', tenantId },
        user: { id: `29:${yanis}`, name: 'Yanis Benali', aadObjectId: yanis },
        bot: { id: '28:bot', name: 'Mentoring' },
      },
    },
    clock.now(),
  );
  await repos.notifications.schedule({
    id: `welcome:${yanis}:${now}`,
    tenantId,
    kind: 'welcome',
    recipientId: yanis,
    dueAt: now,
    status: 'sent',
    sentAt: now,
    attempts: 1,
    payload: { name: 'Yanis Benali' },
  });
  await repos.notifications.schedule({
    id: `feedback_pending:${demoPairIds.powerBi}.${martine}:${now}`,
    tenantId,
    kind: 'feedback_pending',
    recipientId: martine,
    pairId: demoPairIds.powerBi,
    dueAt: now,
    status: 'sent',
    sentAt: now,
    attempts: 1,
    payload: { partnerName: 'Yanis Benali' },
  });
  await repos.proposals.create({
    id: 'prop-privacy-yanis-adam',
    tenantId,
    programmeId: demoProgrammeId,
    runId: 'run-privacy',
    mentorId: yanis,
    menteeId: adam,
    score: 0.71,
    reasons: [{ fr: 'Yanis Benali enseigne Power BI', en: 'Yanis Benali teaches Power BI' }],
    status: 'proposed',
    answers: { mentor: { answer: 'accepted', at: now } },
    expiresAt: later,
    createdAt: now,
    publishedAt: now,
    kept: true,
    pairId: null,
  });
  const request = approvalRequestFor(defaultFrame, now.slice(0, 10));
  const approval = (over: Partial<Approval>): Approval => ({
    id: 'approval-x',
    tenantId,
    pairId: demoPairIds.powerBi,
    personId: yanis,
    managerId: marc,
    requestedBy: yanis,
    request,
    status: 'approved',
    decidedAt: now,
    decidedBy: marc,
    createdAt: now,
    ...over,
  });
  await repos.approvals.create(approval({ id: 'approval-privacy-yanis' }));
  await repos.approvals.create(
    approval({
      id: 'approval-privacy-by-yanis',
      pairId: demoPairIds.data,
      personId: ethan,
      managerId: yanis,
      requestedBy: ethan,
      decidedBy: yanis,
      comment: 'Bonne idée, allez-y',
    }),
  );
  await repos.importJobs.create({
    id: 'import-privacy',
    tenantId,
    kind: 'participant_import',
    programmeId: demoProgrammeId,
    fileName: 'volontaires.csv',
    status: 'succeeded',
    total: 1,
    processed: 1,
    created: 0,
    updated: 1,
    unchanged: 0,
    applied: [{ line: 2, email: yanisTraces.email, personId: yanis, outcome: 'update' }],
    errors: [],
    createdBy: claire,
    createdAt: now,
    updatedAt: now,
    finishedAt: now,
  });
  await repos.audit.append({
    id: 'audit-privacy-import',
    tenantId,
    at: now,
    actorId: claire,
    actorRole: 'lead',
    action: 'participants.imported',
    targetType: 'import',
    targetId: 'import-privacy',
    programmeId: demoProgrammeId,
    subjectIds: [yanis],
  });
}

/** Every document of the tenant, container by container (what an erasure must leave clean). */
export async function everyDocument(
  store: Pick<Store, 'container'>,
): Promise<Record<ContainerName, ItemDefinition[]>> {
  const out = {} as Record<ContainerName, ItemDefinition[]>;
  for (const name of containerNames) {
    const { resources } = await store
      .container(name)
      .items.query<ItemDefinition>({
        query: 'SELECT * FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: tenantId }],
      })
      .fetchAll();
    out[name] = resources;
  }
  return out;
}

/** The documents of `docs` whose JSON holds `needle`. */
export function holding(docs: readonly ItemDefinition[], needle: string): string[] {
  return docs.filter((d) => JSON.stringify(d).includes(needle)).map((d) => String(d.id));
}
