import type { TokenCredential } from '@azure/identity';
import type { CalendarPort } from '../calendar/calendar-port';
import { GraphCalendar } from '../calendar/graph/graph-calendar';
import { LocalCalendar } from '../calendar/local-calendar';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { CalendarProvider } from '../services/calendar/pair-calendar-service';
import type { CalendarRepository } from '../store/calendar-repository';

/** Test seams for the Graph adapter: a credential and a loopback Graph (msw). */
export type CalendarProviderOptions = {
  credential?: TokenCredential;
  graphBaseUrl?: string;
  sleep?: (ms: number) => Promise<void>;
  /** How long one Graph call may take (default 30 s). */
  requestTimeoutMs?: number;
};

/**
 * The pairs' calendars: Microsoft Graph with the app's credentials when GRAPH_* is configured
 * (application permission Calendars.ReadWrite, scoped to the participants' mailboxes; README
 * "Calendars"), else the local calendar in the Cosmos `calendar` container, one per tenant.
 */
export function createCalendarProvider(
  config: Config,
  repository: CalendarRepository,
  clock: Clock,
  options: CalendarProviderOptions = {},
): CalendarProvider {
  if (config.graph) {
    const { tenantId, clientId, clientSecret } = config.graph;
    const graph = new GraphCalendar({
      credential: options.credential ?? lazySecretCredential(tenantId, clientId, clientSecret),
      ...(options.graphBaseUrl ? { baseUrl: options.graphBaseUrl } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      clock,
    });
    return { kind: 'graph', calendarFor: () => graph };
  }
  const local = new Map<string, LocalCalendar>();
  const calendarFor = (tenantId: string): LocalCalendar => {
    let calendar = local.get(tenantId);
    if (!calendar) {
      calendar = new LocalCalendar({ repository, tenantId, clock });
      local.set(tenantId, calendar);
    }
    return calendar;
  };
  return {
    kind: 'local',
    calendarFor: (tenantId): CalendarPort => calendarFor(tenantId),
    exportIcs: (tenantId, series) => calendarFor(tenantId).exportIcs(series),
  };
}

/** The app's Graph credential; @azure/identity is loaded on the first token asked, not at start. */
function lazySecretCredential(
  tenantId: string,
  clientId: string,
  clientSecret: string,
): TokenCredential {
  let credential: Promise<TokenCredential> | undefined;
  return {
    async getToken(scopes, options) {
      credential ??= import('@azure/identity').then(
        ({ ClientSecretCredential }) =>
          new ClientSecretCredential(tenantId, clientId, clientSecret),
      );
      return (await credential).getToken(scopes, options);
    },
  };
}
