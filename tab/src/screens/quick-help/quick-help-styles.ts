import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the quick-help sections: one column, fits 400 px. */
export const useQuickHelpStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  skill: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 5rem',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  time: { width: '7.5rem' },
  // Three choices side by side do not fit 400 px in French: they wrap.
  choices: { flexWrap: 'wrap' },
});
