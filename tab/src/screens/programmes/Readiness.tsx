import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { ReadinessWarning } from '../../../../src/contracts/programmes';
import { getReadiness } from '../../api/programmes';
import { LoadFailed, Loading } from '../../components/LoadState';
import { useResource } from '../../data/useResource';
import { useLocale } from '../../i18n/I18nProvider';
import { useComponentsT } from '../../components/components-i18n';
import { useProgrammesT, type ProgrammesTranslate } from './programmes-i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  figure: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  figureLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figureValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  warnings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', width: '100%' },
  // Five columns do not fit a narrow tab: the table scrolls on its own, not the whole page.
  tableScroll: { overflowX: 'auto', maxWidth: '100%' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: { fontWeight: tokens.fontWeightRegular, textAlign: 'left' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  bars: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: '8rem' },
  bar: { height: '8px', borderRadius: tokens.borderRadiusSmall },
  teach: { backgroundColor: tokens.colorBrandBackground },
  // An outlined bar: still visible in high contrast, where background colours may be repainted.
  learn: {
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForeground1}`,
  },
  shortage: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  legend: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '8px',
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** A warning of the readiness check in plain words. */
export function warningText(
  warning: ReadinessWarning,
  pt: ProgrammesTranslate,
  skillName: (id: string) => string,
): string {
  switch (warning.code) {
    case 'too_few_participants':
      return pt('readiness.warning.too_few_participants', warning.params);
    case 'incomplete_profiles':
      return pt('readiness.warning.incomplete_profiles', warning.params);
    case 'skill_without_teacher':
      return pt('readiness.warning.skill_without_teacher', {
        count: warning.params.learners,
        skill: skillName(warning.params.skillId),
      });
    case 'one_sided_cohort':
      return pt(`readiness.warning.one_sided_cohort.${warning.params.missing}`, {
        mentors: warning.params.mentors,
        mentees: warning.params.mentees,
      });
  }
}

/** Is the cohort ready for matching? Who takes part, skills supply against demand, and warnings. */
export function Readiness({ programmeId }: { programmeId: string }) {
  const styles = useStyles();
  const pt = useProgrammesT();
  const ct = useComponentsT();
  const locale = useLocale();
  const readiness = useResource(`readiness:${programmeId}`, (signal) =>
    getReadiness(programmeId, signal),
  );
  const data = readiness.data;

  if (readiness.error !== null) {
    return <LoadFailed error={readiness.error} onRetry={() => void readiness.reload()} />;
  }
  if (!data) return <Loading label={pt('readiness.loading')} />;

  const skillName = (id: string) =>
    data.skills.find((skill) => skill.skillId === id)?.label[locale] ?? id;
  const max = Math.max(1, ...data.skills.flatMap((s) => [s.teachers, s.learners]));
  const { participants } = data;
  const figures: [string, number][] = [
    [pt('readiness.active'), participants.active],
    [pt('readiness.incomplete'), participants.incomplete],
    [pt('readiness.role.mentor'), participants.byRole.mentor],
    [pt('readiness.role.mentee'), participants.byRole.mentee],
    [pt('readiness.role.both'), participants.byRole.both],
    [pt('readiness.status.paused'), participants.byStatus.paused],
    [pt('readiness.status.not_joined'), participants.byStatus.not_joined],
    [pt('readiness.status.left'), participants.byStatus.left],
    [pt('readiness.departments'), participants.departments],
  ];

  return (
    <section className={styles.root} aria-labelledby="readiness-title">
      <Subtitle2 as="h2" id="readiness-title" className={styles.heading}>
        {pt('readiness.title')}
      </Subtitle2>
      <div className={styles.warnings}>
        {data.ready ? (
          <MessageBar intent="success">
            <MessageBarBody>{pt('readiness.ready')}</MessageBarBody>
          </MessageBar>
        ) : (
          data.warnings.map((warning, i) => (
            <MessageBar key={i} intent="warning">
              <MessageBarBody>{warningText(warning, pt, skillName)}</MessageBarBody>
            </MessageBar>
          ))
        )}
      </div>

      <Subtitle2 as="h3" className={styles.heading}>
        {pt('readiness.participants')}
      </Subtitle2>
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt className={styles.figureLabel}>{label}</dt>
            <dd className={styles.figureValue}>{value.toLocaleString(locale)}</dd>
          </div>
        ))}
      </dl>

      <Subtitle2 as="h3" id="supply-title" className={styles.heading}>
        {pt('readiness.skills')}
      </Subtitle2>
      <Body1 as="p" className={styles.legend} aria-hidden="true">
        <span>
          <span className={`${styles.swatch} ${styles.teach}`} />
          {pt('readiness.teachers')}
        </span>
        <span>
          <span className={`${styles.swatch} ${styles.learn}`} />
          {pt('readiness.learners')}
        </span>
      </Body1>
      {/* Focusable so keyboard users can scroll it too. */}
      <div className={styles.tableScroll} role="region" aria-labelledby="supply-title" tabIndex={0}>
        <table className={styles.table} aria-labelledby="supply-title">
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {pt('readiness.skill')}
              </th>
              <th scope="col" className={styles.th}>
                {pt('readiness.kind')}
              </th>
              <th scope="col" className={`${styles.th} ${styles.number}`}>
                {pt('readiness.teachers')}
              </th>
              <th scope="col" className={`${styles.th} ${styles.number}`}>
                {pt('readiness.learners')}
              </th>
              <th scope="col" className={styles.th}>
                {pt('readiness.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.skills.map((skill) => {
              const shortage = skill.learners > skill.teachers;
              return (
                <tr key={skill.skillId}>
                  <th scope="row" className={`${styles.td} ${styles.rowHeader}`}>
                    {skill.label[locale]}
                  </th>
                  <td className={styles.td}>{ct(`skills.kind.${skill.kind}`)}</td>
                  <td className={`${styles.td} ${styles.number}`}>{skill.teachers}</td>
                  <td className={`${styles.td} ${styles.number}`}>{skill.learners}</td>
                  <td className={styles.td}>
                    <div className={styles.bars} aria-hidden="true">
                      <div
                        className={`${styles.bar} ${styles.teach}`}
                        style={{ width: `${(skill.teachers / max) * 100}%` }}
                      />
                      <div
                        className={`${styles.bar} ${styles.learn}`}
                        style={{ width: `${(skill.learners / max) * 100}%` }}
                      />
                    </div>
                    <span className={shortage ? styles.shortage : undefined}>
                      {shortage
                        ? pt('readiness.shortage', { count: skill.learners - skill.teachers })
                        : pt('readiness.covered')}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
