import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { MeResponse, PersonCard } from '../../../../src/contracts/identity';
import { setTokenProvider } from '../../../../tab/src/api/client';
import { setSignedInMe } from '../../../../tab/src/auth/session-store';
import { browserHost, type Host } from '../../../../tab/src/host/host';
import { HostProvider } from '../../../../tab/src/host/HostProvider';
import type { Locale } from '../../../../tab/src/i18n/catalogue';
import { I18nProvider } from '../../../../tab/src/i18n/I18nProvider';

// jsdom has no layout: Fluent's MessageBar watches its size to reflow; here it never changes.
if (typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** Renders a screen as the shell would: host, language and Fluent theme around it. */
export function renderScreen(ui: ReactElement, options: { locale?: Locale; host?: Host } = {}) {
  return render(
    <HostProvider host={options.host ?? browserHost}>
      <I18nProvider locale={options.locale ?? 'en'}>
        <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
      </I18nProvider>
    </HostProvider>,
  );
}

/** A demo-mode session as the persona picker leaves it, so screens open signed in. */
export function signedInAs(personId: string, displayName: string): void {
  window.localStorage.setItem(
    'mentoring.devSession',
    JSON.stringify({
      token: `dev-token-${personId}`,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      personId,
      displayName,
    }),
  );
}

/** Forgets any session and token provider between tests. */
export function signOutEverywhere(): void {
  window.localStorage.clear();
  setTokenProvider(null);
  setSignedInMe(null);
}

export function aPersonCard(overrides: Partial<PersonCard> = {}): PersonCard {
  return {
    id: 'p-21',
    displayName: 'Sarah Mathieu',
    email: 'sarah.mathieu@maison-lumiere.example',
    department: 'Opérations',
    jobTitle: 'Planificatrice',
    managerId: 'p-19',
    managerName: 'Dominique Faure',
    photoUrl: null,
    timeZone: 'Europe/Paris',
    officeLocation: 'Paris',
    inDirectory: true,
    ...overrides,
  };
}

export function aMe(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    tenantId: 'tenant-1',
    person: aPersonCard(),
    roles: ['participant'],
    canCreateProgrammes: false,
    leadOf: [],
    pairRoles: [],
    locale: 'fr',
    signIn: 'dev',
    ...overrides,
  };
}
