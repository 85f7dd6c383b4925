import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ViolationCode } from '../../../../src/domain/matching/pair-evaluation';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import type { Translate } from '../../i18n/catalogue';
import { useMatchingT } from './matching-i18n';

/** A rule of matching a pair breaks: the engine's, or the review's own (places already promised). */
type RuleCode = ViolationCode | 'already_paired' | 'mentor_full' | 'pinned';
type Violation = { mentorId: string; menteeId: string; codes: RuleCode[] };

function violationsOf(error: unknown): Violation[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || !error.details)
    return [];
  const list = (error.details as { violations?: unknown }).violations;
  return Array.isArray(list) ? (list as Violation[]) : [];
}

/**
 * A refused review action: the pairs and the matching rules they break when the server names them,
 * else the shell's sentence for the error.
 */
export function RuleErrorBar({
  error,
  names,
  shellT,
}: {
  error: unknown;
  names: ReadonlyMap<string, string>;
  shellT: Translate;
}) {
  const t = useMatchingT();
  const violations = violationsOf(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {violations.length === 0 ? (
          describeError(error, shellT)
        ) : (
          <>
            {t('matching.refused')}
            <ul>
              {violations.map((v) => (
                <li key={`${v.mentorId}-${v.menteeId}`}>
                  {names.get(v.mentorId) ?? v.mentorId} → {names.get(v.menteeId) ?? v.menteeId}
                  {' — '}
                  {v.codes
                    .map((code) =>
                      t(`matching.violation.${code}` as `matching.violation.${RuleCode}`),
                    )
                    .join(', ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
