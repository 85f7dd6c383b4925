import type { AgreementEditBody, PairResponse } from '../../contracts/pairs';
import { editAgreement, isAgreementSigned, signAgreement } from '../../domain/pair/agreement';
import { transitionPair } from '../../domain/pair/lifecycle';
import type { AgreementChanges, Pair } from '../../domain/pair/schema';
import type { Principal } from '../auth/principal';
import { ConflictMarker, type PairUseCaseDeps } from './pair-access';

/** The pair's agreement: edited by either member, signed by both, then approved or active. */
export class PairAgreements {
  constructor(private readonly deps: PairUseCaseDeps) {}

  /** Edit the agreement (only the fields given); a real change asks both to sign again. */
  async editAgreement(
    principal: Principal,
    pairId: string,
    body: AgreementEditBody,
    version: string | undefined,
  ): Promise<PairResponse> {
    const { version: _ignored, ...fields } = body;
    const changes: AgreementChanges = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) Object.assign(changes, { [key]: value });
    }
    return this.deps.access.write(principal, pairId, version, 'edit', (pair) =>
      editAgreement(pair, principal.personId, changes, this.deps.clock),
    );
  }

  /**
   * Sign the revision the caller read. When both have signed an accepted pair, in the same write:
   * - the programme needs no manager approval: the pair becomes active;
   * - it does: the pair awaits approval, each member's manager is asked, and the pair records
   *   where the requests stand (`pair.approvals`, for its dashboard). Nobody to ask (no
   *   member has a manager in the directory: the top of the organisation, people imported without
   *   one): the pair becomes active at once rather than wait for a decision nobody can take.
   * A pair already awaiting approval whose members sign a new revision (after a decline, say)
   * asks each manager again unless they approved the same time (sessions, duration, frequency);
   * a request still pending for the older revision is superseded by the new one, so no manager
   * decides the time of an agreement the pair replaced (`ApprovalService.requestFor`).
   * The requests are made before the pair is written: if that write fails the signature can be
   * given again and the requests, whose ids are fixed by pair, person and revision, are not made
   * twice; a request whose pair never got to `awaiting_approval` is neither listed nor decidable.
   * Once the pair is written, each manager asked gets the card in Teams at once (through the
   * notification outbox, not at the planner's next pass).
   */
  async sign(
    principal: Principal,
    pairId: string,
    revision: number,
    version: string | undefined,
  ): Promise<PairResponse> {
    let approvalRequired: boolean | undefined;
    const needsApproval = async (pair: Pair) => {
      approvalRequired ??=
        (await this.deps.programmes.find(pair.tenantId, pair.programmeId))?.value
          .managerApprovalRequired ?? true;
      return approvalRequired;
    };
    let asked = false;
    const response = await this.deps.access.write(
      principal,
      pairId,
      version,
      'move',
      (pair) => {
        if (pair.agreement.revision !== revision) {
          throw new ConflictMarker(
            `The agreement changed (revision ${pair.agreement.revision}) since you read revision ${revision}; read it again before signing`,
          );
        }
        const signed = signAgreement(pair, principal.personId, this.deps.clock);
        return { pair: signed.pair, changed: signed.changed };
      },
      async (pair) => {
        if (!isAgreementSigned(pair.agreement)) return pair;
        if (pair.state === 'awaiting_approval') {
          asked = true;
          return this.deps.approvals.askManagers(pair, principal.personId);
        }
        if (pair.state !== 'accepted') return pair;
        const ask =
          (await needsApproval(pair)) && (await this.deps.approvals.anyManagerToAsk(pair));
        asked ||= ask;
        const withApprovals = ask
          ? await this.deps.approvals.askManagers(pair, principal.personId)
          : pair;
        return transitionPair(
          withApprovals,
          ask ? { type: 'request_approval' } : { type: 'activate', managerApprovalRequired: false },
          principal.personId,
          this.deps.clock,
        ).pair;
      },
    );
    // Announced from the stored pair: only requests that wait for a decision get a card.
    if (asked) await this.deps.approvals.announceRequests(principal.tenantId, pairId);
    return response;
  }
}
