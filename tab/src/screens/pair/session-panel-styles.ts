import { makeStyles, tokens } from '@fluentui/react-components';

/** The session panel's styles, shared by its forms. */
export const useSessionPanelStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  grow: { flexGrow: 1, minWidth: '14rem' },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  private: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
});
