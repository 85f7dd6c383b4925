import type { AssessmentBody, FeedbackBody, PairResponse } from '../../contracts/pairs';
import { DomainError } from '../../domain/errors';
import { giveFeedback, recordAssessment } from '../../domain/pair/feedback';
import { roleIn } from '../../domain/pair/membership';
import type { Principal } from '../auth/principal';
import type { PairUseCaseDeps } from './pair-access';

/** What the members say: feedback to each other after a session, self-assessments of their goals. */
export class PairFeedback {
  constructor(private readonly deps: PairUseCaseDeps) {}

  /** The caller's feedback to their partner on a session; both poor fits flag the pair. */
  async giveFeedback(
    principal: Principal,
    pairId: string,
    sessionId: string,
    body: FeedbackBody,
  ): Promise<PairResponse> {
    return this.deps.access.write(principal, pairId, body.version, 'move', (pair) =>
      giveFeedback(
        pair,
        sessionId,
        principal.personId,
        {
          rating: body.rating,
          worked: body.worked,
          suggestion: body.suggestion,
          ...(body.pairingFit !== undefined ? { pairingFit: body.pairingFit } : {}),
          ...(body.shareWithLead ? { shareWithLead: true } : {}),
        },
        this.deps.clock,
      ),
    );
  }

  /** The caller's level on one of their goals at one phase. */
  async recordAssessment(
    principal: Principal,
    pairId: string,
    body: AssessmentBody,
  ): Promise<PairResponse> {
    return this.deps.access.write(principal, pairId, body.version, 'move', (pair) => {
      const role = roleIn(pair, principal.personId);
      const goals = role === 'mentor' ? pair.agreement.mentorGoals : pair.agreement.menteeGoals;
      const goal = body.goal.trim();
      if (!goals.some((g) => g.trim() === goal)) {
        throw new DomainError(
          'validation_failed',
          `"${goal}" is not one of your goals in the agreement`,
          {
            issues: [
              { path: 'goal', message: `goal must be one of your goals: ${goals.join(', ')}` },
            ],
          },
        );
      }
      return recordAssessment(
        pair,
        principal.personId,
        { phase: body.phase, goal, level: body.level },
        this.deps.clock,
      );
    });
  }
}
