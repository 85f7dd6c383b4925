import { approvalApi } from './approvals';
import { buddyApi } from './buddy';
import { calendarApi } from './calendar';
import { programmeHealthApi } from './health';
import { identityApi } from './identity';
import { importApi } from './imports';
import { matchingApi } from './matching';
import { pairApi } from './pairs';
import { platformApi } from './platform';
import { privacyApi } from './privacy';
import { profileApi } from './profiles';
import { programmeApi } from './programmes';
import type { RouteSpec } from './route';

/** Every route of the API by capability (tags in the OpenAPI document), each declared once. */
export const routeGroups: Readonly<Record<string, Readonly<Record<string, RouteSpec>>>> = {
  platform: platformApi,
  identity: identityApi,
  programmes: programmeApi,
  profiles: profileApi,
  imports: importApi,
  matching: matchingApi,
  pairs: pairApi,
  calendar: calendarApi,
  approvals: approvalApi,
  health: programmeHealthApi,
  privacy: privacyApi,
  buddy: buddyApi,
};

/** The routes, each with its group. */
export const routeTable: readonly (RouteSpec & {
  readonly group: string;
  readonly name: string;
})[] = Object.entries(routeGroups).flatMap(([group, routes]) =>
  Object.entries(routes).map(([name, spec]) => ({ ...spec, group, name })),
);
