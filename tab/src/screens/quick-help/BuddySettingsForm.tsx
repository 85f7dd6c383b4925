import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { BuddyMeResponse } from '../../../../src/contracts/buddy';
import { saveBuddyMe } from '../../api/buddy';
import { describeError } from '../../api/errors';
import { LanguagesField } from '../../components/LanguagesField';
import { useMutation } from '../../data/useMutation';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useQuickHelpT } from './quick-help-i18n';
import { useQuickHelpStyles } from './quick-help-styles';

type Settings = BuddyMeResponse['settings'];

/** Be a buddy: on/off, skills and levels, anything digital, languages, weekly cap, hours. */
export function BuddySettingsForm({
  me,
  onReload,
}: {
  me: BuddyMeResponse;
  onReload: () => Promise<BuddyMeResponse | undefined>;
}) {
  const styles = useQuickHelpStyles();
  const t = useQuickHelpT();
  const shellT = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState<Settings>(me.settings);
  const [version, setVersion] = useState(me.version);
  const [helps, setHelps] = useState(me.helpsTotal);
  const [saved, setSaved] = useState(false);
  const saving = useMutation(saveBuddyMe);
  const set = (change: Partial<Settings>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...change }));
  };
  const levelOf = (skillId: string) => draft.skills.find((s) => s.skillId === skillId)?.level;
  const toggleSkill = (skillId: string, on: boolean) =>
    set({
      skills: on
        ? [...draft.skills, { skillId, level: 3 }]
        : draft.skills.filter((s) => s.skillId !== skillId),
    });
  const setLevel = (skillId: string, level: number) =>
    set({ skills: draft.skills.map((s) => (s.skillId === skillId ? { ...s, level } : s)) });

  const save = async () => {
    const outcome = await saving.run(draft, version);
    if (outcome.ok) {
      setVersion(outcome.data.version);
      setHelps(outcome.data.helpsTotal);
      setSaved(true);
    }
  };
  // After a conflict: the latest version, keeping what was typed.
  const reload = async () => {
    const latest = await onReload();
    if (latest) {
      setVersion(latest.version);
      saving.reset();
    }
  };

  return (
    <section className={styles.section} aria-labelledby="quick-help-settings">
      <Subtitle2 as="h2" id="quick-help-settings" className={styles.heading}>
        {t('quickHelp.settings.title')}
      </Subtitle2>
      <Body1>{t('quickHelp.settings.helps', { count: helps })}</Body1>
      <Switch
        checked={draft.active}
        label={t('quickHelp.settings.active')}
        onChange={(_, data) => set({ active: data.checked })}
      />
      <fieldset className={styles.list}>
        <legend>{t('quickHelp.settings.skills')}</legend>
        {me.catalogue.map((skill) => {
          const level = levelOf(skill.id);
          return (
            <div key={skill.id} className={styles.skill}>
              <Checkbox
                checked={level !== undefined}
                label={skill.label[locale]}
                onChange={(_, data) => toggleSkill(skill.id, data.checked === true)}
              />
              {level !== undefined && (
                <Select
                  aria-label={t('quickHelp.settings.level', { skill: skill.label[locale] })}
                  value={String(level)}
                  onChange={(_, data) => setLevel(skill.id, Number(data.value))}
                >
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              )}
            </div>
          );
        })}
        <Checkbox
          checked={draft.anythingDigital}
          label={t('quickHelp.settings.anything')}
          onChange={(_, data) => set({ anythingDigital: data.checked === true })}
        />
      </fieldset>
      <LanguagesField value={draft.languages} onChange={(languages) => set({ languages })} />
      <Field label={t('quickHelp.settings.cap')}>
        <Input
          type="number"
          min={1}
          max={20}
          value={String(draft.weeklyCap)}
          onChange={(_, data) => {
            const n = Number(data.value);
            if (Number.isInteger(n) && n >= 1 && n <= 20) set({ weeklyCap: n });
          }}
        />
      </Field>
      <fieldset className={styles.row}>
        <legend>{t('quickHelp.settings.working', { zone: draft.timeZone })}</legend>
        <Field label={t('quickHelp.settings.from')}>
          <Input
            type="time"
            className={styles.time}
            value={draft.workingHours.start}
            onChange={(_, data) =>
              set({ workingHours: { ...draft.workingHours, start: data.value } })
            }
          />
        </Field>
        <Field label={t('quickHelp.settings.to')}>
          <Input
            type="time"
            className={styles.time}
            value={draft.workingHours.end}
            onChange={(_, data) =>
              set({ workingHours: { ...draft.workingHours, end: data.value } })
            }
          />
        </Field>
      </fieldset>
      <fieldset className={styles.row}>
        <legend>{t('quickHelp.settings.quiet')}</legend>
        <Checkbox
          checked={draft.quietHours === null}
          label={t('quickHelp.settings.quietNone')}
          onChange={(_, data) =>
            set({ quietHours: data.checked === true ? null : { start: '19:00', end: '08:00' } })
          }
        />
        {draft.quietHours && (
          <>
            <Field label={t('quickHelp.settings.from')}>
              <Input
                type="time"
                className={styles.time}
                value={draft.quietHours.start}
                onChange={(_, data) =>
                  set({ quietHours: { start: data.value, end: draft.quietHours?.end ?? '08:00' } })
                }
              />
            </Field>
            <Field label={t('quickHelp.settings.to')}>
              <Input
                type="time"
                className={styles.time}
                value={draft.quietHours.end}
                onChange={(_, data) =>
                  set({
                    quietHours: { start: draft.quietHours?.start ?? '19:00', end: data.value },
                  })
                }
              />
            </Field>
          </>
        )}
      </fieldset>
      <div className={styles.row}>
        <Button appearance="primary" disabled={saving.busy} onClick={() => void save()}>
          {t('quickHelp.settings.save')}
        </Button>
      </div>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('quickHelp.settings.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {saving.error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {saving.conflict
              ? t('quickHelp.settings.conflict')
              : describeError(saving.error, shellT)}
          </MessageBarBody>
          {saving.conflict && (
            <MessageBarActions>
              <Button onClick={() => void reload()}>{t('quickHelp.settings.reload')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </section>
  );
}
