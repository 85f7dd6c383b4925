import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Switch,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Frequency, Place, SkillKind } from '../../../../src/domain/programme';
import { ApiError } from '../../api/client';
import { SaveNotice, type SaveOutcome } from '../../components/SaveNotice';
import { isVersionConflict } from '../../data/useMutation';
import {
  frequencies,
  hasProgrammeErrors,
  newSkillRow,
  noProgrammeErrors,
  places,
  programmeErrorsFromIssues,
  skillIdOf,
  validateProgrammeForm,
  weightKeys,
  type ProgrammeFormErrors,
  type ProgrammeFormValues,
  type SkillRow,
} from './programme-form-model';
import { useComponentsT } from '../../components/components-i18n';
import { useProgrammesT } from './programmes-i18n';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  skills: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  skill: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 1fr) minmax(10rem, 1fr) 10rem auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    '@media (max-width: 720px)': { gridTemplateColumns: '1fr' },
  },
  skillId: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // The outcome of the last save; takes no room while there is none.
});

type ProgrammeFormProps = {
  initial: ProgrammeFormValues;
  submitLabel: string;
  /**
   * Sends the form; throws `ApiError` (the form keeps what was typed and shows why). May return the
   * form of what was saved: new skills then keep the id they were saved with, whatever is renamed.
   */
  onSubmit: (values: ProgrammeFormValues) => Promise<ProgrammeFormValues | void>;
  onCancel?: () => void;
  /** After a `version_conflict`: loads the latest version and returns it with the typed changes. */
  onReloadKeepingChanges?: (values: ProgrammeFormValues) => Promise<ProgrammeFormValues>;
};

/** Create or edit a programme: general, skills catalogue, frame defaults, approval, weights. */
export function ProgrammeForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onReloadKeepingChanges,
}: ProgrammeFormProps) {
  const styles = useStyles();
  const pt = useProgrammesT();
  const ct = useComponentsT();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ProgrammeFormErrors>(noProgrammeErrors);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const generalId = useId('general');
  const skillsId = useId('catalogue');
  const frameId = useId('frame');
  const weightsId = useId('weights');

  const set = <K extends keyof ProgrammeFormValues>(field: K, value: ProgrammeFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setSkill = (index: number, patch: Partial<SkillRow>) =>
    set(
      'skills',
      values.skills.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateProgrammeForm(values, pt);
    setErrors(found);
    if (hasProgrammeErrors(found)) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setBusy(true);
    try {
      const saved = await onSubmit(values);
      if (saved) setValues(saved);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      if (isVersionConflict(error)) {
        setOutcome({ kind: 'conflict' });
      } else if (error instanceof ApiError && error.code === 'validation_failed') {
        const issues = (error.details as { issues?: { path: string; message: string }[] })?.issues;
        setErrors(programmeErrorsFromIssues(issues ?? [], pt));
        setOutcome({ kind: 'invalid' });
      } else {
        setOutcome({ kind: 'failed', error });
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    if (!onReloadKeepingChanges) return;
    setBusy(true);
    try {
      setValues(await onReloadKeepingChanges(values));
      setOutcome({ kind: 'merged' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const messages = [
    ...Object.values(errors.fields),
    ...Object.entries(errors.skills).flatMap(([index, row]) =>
      Object.values(row ?? {}).map((message) =>
        pt('programmeForm.error.inSkill', { n: Number(index) + 1, message }),
      ),
    ),
    ...Object.entries(errors.weights).map(([key, message]) =>
      pt('programmeForm.error.inWeight', {
        weight: pt(`programmeForm.weight.${key as (typeof weightKeys)[number]}`),
        message: message ?? '',
      }),
    ),
  ];

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <SaveNotice
        outcome={outcome}
        text={{
          saved: pt('programmeForm.saved'),
          invalidTitle: pt('programmeForm.invalid'),
          conflictTitle: pt('programmeForm.conflict.title'),
          conflictBody: pt('programmeForm.conflict.body'),
          reload: pt('programmeForm.conflict.reload'),
          merged: pt('programmeForm.conflict.merged'),
          keptTyped: pt('programmeForm.keptTyped'),
        }}
        problems={messages.map((message, i) => ({ key: String(i), message }))}
        {...(onReloadKeepingChanges ? { onReload: () => void reload() } : {})}
        busy={busy}
      />

      <fieldset className={styles.fieldset} aria-labelledby={generalId}>
        <legend className={styles.legend}>
          <Subtitle2 id={generalId}>{pt('programmeForm.general')}</Subtitle2>
        </legend>
        <Field label={pt('programmeForm.name')} required validationMessage={errors.fields.name}>
          <Input value={values.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field
          label={pt('programmeForm.description')}
          validationMessage={errors.fields.description}
        >
          <Textarea
            value={values.description}
            rows={3}
            resize="vertical"
            onChange={(_, d) => set('description', d.value)}
          />
        </Field>
        <div className={styles.row}>
          <Field
            label={pt('programmeForm.startDate')}
            required
            validationMessage={errors.fields.startDate}
          >
            <DateInput value={values.startDate} onChange={(_, d) => set('startDate', d.value)} />
          </Field>
          <Field
            label={pt('programmeForm.endDate')}
            required
            validationMessage={errors.fields.endDate}
          >
            <DateInput
              value={values.endDate}
              min={values.startDate || undefined}
              onChange={(_, d) => set('endDate', d.value)}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset} aria-labelledby={skillsId}>
        <legend className={styles.legend}>
          <Subtitle2 id={skillsId}>{pt('programmeForm.skills')}</Subtitle2>
        </legend>
        <Caption1 as="p" className={styles.muted}>
          {pt('programmeForm.skills.help')}
        </Caption1>
        {values.skills.length === 0 ? (
          <p className={styles.muted}>{pt('programmeForm.skills.empty')}</p>
        ) : (
          <ol className={styles.skills}>
            {values.skills.map((row, index) => {
              const error = errors.skills[index] ?? {};
              const n = index + 1;
              const id = skillIdOf(row);
              return (
                <li key={row.key} className={styles.skill}>
                  <Field label={pt('programmeForm.skill.fr', { n })} validationMessage={error.fr}>
                    <Input
                      lang="fr"
                      value={row.fr}
                      onChange={(_, d) => setSkill(index, { fr: d.value })}
                    />
                  </Field>
                  <Field label={pt('programmeForm.skill.en', { n })} validationMessage={error.en}>
                    <Input
                      lang="en"
                      value={row.en}
                      onChange={(_, d) => setSkill(index, { en: d.value })}
                    />
                  </Field>
                  <Field label={pt('programmeForm.skill.kind', { n })}>
                    <Select
                      value={row.kind}
                      onChange={(_, d) => setSkill(index, { kind: d.value as SkillKind })}
                    >
                      <option value="digital">{ct('skills.kind.digital')}</option>
                      <option value="know_how">{ct('skills.kind.know_how')}</option>
                    </Select>
                  </Field>
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      set(
                        'skills',
                        values.skills.filter((_, i) => i !== index),
                      )
                    }
                  >
                    {pt('programmeForm.skill.remove', { n })}
                  </Button>
                  <Caption1 className={styles.skillId} role={error.id ? 'alert' : undefined}>
                    {error.id ??
                      (id
                        ? pt(row.saved ? 'programmeForm.skill.idSaved' : 'programmeForm.skill.id', {
                            id,
                          })
                        : '')}
                  </Caption1>
                </li>
              );
            })}
          </ol>
        )}
        {errors.fields.skills && <Caption1 role="alert">{errors.fields.skills}</Caption1>}
        <div>
          <Button onClick={() => set('skills', [...values.skills, newSkillRow()])}>
            {pt('programmeForm.skill.add')}
          </Button>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset} aria-labelledby={frameId}>
        <legend className={styles.legend}>
          <Subtitle2 id={frameId}>{pt('programmeForm.frame')}</Subtitle2>
        </legend>
        <Caption1 as="p" className={styles.muted}>
          {pt('programmeForm.frame.help')}
        </Caption1>
        <div className={styles.row}>
          <Field label={pt('programmeForm.sessions')} validationMessage={errors.fields.sessions}>
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={52}
              value={values.sessions}
              onChange={(_, d) => set('sessions', d.value)}
            />
          </Field>
          <Field
            label={pt('programmeForm.duration')}
            validationMessage={errors.fields.durationMinutes}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={15}
              max={240}
              step={15}
              value={values.durationMinutes}
              onChange={(_, d) => set('durationMinutes', d.value)}
            />
          </Field>
          <Field label={pt('programmeForm.frequency')}>
            <Select
              value={values.frequency}
              onChange={(_, d) => set('frequency', d.value as Frequency)}
            >
              {frequencies.map((f) => (
                <option key={f} value={f}>
                  {pt(`programmeForm.frequency.${f}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={pt('programmeForm.place')}>
            <Select value={values.place} onChange={(_, d) => set('place', d.value as Place)}>
              {places.map((p) => (
                <option key={p} value={p}>
                  {pt(`programmeForm.place.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {values.place !== 'online' && (
          <Field label={pt('programmeForm.location')} validationMessage={errors.fields.location}>
            <Input value={values.location} onChange={(_, d) => set('location', d.value)} />
          </Field>
        )}
        <Switch
          checked={values.managerApprovalRequired}
          onChange={(_, d) => set('managerApprovalRequired', d.checked)}
          label={pt('programmeForm.approval')}
        />
      </fieldset>

      <fieldset className={styles.fieldset} aria-labelledby={weightsId}>
        <legend className={styles.legend}>
          <Subtitle2 id={weightsId}>{pt('programmeForm.weights')}</Subtitle2>
        </legend>
        <Caption1 as="p" className={styles.muted}>
          {pt('programmeForm.weights.help')}
        </Caption1>
        <div className={styles.row}>
          {weightKeys.map((key) => (
            <Field
              key={key}
              label={pt(`programmeForm.weight.${key}`)}
              hint={pt(`programmeForm.weight.${key}.hint`)}
              validationMessage={errors.weights[key]}
            >
              <Input
                inputMode="decimal"
                value={values.weights[key]}
                contentAfter="%"
                onChange={(_, d) => set('weights', { ...values.weights, [key]: d.value })}
              />
            </Field>
          ))}
        </div>
        {errors.fields.weights && <Caption1 role="alert">{errors.fields.weights}</Caption1>}
      </fieldset>

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{pt('programmeForm.cancel')}</Button>}
      </div>
    </form>
  );
}
