import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PairResponse, PairView } from '../../../../src/contracts/pairs';
import type { Frame } from '../../../../src/domain/programme';
import { usePairT, type PairTranslate } from './i18n/usePairT';
import { usePair } from './PairContext';
import {
  agreementEditBody,
  agreementFormProblems,
  agreementFormValues,
  linesOf,
  mergeTyped,
  mustSignAgain,
  type AgreementFormProblem,
  type AgreementFormValues,
} from './pair-model';
import { useFormat } from './useFormat';
import { useWrite, WriteNotice } from './WriteNotice';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  narrow: { minWidth: '10rem' },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const frequencies: Frame['frequency'][] = ['weekly', 'biweekly', 'monthly'];
const places: Frame['place'][] = ['online', 'on_site', 'hybrid'];

/** "6 sessions of 60 minutes, every two weeks, online (Lyon office)". */
export function frameSummary(frame: Frame, t: PairTranslate): string {
  const where = frame.location
    ? t('pair.frame.placeAt', {
        place: t(`pair.frame.place.${frame.place}`),
        location: frame.location,
      })
    : t(`pair.frame.place.${frame.place}`);
  return t('pair.frame.summary', {
    count: frame.sessions,
    minutes: frame.durationMinutes,
    frequency: t(`pair.frame.frequency.${frame.frequency}`),
    place: where,
  });
}

function fieldLabel(t: PairTranslate, field: string): string | undefined {
  switch (field) {
    case 'subject':
      return t('pair.agreement.subject');
    case 'menteeGoals':
      return t('pair.agreement.menteeGoals');
    case 'mentorGoals':
      return t('pair.agreement.mentorGoals');
    case 'frame':
    case 'sessions':
      return t('pair.agreement.sessions');
    case 'durationMinutes':
      return t('pair.agreement.duration');
    case 'groundRules':
      return t('pair.agreement.groundRules');
    case 'confidentiality':
      return t('pair.agreement.confidentiality');
    case 'location':
      return t('pair.agreement.location');
    default:
      return undefined;
  }
}

function problemMessage(t: PairTranslate, problem: AgreementFormProblem): string {
  switch (problem.problem) {
    case 'too_long':
      return t('pair.agreement.problem.tooLong');
    case 'too_many':
      return problem.field === 'groundRules'
        ? t('pair.agreement.problem.tooManyRules')
        : t('pair.agreement.problem.tooManyGoals');
    case 'line_too_long':
      return t('pair.agreement.problem.lineTooLong');
    case 'out_of_range':
      return problem.field === 'sessions'
        ? t('pair.agreement.problem.sessions')
        : t('pair.agreement.problem.duration');
  }
}

function AgreementForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair, version, write } = usePair();
  const [base, setBase] = useState<AgreementFormValues>(() => agreementFormValues(pair.agreement));
  // The version and revision the form was filled from. If the dashboard has since shown a newer
  // revision (another write brought it), saving on the old version makes it a conflict to merge;
  // if only other parts of the pair changed, the latest version is safe.
  const [baseVersion, setBaseVersion] = useState(version);
  const [baseRevision, setBaseRevision] = useState(pair.agreement.revision);
  const [values, setValues] = useState<AgreementFormValues>(base);
  const [problems, setProblems] = useState<AgreementFormProblem[]>([]);
  const { busy, notice, setNotice, run } = useWrite();
  const problemOf = (field: AgreementFormProblem['field']) => {
    const found = problems.find((p) => p.field === field);
    return found ? problemMessage(t, found) : undefined;
  };
  const change = (field: keyof AgreementFormValues, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = agreementFormProblems(values);
    setProblems(found);
    if (found.length > 0) return;
    const body = agreementEditBody(base, values);
    if (Object.keys(body).length === 0) {
      onDone(false);
      return;
    }
    const outcome = await run(() =>
      write('PUT', '/agreement', {
        ...body,
        version: pair.agreement.revision === baseRevision ? version : baseVersion,
      }),
    );
    if (outcome.ok) onDone(true);
  };

  const reloaded = (current: PairResponse) => {
    const latest = agreementFormValues(current.pair.agreement);
    setValues((typed) => mergeTyped(base, typed, latest));
    setBase(latest);
    setBaseVersion(current.version);
    setBaseRevision(current.pair.agreement.revision);
  };

  const multiline = (
    field: 'menteeGoals' | 'mentorGoals' | 'groundRules',
    label: string,
    hint: string,
  ) => (
    <Field label={label} hint={hint} validationMessage={problemOf(field)}>
      <Textarea
        value={values[field]}
        onChange={(_, data) => change(field, data.value)}
        rows={Math.max(3, linesOf(values[field]).length + 1)}
        resize="vertical"
      />
    </Field>
  );

  return (
    <form className={styles.column} onSubmit={(e) => void submit(e)} noValidate>
      <WriteNotice
        notice={notice}
        onClear={() => setNotice({ kind: 'none' })}
        onReloaded={reloaded}
        keepsTyping
        fieldLabel={(path) => fieldLabel(t, path)}
      />
      {pair.agreement.signedByMe || pair.agreement.signedByPartner ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('pair.agreement.editUnsigns')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label={t('pair.agreement.subject')}
        hint={t('pair.agreement.subjectHint')}
        validationMessage={problemOf('subject')}
      >
        <Input value={values.subject} onChange={(_, data) => change('subject', data.value)} />
      </Field>
      {multiline('menteeGoals', t('pair.agreement.menteeGoals'), t('pair.agreement.goalsHint'))}
      {multiline('mentorGoals', t('pair.agreement.mentorGoals'), t('pair.agreement.goalsHint'))}
      <fieldset className={styles.column}>
        <legend>
          <Subtitle2>{t('pair.agreement.frame')}</Subtitle2>
        </legend>
        <div className={styles.row}>
          <Field
            label={t('pair.agreement.sessions')}
            validationMessage={problemOf('sessions')}
            className={styles.narrow}
          >
            <Input
              type="number"
              min={1}
              max={52}
              value={values.sessions}
              onChange={(_, data) => change('sessions', data.value)}
            />
          </Field>
          <Field
            label={t('pair.agreement.duration')}
            validationMessage={problemOf('durationMinutes')}
            className={styles.narrow}
          >
            <Input
              type="number"
              min={15}
              max={240}
              step={15}
              value={values.durationMinutes}
              onChange={(_, data) => change('durationMinutes', data.value)}
            />
          </Field>
          <Field label={t('pair.agreement.frequency')} className={styles.narrow}>
            <Select
              value={values.frequency}
              onChange={(_, data) => change('frequency', data.value)}
            >
              {frequencies.map((f) => (
                <option key={f} value={f}>
                  {t(`pair.frame.frequency.${f}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('pair.agreement.place')} className={styles.narrow}>
            <Select value={values.place} onChange={(_, data) => change('place', data.value)}>
              {places.map((p) => (
                <option key={p} value={p}>
                  {t(`pair.frame.place.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label={t('pair.agreement.location')} validationMessage={problemOf('location')}>
          <Input value={values.location} onChange={(_, data) => change('location', data.value)} />
        </Field>
      </fieldset>
      {multiline('groundRules', t('pair.agreement.groundRules'), t('pair.agreement.rulesHint'))}
      <Field
        label={t('pair.agreement.confidentiality')}
        validationMessage={problemOf('confidentiality')}
      >
        <Textarea
          value={values.confidentiality}
          onChange={(_, data) => change('confidentiality', data.value)}
          resize="vertical"
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('pair.agreement.save')}
        </Button>
        <Button onClick={() => onDone(false)} disabled={busy}>
          {t('pair.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Signatures({ pair }: { pair: PairView }) {
  const styles = useStyles();
  const t = usePairT();
  const format = useFormat();
  const { agreement } = pair;
  const members = pair.myRole === 'mentor' ? [pair.me, pair.partner] : [pair.partner, pair.me];
  return (
    <ul className={styles.list} aria-label={t('pair.agreement.signatures')}>
      {members.map((member) => {
        const signature = agreement.signatures[member.role];
        const name = member.displayName;
        const role = t(`pair.role.${member.role}`);
        // « Vous » takes its own verb: « Vous : vous n’avez pas encore signé », not « Vous : n’a pas… ».
        const you = member.personId === pair.me.personId;
        let text: string;
        if (!signature) {
          const params = { name, role, revision: agreement.revision };
          text = you
            ? t('pair.agreement.you.notSigned', params)
            : t('pair.agreement.notSigned', params);
        } else if (signature.revision === agreement.revision) {
          const params = {
            name,
            role,
            revision: signature.revision,
            date: format.day(signature.at),
          };
          text = you ? t('pair.agreement.you.signed', params) : t('pair.agreement.signed', params);
        } else {
          const params = {
            name,
            role,
            revision: signature.revision,
            current: agreement.revision,
          };
          text = you
            ? t('pair.agreement.you.signedEarlier', params)
            : t('pair.agreement.signedEarlier', params);
        }
        return (
          <li key={member.role}>
            <Body1>{text}</Body1>
          </li>
        );
      })}
    </ul>
  );
}

/** The pair's agreement: read, edit (both sign again after a change) and sign. */
export function AgreementSection() {
  const styles = useStyles();
  const t = usePairT();
  const { pair, write, signaturesDropped, announce } = usePair();
  const [editing, setEditing] = useState(false);
  const { busy, notice, setNotice, run } = useWrite();
  const { agreement } = pair;
  const canEdit = pair.can.includes('edit_agreement');
  const canSign = pair.can.includes('sign');

  if (editing) {
    return (
      <AgreementForm
        onDone={(saved) => {
          setEditing(false);
          if (saved) {
            setNotice({ kind: 'done', message: t('pair.agreement.saved') });
            announce(t('pair.agreement.saved'));
          }
        }}
      />
    );
  }

  const list = (items: string[]) =>
    items.length === 0 ? (
      <Body1 as="p" className={styles.muted}>
        {t('pair.agreement.none')}
      </Body1>
    ) : (
      <ul className={styles.list}>
        {items.map((item, i) => (
          <li key={i}>
            <Body1>{item}</Body1>
          </li>
        ))}
      </ul>
    );

  return (
    <div className={styles.column}>
      <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} />
      {agreement.fullySigned ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {t('pair.agreement.fullySigned', { revision: agreement.revision })}
          </MessageBarBody>
        </MessageBar>
      ) : signaturesDropped || mustSignAgain(agreement, pair.state) ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('pair.agreement.signAgain', { revision: agreement.revision })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Caption1 as="p" className={styles.muted}>
        {t('pair.agreement.revision', { revision: agreement.revision })}
      </Caption1>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.subject')}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {agreement.subject || t('pair.agreement.noSubject')}
      </Body1>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.menteeGoals')}
      </Subtitle2>
      {list(agreement.menteeGoals)}
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.mentorGoals')}
      </Subtitle2>
      {list(agreement.mentorGoals)}
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.frame')}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {frameSummary(agreement.frame, t)}
      </Body1>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.groundRules')}
      </Subtitle2>
      {list(agreement.groundRules)}
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.confidentiality')}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {agreement.confidentiality || t('pair.agreement.none')}
      </Body1>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.agreement.signatures')}
      </Subtitle2>
      <Signatures pair={pair} />
      <div className={styles.actions}>
        {canSign && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void run(
                () => write('POST', '/agreement/sign', { revision: agreement.revision }),
                t('pair.agreement.signedNow', { revision: agreement.revision }),
              )
            }
          >
            {t('pair.agreement.sign', { revision: agreement.revision })}
          </Button>
        )}
        {!canSign && !agreement.signedByMe && canEdit && agreement.subject.trim() === '' && (
          <Caption1 as="p" className={styles.muted}>
            {t('pair.agreement.subjectFirst')}
          </Caption1>
        )}
        {canEdit && (
          <Button onClick={() => setEditing(true)} disabled={busy}>
            {t('pair.agreement.edit')}
          </Button>
        )}
      </div>
    </div>
  );
}
