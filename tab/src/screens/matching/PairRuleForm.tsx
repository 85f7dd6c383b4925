import {
  Button,
  Field,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Volunteer } from '../../../../src/contracts/matching';
import { useMatchingT } from './matching-i18n';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { minWidth: '16rem', flexGrow: 1, maxWidth: '24rem' },
  heading: { margin: 0 },
});

export type PairChoice = { mentorId: string; menteeId: string };

/** Two volunteers of the programme, chosen by name, to pin (must pair) or block (never pair). */
export function PairRuleForm({
  volunteers,
  busy,
  onPin,
  onBlock,
}: {
  /** The programme's active volunteers; null while they load. */
  volunteers: readonly Volunteer[] | null;
  busy: boolean;
  onPin: (pair: PairChoice) => Promise<boolean>;
  onBlock: (pair: PairChoice) => Promise<boolean>;
}) {
  const styles = useStyles();
  const t = useMatchingT();
  const [mentorId, setMentorId] = useState('');
  const [menteeId, setMenteeId] = useState('');

  if (!volunteers) return <Spinner size="tiny" label={t('matching.rule.loading')} />;
  const label = (v: Volunteer) =>
    v.department ? `${v.displayName} — ${v.department}` : v.displayName;
  const mentors = volunteers.filter((v) => v.role !== 'mentee');
  const mentees = volunteers.filter((v) => v.role !== 'mentor');
  const ready = mentorId !== '' && menteeId !== '' && mentorId !== menteeId && !busy;
  const submit = async (action: (pair: PairChoice) => Promise<boolean>) => {
    if (await action({ mentorId, menteeId })) {
      setMentorId('');
      setMenteeId('');
    }
  };

  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('matching.rule.formTitle')}
      </Subtitle2>
      <div className={styles.form}>
        <Field label={t('matching.col.mentor')} className={styles.field}>
          <Select value={mentorId} onChange={(_, data) => setMentorId(data.value)}>
            <option value="">{t('matching.rule.choose')}</option>
            {mentors.map((v) => (
              <option key={v.personId} value={v.personId}>
                {label(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('matching.col.mentee')} className={styles.field}>
          <Select value={menteeId} onChange={(_, data) => setMenteeId(data.value)}>
            <option value="">{t('matching.rule.choose')}</option>
            {mentees.map((v) => (
              <option key={v.personId} value={v.personId}>
                {label(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={!ready} onClick={() => void submit(onPin)}>
          {t('matching.rule.pinPair')}
        </Button>
        <Button disabled={!ready} onClick={() => void submit(onBlock)}>
          {t('matching.rule.blockPair')}
        </Button>
      </div>
    </>
  );
}
