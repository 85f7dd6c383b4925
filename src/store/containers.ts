import type { IndexingPolicy, PartitionKeyDefinition } from '@azure/cosmos';

/**
 * Every Cosmos DB container the app uses, in one place: the embedded local server, the start-up
 * `createIfNotExists`, infra/modules/cosmos.bicep (checked by a test) and the snapshot all read it.
 *
 * Everything is partitioned by tenant (`/tenantId`), quick-help requests by tenant and month: the
 * local server honours only the first path of a hierarchical key (TESTBED.md), so each query also
 * carries its partition condition (`c.tenantId = @tenantId`) in its SQL.
 */
export type ContainerDefinition = {
  readonly id: ContainerName;
  readonly partitionKey: PartitionKeyDefinition;
  readonly indexingPolicy: IndexingPolicy;
  /** What lives there, for the README and the next engineer. */
  readonly holds: string;
};

export const containerNames = [
  'people',
  'programmes',
  'profiles',
  'proposals',
  'pairs',
  'notes',
  'approvals',
  'notifications',
  'conversations',
  'calendar',
  'jobs',
  'figures',
  'audit',
  'buddies',
  'helpRequests',
  'buddyWeeks',
] as const;

export type ContainerName = (typeof containerNames)[number];

const byTenant: PartitionKeyDefinition = { paths: ['/tenantId'] };

const defaultIndexing: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  // Free text and card payloads are never filtered on: keep them out of the index (write RU).
  excludedPaths: [
    { path: '/"_etag"/?' },
    { path: '/bio/?' },
    { path: '/text/?' },
    { path: '/payload/*' },
    { path: '/sessions/[]/sharedNotes/?' },
    { path: '/question/?' },
    { path: '/thanks/*' },
  ],
};

/**
 * Quick-help requests: `tenantId|yyyy-mm` (`/partitionKey`), so a tenant's requests spread over a
 * partition a month and none grows without bound (the local server honours one path only, so a
 * synthetic key rather than a hierarchical one); queries carry `c.partitionKey = @partitionKey`.
 */
const byTenantMonth: PartitionKeyDefinition = { paths: ['/partitionKey'] };

const definition = (
  id: ContainerName,
  holds: string,
  indexingPolicy = defaultIndexing,
  partitionKey = byTenant,
) => ({ id, partitionKey, indexingPolicy, holds }) satisfies ContainerDefinition;

export const containers: Readonly<Record<ContainerName, ContainerDefinition>> = {
  people: definition(
    'people',
    'The org directory: name, email, department, manager (Graph or demo data).',
  ),
  programmes: definition(
    'programmes',
    'Programmes: dates, skills catalogue, frame, weights, status.',
  ),
  profiles: definition(
    'profiles',
    'Volunteer profiles, one per person per tenant: opt-in, skills, availability.',
  ),
  proposals: definition(
    'proposals',
    'Match proposals and matching runs: score, reasons, each side’s answer.',
  ),
  pairs: definition('pairs', 'Pairs: agreement, sessions, feedback, assessments, lifecycle state.'),
  notes: definition('notes', 'Private session notes, readable by their author only.'),
  approvals: definition('approvals', 'Manager approvals of dedicated time.'),
  notifications: definition(
    'notifications',
    'Due reminders and nudges; id is the idempotency key; claimed with ETags; sent, failed and cancelled ones purged after NOTIFICATION_RETENTION_DAYS.',
    {
      ...defaultIndexing,
      compositeIndexes: [
        [
          { path: '/status', order: 'ascending' },
          { path: '/dueAt', order: 'ascending' },
        ],
      ],
    },
  ),
  conversations: definition('conversations', 'Bot conversation references, one per person.'),
  calendar: definition(
    'calendar',
    'The local calendar adapter’s events (when Graph is not configured), and when each pair’s series was last read (either provider).',
  ),
  jobs: definition(
    'jobs',
    'Background jobs (matching runs, imports, bulk bookings) and their progress, and the leases of tasks that span tenants (partition `_system`).',
  ),
  figures: definition(
    'figures',
    'Per-programme health figures (one document per filter, recomputed in the background), the lease of that recomputation, and the lead’s nudge log.',
  ),
  audit: definition(
    'audit',
    'The audit log of lead and manager actions, exports and erasures: appended, never changed (ids only, no names).',
  ),
  buddies: definition(
    'buddies',
    'Quick-help settings, one per person per tenant: skills, languages, cap, quiet hours, helps.',
  ),
  helpRequests: definition(
    'helpRequests',
    'Quick-help requests and their offers, kept 90 days; partitioned by tenant and month.',
    defaultIndexing,
    byTenantMonth,
  ),
  buddyWeeks: definition(
    'buddyWeeks',
    'Anonymous weekly counts of quick help (asked, helped, time to a buddy, topics), kept after the purge.',
  ),
};

/** The containers, in a stable order. */
export const containerList: readonly ContainerDefinition[] = containerNames.map(
  (n) => containers[n],
);
