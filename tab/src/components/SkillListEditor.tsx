import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SkillEntry } from '../../../src/domain/profile';
import type { Skill } from '../../../src/domain/programme';
import { useLocale } from '../i18n/I18nProvider';
import { useComponentsT } from './components-i18n';

const useStyles = makeStyles({
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
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 1fr) 11rem minmax(12rem, 2fr) auto',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 720px)': { gridTemplateColumns: '1fr' },
  },
  name: { fontWeight: tokens.fontWeightSemibold, alignSelf: 'center' },
  add: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export const skillLevels = [1, 2, 3, 4, 5] as const;

/** Problems of one list, keyed by entry index: `{ 2: { goal: 'Goal: at most 300 characters.' } }`. */
export type SkillListErrors = Partial<Record<number, { level?: string; goal?: string }>>;

type SkillListEditorProps = {
  kind: 'teaches' | 'learns';
  catalogue: readonly Skill[];
  value: readonly SkillEntry[];
  onChange: (entries: SkillEntry[]) => void;
  errors?: SkillListErrors;
  /** A message about the list as a whole (too many skills). */
  listError?: string;
};

/**
 * Skills someone shares or wants to learn, chosen from the programme's catalogue, each with a level
 * from 1 to 5 and an optional goal in their own words.
 */
export function SkillListEditor({
  kind,
  catalogue,
  value,
  onChange,
  errors = {},
  listError,
}: SkillListEditorProps) {
  const styles = useStyles();
  const ct = useComponentsT();
  const locale = useLocale();
  const legendId = useId(`skills-${kind}`);
  const [toAdd, setToAdd] = useState('');
  const labelOf = (skillId: string) =>
    catalogue.find((skill) => skill.id === skillId)?.label[locale] ?? skillId;
  const chosen = new Set(value.map((entry) => entry.skillId));
  const available = catalogue.filter((skill) => !chosen.has(skill.id));
  const digital = available.filter((skill) => skill.kind === 'digital');
  const knowHow = available.filter((skill) => skill.kind === 'know_how');

  const update = (index: number, patch: Partial<SkillEntry>) =>
    onChange(value.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));

  const add = () => {
    if (!toAdd) return;
    onChange([...value, { skillId: toAdd, level: kind === 'teaches' ? 3 : 1 }]);
    setToAdd('');
  };

  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId}>
      <legend className={styles.legend}>
        <Subtitle2 id={legendId}>{ct(`skills.${kind}.legend`)}</Subtitle2>
      </legend>
      {value.length === 0 ? (
        <p className={styles.empty}>{ct(`skills.${kind}.empty`)}</p>
      ) : (
        <ul className={styles.list} aria-labelledby={legendId}>
          {value.map((entry, index) => {
            const name = labelOf(entry.skillId);
            const error = errors[index] ?? {};
            return (
              <li key={entry.skillId} className={styles.row}>
                <span className={styles.name}>{name}</span>
                <Field
                  label={ct(`skills.${kind}.level`, { skill: name })}
                  validationMessage={error.level}
                >
                  <Select
                    value={String(entry.level)}
                    onChange={(_, data) => update(index, { level: Number(data.value) })}
                  >
                    {skillLevels.map((level) => (
                      <option key={level} value={level}>
                        {ct(`skills.level.${level}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field
                  label={ct(`skills.${kind}.goal`, { skill: name })}
                  validationMessage={error.goal}
                  hint={ct('skills.goal.hint')}
                >
                  <Input
                    value={entry.goal ?? ''}
                    onChange={(_, data) =>
                      update(index, { goal: data.value === '' ? undefined : data.value })
                    }
                  />
                </Field>
                <Button
                  appearance="subtle"
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  {ct('skills.remove', { skill: name })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {listError && (
        <p role="alert" className={styles.empty}>
          {listError}
        </p>
      )}
      {available.length > 0 && (
        <div className={styles.add}>
          <Field label={ct(`skills.${kind}.add`)}>
            <Select value={toAdd} onChange={(_, data) => setToAdd(data.value)}>
              <option value="">{ct('skills.choose')}</option>
              {digital.length > 0 && (
                <optgroup label={ct('skills.kind.digital')}>
                  {digital.map((skill) => (
                    <option key={skill.id} value={skill.id}>
                      {skill.label[locale]}
                    </option>
                  ))}
                </optgroup>
              )}
              {knowHow.length > 0 && (
                <optgroup label={ct('skills.kind.know_how')}>
                  {knowHow.map((skill) => (
                    <option key={skill.id} value={skill.id}>
                      {skill.label[locale]}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          </Field>
          <Button onClick={add} disabled={!toAdd}>
            {ct('skills.addButton')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
