import type { Clock } from '../clock';
import { DomainError } from '../errors';
import { sameValue, validationError, type PairChange } from './changes';
import { assertMember, isPairClosed, roleIn } from './membership';
import { agreementSchema, type Agreement, type AgreementChanges, type Pair } from './schema';

/** The pair's agreement: edited by either member, signed by both at the same revision. */

/** True when both members signed the current revision of the agreement. */
export function isAgreementSigned(agreement: Agreement): boolean {
  const { mentor, mentee } = agreement.signatures;
  return mentor?.revision === agreement.revision && mentee?.revision === agreement.revision;
}
/**
 * A member edits the agreement. A real change bumps the revision and clears both signatures
 * (what was signed is no longer what is written); an edit that changes nothing is a no-op.
 */
export function editAgreement(
  pair: Pair,
  actorId: string,
  changes: AgreementChanges,
  clock: Clock,
): PairChange {
  assertMember(pair, actorId);
  if (isPairClosed(pair)) {
    throw new DomainError(
      'invalid_transition',
      `The agreement of a ${pair.state} pair cannot change`,
      {
        entity: 'pair',
        id: pair.id,
        from: pair.state,
        to: pair.state,
      },
    );
  }
  const edited: Agreement = { ...pair.agreement };
  let changed = false;
  for (const key of Object.keys(changes) as (keyof AgreementChanges)[]) {
    const value = changes[key];
    if (value === undefined || sameValue(value, pair.agreement[key])) continue;
    Object.assign(edited, { [key]: value });
    changed = true;
  }
  if (!changed) return { pair, changed: false };
  const parsed = agreementSchema.safeParse({
    ...edited,
    revision: pair.agreement.revision + 1,
    signatures: {},
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['agreement', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new DomainError('validation_failed', `Invalid agreement: ${issues[0]?.message ?? ''}`, {
      issues,
    });
  }
  return {
    pair: { ...pair, agreement: parsed.data, updatedAt: clock.now().toISOString() },
    changed: true,
  };
}

/** A member signs the current revision; signing it again is a no-op. */
export function signAgreement(
  pair: Pair,
  actorId: string,
  clock: Clock,
): { pair: Pair; changed: boolean; fullySigned: boolean } {
  const side = roleIn(pair, actorId);
  if (isPairClosed(pair)) {
    throw new DomainError(
      'invalid_transition',
      `The agreement of a ${pair.state} pair cannot be signed`,
      {
        entity: 'pair',
        id: pair.id,
        from: pair.state,
        to: pair.state,
      },
    );
  }
  const { agreement } = pair;
  if (agreement.signatures[side]?.revision === agreement.revision) {
    return { pair, changed: false, fullySigned: isAgreementSigned(agreement) };
  }
  if (agreement.subject.trim().length === 0) {
    throw validationError('agreement.subject', 'The agreement needs a subject before it is signed');
  }
  const at = clock.now().toISOString();
  const signed: Agreement = {
    ...agreement,
    signatures: { ...agreement.signatures, [side]: { at, revision: agreement.revision } },
  };
  return {
    pair: { ...pair, agreement: signed, updatedAt: at },
    changed: true,
    fullySigned: isAgreementSigned(signed),
  };
}
