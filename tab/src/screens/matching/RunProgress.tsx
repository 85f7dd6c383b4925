import { Field, ProgressBar } from '@fluentui/react-components';
import type { MatchingRunResponse } from '../../../../src/contracts/matching';
import { useLocale } from '../../i18n/I18nProvider';
import { useMatchingT } from './matching-i18n';

/** A running matching: its phase, the solver's round and gap, and how far it has gone. */
export function RunProgress({ run }: { run: MatchingRunResponse }) {
  const t = useMatchingT();
  const locale = useLocale();
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  return (
    <Field
      label={t('matching.progressLabel')}
      validationState="none"
      validationMessage={[
        t(`matching.phase.${run.phase}`),
        run.phase === 'solving' && run.solving
          ? t('matching.solvingRound', {
              round: run.solving.round,
              gap: number(run.solving.gapPct),
            })
          : null,
        t('matching.running', { progress: run.progress }),
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      <ProgressBar
        value={run.progress / 100}
        thickness="large"
        aria-valuetext={`${run.progress} %`}
      />
    </Field>
  );
}
