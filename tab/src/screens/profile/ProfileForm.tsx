import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
  Text,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ProfileResponse } from '../../../../src/contracts/profiles';
import type { ProgrammeSummary } from '../../../../src/contracts/programmes';
import type { MatchingGap, Profile } from '../../../../src/contracts/profiles';
import { useLocale } from '../../i18n/I18nProvider';
import { ApiError } from '../../api/client';
import { editMyProfile, getMyProfile } from '../../api/profiles';
import { LanguagesField } from '../../components/LanguagesField';
import { SkillListEditor } from '../../components/SkillListEditor';
import { allTimeZones, TimeZonePicker } from '../../components/TimeZonePicker';
import { SaveNotice, type SaveOutcome } from '../../components/SaveNotice';
import { WeekGrid } from '../../components/WeekGrid';
import { useMutation } from '../../data/useMutation';
import {
  BIO_MAX,
  editBodyOf,
  errorList,
  errorsFromIssues,
  formValuesOf,
  hasErrors,
  isDirty,
  mergeAfterConflict,
  noErrors,
  validateProfileForm,
  type ProfileFormErrors,
  type ProfileFormValues,
} from './profile-form-model';
import { useProfileT } from './profile-i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  heading: { margin: 0 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  zone: { maxWidth: '24rem' },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    position: 'sticky',
    bottom: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

type ProfileFormProps = {
  programme: ProgrammeSummary;
  profile: Profile;
  version: string | null;
  onSaved: (response: ProfileResponse) => void;
};

/**
 * What the volunteer offers and looks for. Saved with the profile's ETag: when someone else saved
 * in between, the person keeps what they typed and can load the latest version before saving again.
 */
export function ProfileForm({ programme, profile, version, onSaved }: ProfileFormProps) {
  const styles = useStyles();
  const pt = useProfileT();
  const [base, setBase] = useState<ProfileFormValues>(() => formValuesOf(profile));
  const [values, setValues] = useState<ProfileFormValues>(base);
  const [errors, setErrors] = useState<ProfileFormErrors>(noErrors);
  const [notice, setNotice] = useState<SaveOutcome>({ kind: 'none' });
  // What the saved profile still lacks to be matched: saved anyway, but said.
  const [gaps, setGaps] = useState<MatchingGap[]>([]);
  const locale = useLocale();
  const saveProfile = useMutation(editMyProfile);
  const reloadProfile = useMutation(getMyProfile);
  const saving = saveProfile.busy || reloadProfile.busy;
  const availabilityId = useId('availability');
  const availabilityHelpId = useId('availability-help');
  const bioCountId = useId('bio-count');

  const change = <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (notice.kind === 'saved') setNotice({ kind: 'none' });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateProfileForm(values, pt, allTimeZones());
    setErrors(found);
    if (hasErrors(found)) {
      setNotice({ kind: 'invalid' });
      return;
    }
    const outcome = await saveProfile.run(programme.id, editBodyOf(values, profile), version);
    if (outcome.ok) {
      const saved = formValuesOf(outcome.data.profile);
      setBase(saved);
      setValues(saved);
      onSaved(outcome.data);
      setGaps(outcome.data.missingForMatching);
      setNotice({ kind: 'saved' });
    } else if (outcome.conflict) {
      setNotice({ kind: 'conflict' });
    } else if (outcome.error instanceof ApiError && outcome.error.code === 'validation_failed') {
      const details = outcome.error.details as { issues?: { path: string; message: string }[] };
      setErrors(errorsFromIssues(details?.issues ?? [], pt));
      setNotice({ kind: 'invalid' });
    } else {
      setNotice({ kind: 'failed', error: outcome.error });
    }
  };

  // After a conflict: the latest saved profile, keeping every field the person changed.
  const loadLatest = async () => {
    const outcome = await reloadProfile.run(programme.id);
    if (outcome.ok) {
      const latest = formValuesOf(outcome.data.profile);
      setValues((typed) => mergeAfterConflict(base, typed, latest));
      setBase(latest);
      onSaved(outcome.data);
      setNotice({ kind: 'merged' });
    } else {
      setNotice({ kind: 'failed', error: outcome.error });
    }
  };

  const summary = errorList(errors, pt);
  const bioLength = values.bio.length;

  return (
    <form className={styles.form} onSubmit={(event) => void save(event)} noValidate>
      <Subtitle1 as="h2" className={styles.heading}>
        {pt('profile.form.title')}
      </Subtitle1>

      <SaveNotice
        outcome={notice}
        savedIntent={gaps.length === 0 ? 'success' : 'warning'}
        text={{
          saved:
            gaps.length === 0
              ? pt('profile.saved')
              : pt('profile.savedIncomplete', {
                  missing: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                    gaps.map((gap) => pt(`profile.gap.${gap}`)),
                  ),
                }),
          invalidTitle: pt('profile.invalid.title'),
          conflictTitle: pt('profile.conflict.title'),
          conflictBody: pt('profile.conflict.body'),
          reload: pt('profile.conflict.reload'),
          merged: pt('profile.conflict.merged'),
          keptTyped: pt('profile.keptTyped'),
        }}
        problems={summary.map((item) => ({
          key: `${item.field}:${item.message}`,
          message: item.message,
        }))}
        onReload={() => void loadLatest()}
        busy={saving}
      />

      <Field
        label={pt('profile.roleWish')}
        validationMessage={errors.fields.roleWish}
        hint={
          values.roleWish === 'mentee'
            ? undefined
            : pt('profile.capacity', { count: profile.mentorCapacity })
        }
      >
        <RadioGroup
          value={values.roleWish}
          onChange={(_, data) => change('roleWish', data.value as ProfileFormValues['roleWish'])}
        >
          <Radio value="mentor" label={pt('profile.roleWish.mentor')} />
          <Radio value="mentee" label={pt('profile.roleWish.mentee')} />
          <Radio value="both" label={pt('profile.roleWish.both')} />
        </RadioGroup>
      </Field>

      <SkillListEditor
        kind="teaches"
        catalogue={programme.skills}
        value={values.teaches}
        onChange={(entries) => change('teaches', entries)}
        errors={errors.teaches}
        listError={errors.fields.teaches}
      />
      <SkillListEditor
        kind="learns"
        catalogue={programme.skills}
        value={values.learns}
        onChange={(entries) => change('learns', entries)}
        errors={errors.learns}
        listError={errors.fields.learns}
      />

      <LanguagesField
        value={values.languages}
        onChange={(languages) => change('languages', languages)}
        error={errors.fields.languages}
      />

      <Field
        label={pt('profile.timeZone')}
        hint={pt('profile.timeZone.hint')}
        validationMessage={errors.fields.timeZone}
        className={styles.zone}
      >
        <TimeZonePicker value={values.timeZone} onChange={(zone) => change('timeZone', zone)} />
      </Field>

      <section className={styles.section} aria-labelledby={availabilityId}>
        <Subtitle2 as="h3" id={availabilityId} className={styles.heading}>
          {pt('profile.availability')}
        </Subtitle2>
        <Text id={availabilityHelpId}>{pt('profile.availability.help')}</Text>
        <WeekGrid
          value={values.availability}
          onChange={(slots) => change('availability', slots)}
          timeZone={values.timeZone}
          labelledBy={availabilityId}
          describedBy={availabilityHelpId}
        />
        {errors.fields.availability && <Text role="alert">{errors.fields.availability}</Text>}
      </section>

      <Field label={pt('profile.workMode')} validationMessage={errors.fields.workMode}>
        <RadioGroup
          layout="horizontal"
          value={values.workMode}
          onChange={(_, data) => change('workMode', data.value as ProfileFormValues['workMode'])}
        >
          <Radio value="remote" label={pt('profile.workMode.remote')} />
          <Radio value="hybrid" label={pt('profile.workMode.hybrid')} />
          <Radio value="on_site" label={pt('profile.workMode.on_site')} />
        </RadioGroup>
      </Field>

      <Field
        label={pt('profile.bio')}
        hint={{
          id: bioCountId,
          children: pt('profile.bio.count', { length: bioLength, max: BIO_MAX }),
        }}
        validationMessage={errors.fields.bio}
      >
        <Textarea
          value={values.bio}
          maxLength={BIO_MAX}
          resize="vertical"
          rows={4}
          onChange={(_, data) => change('bio', data.value)}
        />
      </Field>

      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? pt('profile.saving') : pt('profile.save')}
        </Button>
        {isDirty(values, base) && <Text className={styles.unsaved}>{pt('profile.unsaved')}</Text>}
      </div>
    </form>
  );
}
