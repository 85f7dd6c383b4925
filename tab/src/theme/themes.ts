import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { ThemeName } from '../host/host';

/** The Fluent theme for an appearance: Teams' own palette inside Teams, the web palette outside. */
export function fluentTheme(name: ThemeName, inTeams: boolean): Theme {
  switch (name) {
    case 'dark':
      return inTeams ? teamsDarkTheme : webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    case 'light':
      return inTeams ? teamsLightTheme : webLightTheme;
  }
}
