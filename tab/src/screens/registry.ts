import { lazy, type ComponentType } from 'react';
import type { AppRole, MeResponse } from '../../../src/contracts/identity';
import type { PlainMessageKey } from '../i18n/catalogue';

/**
 * One entry per screen. Each screen is its own chunk, loaded when first shown, so the initial
 * download stays the shell only. To add a screen: a folder under `screens/`, a default-exported
 * component, catalogue keys for its title and nav label in `i18n/en.ts` and `i18n/fr.ts`, and an
 * entry here. Screens appear in the nav in this order.
 */
export type ScreenDefinition = {
  id: string;
  /** Path under the tab's base URL; `/` is the landing screen. */
  path: string;
  /** The screen's `<h1>` and document title. */
  titleKey: PlainMessageKey;
  /** The label in the nav. */
  navKey: PlainMessageKey;
  /**
   * Who sees the nav link (everyone when absent). The link only: the screen itself answers anyone
   * who opens its address (and the API refuses what they may not see).
   */
  audience?: Exclude<AppRole, 'participant'> | 'tenant_lead';
  /**
   * Nav link only for people in a current pair (`member`), or only for its mentors (`mentor`),
   * as `/api/me` tells (`pairRoles`); hidden until then.
   */
  pairAudience?: 'member' | 'mentor';
  /**
   * false: no nav link (a page reached from another screen, such as the printable report); the
   * path still answers.
   */
  inNav?: false;
  load: () => Promise<{ default: ComponentType }>;
};

export const screens: readonly ScreenDefinition[] = [
  {
    id: 'home',
    path: '/',
    titleKey: 'home.title',
    navKey: 'nav.home',
    load: () => import('./home/HomeScreen'),
  },
  {
    id: 'profile',
    path: '/profile',
    titleKey: 'profile.title',
    navKey: 'nav.profile',
    load: () => import('./profile/ProfileScreen'),
  },
  {
    id: 'programmes',
    path: '/programmes',
    titleKey: 'programmes.title',
    navKey: 'nav.programmes',
    audience: 'lead',
    load: () => import('./programmes/ProgrammesScreen'),
  },
  {
    id: 'proposal',
    path: '/proposal',
    titleKey: 'proposal.title',
    navKey: 'nav.proposal',
    load: () => import('./proposal/ProposalScreen'),
  },
  {
    id: 'matching',
    path: '/matching',
    titleKey: 'matching.title',
    navKey: 'nav.matching',
    audience: 'lead',
    load: () => import('./matching/MatchingScreen'),
  },
  {
    id: 'follow-up',
    path: '/follow-up',
    titleKey: 'followUp.title',
    navKey: 'nav.followUp',
    audience: 'lead',
    load: () => import('./follow-up/FollowUpScreen'),
  },
  {
    id: 'report',
    path: '/report',
    titleKey: 'report.title',
    navKey: 'nav.report',
    audience: 'lead',
    inNav: false,
    load: () => import('./report/ReportScreen'),
  },
  {
    id: 'pair',
    path: '/pair',
    titleKey: 'pair.title',
    navKey: 'nav.pair',
    load: () => import('./pair/PairScreen'),
  },
  {
    id: 'toolkit',
    path: '/toolkit',
    titleKey: 'toolkit.title',
    navKey: 'nav.toolkit',
    pairAudience: 'mentor',
    load: () => import('./pair/ToolkitScreen'),
  },
  {
    id: 'plan',
    path: '/plan',
    titleKey: 'plan.title',
    navKey: 'nav.plan',
    pairAudience: 'member',
    load: () => import('./scheduling/SchedulingScreen'),
  },
  {
    id: 'quick-help',
    path: '/quick-help',
    titleKey: 'quickHelp.title',
    navKey: 'nav.quickHelp',
    load: () => import('./quick-help/QuickHelpScreen'),
  },
  {
    id: 'approvals',
    path: '/approvals',
    titleKey: 'approvals.title',
    navKey: 'nav.approvals',
    audience: 'manager',
    load: () => import('./approvals/ApprovalsScreen'),
  },
  {
    id: 'audit',
    path: '/audit',
    titleKey: 'audit.title',
    navKey: 'nav.audit',
    // The audit log is the organisation's (GET /api/audit): programme leads of the tenant only.
    audience: 'tenant_lead',
    load: () => import('./audit/AuditScreen'),
  },
];

/**
 * The screens in the nav of `me` (null: nobody signed in yet): links for leads and managers only
 * show once `/api/me` says the person is one, the toolkit for mentors and planning for people in
 * a pair once it says they are in one; never the pages reached from another screen (`inNav: false`).
 */
export function navScreens(
  me: Pick<MeResponse, 'roles' | 'pairRoles' | 'canCreateProgrammes'> | null,
): ScreenDefinition[] {
  const pairRoles = me?.pairRoles ?? [];
  const inAudience = (audience: NonNullable<ScreenDefinition['audience']>) =>
    audience === 'tenant_lead'
      ? me?.canCreateProgrammes === true
      : (me?.roles.includes(audience) ?? false);
  return screens.filter(
    (screen) =>
      screen.inNav !== false &&
      (!screen.audience || inAudience(screen.audience)) &&
      (!screen.pairAudience ||
        (screen.pairAudience === 'mentor' ? pairRoles.includes('mentor') : pairRoles.length > 0)),
  );
}

const homeScreen = screens[0] as ScreenDefinition;

/** The screen for a path; unknown paths show the landing screen. */
export function screenForPath(path: string): ScreenDefinition {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return screens.find((screen) => screen.path === normalised) ?? homeScreen;
}

const loading = new Map<string, Promise<{ default: ComponentType }>>();
const loaded = new Map<string, ComponentType>();
const components = new Map<string, ComponentType>();

/** Starts downloading a screen's chunk (e.g. the landing screen while the host is detected). */
export function preloadScreen(screen: ScreenDefinition): Promise<{ default: ComponentType }> {
  let promise = loading.get(screen.id);
  if (!promise) {
    promise = screen.load();
    promise.then(
      (module) => loaded.set(screen.id, module.default),
      // A failed download may be retried (the error boundary's "Try again").
      () => loading.delete(screen.id),
    );
    loading.set(screen.id, promise);
  }
  return promise;
}

/**
 * The component of a screen, the same one on every render: the screen itself when its chunk was
 * loaded before its first render, else a lazy wrapper that suspends until it is. Rendering a loaded
 * screen directly matters for the first one: React keeps a Suspense fallback on screen for about
 * 300 ms once shown, which would delay the landing screen.
 */
export function screenComponent(screen: ScreenDefinition): ComponentType {
  let component = components.get(screen.id);
  if (!component) {
    component = loaded.get(screen.id) ?? lazy(() => preloadScreen(screen));
    components.set(screen.id, component);
  }
  return component;
}

/** Forgets a screen whose download failed so the next render tries again. */
export function forgetScreen(screen: ScreenDefinition): void {
  loading.delete(screen.id);
  loaded.delete(screen.id);
  components.delete(screen.id);
}
