import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
  Text,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProfileResponse } from '../../../../src/contracts/profiles';
import type { ProgrammeSummary } from '../../../../src/contracts/programmes';
import type { Profile } from '../../../../src/domain/profile';
import { apiRequest, ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { LanguagesField } from '../../components/LanguagesField';
import { SkillListEditor } from '../../components/SkillListEditor';
import { allTimeZones, TimeZonePicker } from '../../components/TimeZonePicker';
import { WeekGrid } from '../../components/WeekGrid';
import { useT } from '../../i18n/I18nProvider';
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
  summaryList: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
  },
  // The outcome of the last save; takes no room while there is none.
  notice: { ':empty': { display: 'none' } },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

type Notice =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'conflict' }
  | { kind: 'merged' }
  | { kind: 'failed'; error: unknown };

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
  const t = useT();
  const pt = useProfileT();
  const [base, setBase] = useState<ProfileFormValues>(() => formValuesOf(profile));
  const [values, setValues] = useState<ProfileFormValues>(base);
  const [errors, setErrors] = useState<ProfileFormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [saving, setSaving] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const availabilityId = useId('availability');
  const availabilityHelpId = useId('availability-help');
  const bioCountId = useId('bio-count');
  const path = `/api/programmes/${encodeURIComponent(programme.id)}/profile/me`;

  // Move focus to the outcome of a save so keyboard and screen-reader users hear it at once.
  useEffect(() => {
    if (notice.kind !== 'none') noticeRef.current?.focus();
  }, [notice]);

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
    setSaving(true);
    try {
      const response = await apiRequest<ProfileResponse>(path, {
        method: 'PUT',
        body: editBodyOf(values, profile),
        ifMatch: version ?? undefined,
      });
      const saved = formValuesOf(response.data.profile);
      setBase(saved);
      setValues(saved);
      onSaved(response.data);
      setNotice({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        setNotice({ kind: 'conflict' });
      } else if (error instanceof ApiError && error.code === 'validation_failed') {
        const issues = (error.details as { issues?: { path: string; message: string }[] })?.issues;
        setErrors(errorsFromIssues(issues ?? [], pt));
        setNotice({ kind: 'invalid' });
      } else {
        setNotice({ kind: 'failed', error });
      }
    } finally {
      setSaving(false);
    }
  };

  const loadLatest = async () => {
    setSaving(true);
    try {
      const response = await apiRequest<ProfileResponse>(path);
      const latest = formValuesOf(response.data.profile);
      setValues((typed) => mergeAfterConflict(base, typed, latest));
      setBase(latest);
      onSaved(response.data);
      setNotice({ kind: 'merged' });
    } catch (error) {
      setNotice({ kind: 'failed', error });
    } finally {
      setSaving(false);
    }
  };

  const summary = errorList(errors, pt);
  const bioLength = values.bio.length;

  return (
    <form className={styles.form} onSubmit={(event) => void save(event)} noValidate>
      <Subtitle1 as="h2" className={styles.heading}>
        {pt('profile.form.title')}
      </Subtitle1>

      <div ref={noticeRef} tabIndex={-1} className={styles.notice}>
        {notice.kind === 'saved' && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{pt('profile.saved')}</MessageBarBody>
          </MessageBar>
        )}
        {notice.kind === 'invalid' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{pt('profile.invalid.title')}</MessageBarTitle>
              <ul className={styles.summaryList}>
                {summary.map((item) => (
                  <li key={`${item.field}:${item.message}`}>{item.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {notice.kind === 'conflict' && (
          <MessageBar intent="warning" role="alert" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{pt('profile.conflict.title')}</MessageBarTitle>
              {pt('profile.conflict.body')}
            </MessageBarBody>
            <Button onClick={() => void loadLatest()} disabled={saving}>
              {pt('profile.conflict.reload')}
            </Button>
          </MessageBar>
        )}
        {notice.kind === 'merged' && (
          <MessageBar intent="info" role="status">
            <MessageBarBody>{pt('profile.conflict.merged')}</MessageBarBody>
          </MessageBar>
        )}
        {notice.kind === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {describeError(notice.error, t)} {pt('profile.keptTyped')}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      <Field label={pt('profile.roleWish')} validationMessage={errors.fields.roleWish}>
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
