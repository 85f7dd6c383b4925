import {
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ProgrammeListItem, ProgrammeListResponse, ProgrammeResponse } from '../../../../src/contracts/programmes';
import type { Programme } from '../../../../src/domain/programme';
import { api, ApiError, apiRequest } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate, useSession } from '../../auth/SessionProvider';
import { dateTag } from '../../i18n/catalogue';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { ImportPanel } from './ImportPanel';
import { ProgrammeForm } from './ProgrammeForm';
import {
  createBodyOf,
  editBodyOf,
  emptyProgrammeForm,
  programmeFormOf,
  type ProgrammeFormValues,
} from './programme-form-model';
import { Readiness } from './Readiness';
import { StatusActions, StatusBadge } from './StatusActions';
import { useProgrammesT } from './programmes-i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  heading: { margin: 0 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // The section tabs wrap on a narrow tab instead of widening the page.
  tabs: { flexWrap: 'wrap' },
});

type View =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'programme'; id: string; tab: DetailTab; created?: boolean };

type DetailTab = 'settings' | 'readiness' | 'import';
const detailTabs: readonly DetailTab[] = ['settings', 'readiness', 'import'];

// The view is kept in the query string (replaced, not pushed) so a reload shows the same place.
function viewFromUrl(): View {
  const params = new URLSearchParams(window.location.search);
  if (params.has('new')) return { kind: 'new' };
  const id = params.get('programme');
  const tab = params.get('view') as DetailTab | null;
  if (id) return { kind: 'programme', id, tab: tab && detailTabs.includes(tab) ? tab : 'settings' };
  return { kind: 'list' };
}

function urlOf(view: View): string {
  const path = window.location.pathname;
  if (view.kind === 'new') return `${path}?new`;
  if (view.kind === 'programme') {
    return `${path}?programme=${encodeURIComponent(view.id)}&view=${view.tab}`;
  }
  return path;
}

function ProgrammeList({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const styles = useStyles();
  const t = useT();
  const pt = useProgrammesT();
  const locale = useLocale();
  const [data, setData] = useState<ProgrammeListResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<ProgrammeListResponse>('/api/programmes', { signal: controller.signal })
      .then(setData)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, []);

  if (error !== null) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(error, t)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!data) return <Spinner size="small" label={pt('programmes.loading')} />;
  const managed = data.programmes.filter((p: ProgrammeListItem) => p.canManage);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(dateTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );

  return (
    <div className={styles.screen}>
      <div className={styles.bar}>
        <Subtitle1 as="h2" id="programme-list-title" className={styles.heading}>
          {pt('programmes.list')}
        </Subtitle1>
        {data.canCreateProgrammes && (
          <Button appearance="primary" onClick={onNew}>
            {pt('programmes.new')}
          </Button>
        )}
      </div>
      {managed.length === 0 ? (
        <Body1 as="p">{pt('programmes.none')}</Body1>
      ) : (
        <table className={styles.table} aria-labelledby="programme-list-title">
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {pt('programmes.col.name')}
              </th>
              <th scope="col" className={styles.th}>
                {pt('programmes.col.status')}
              </th>
              <th scope="col" className={styles.th}>
                {pt('programmes.col.dates')}
              </th>
            </tr>
          </thead>
          <tbody>
            {managed.map((p) => (
              <tr key={p.id}>
                <td className={styles.td}>
                  <Link
                    href={`?programme=${encodeURIComponent(p.id)}&view=settings`}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen(p.id);
                    }}
                  >
                    {p.name}
                  </Link>
                </td>
                <td className={styles.td}>
                  <StatusBadge status={p.status} />
                </td>
                <td className={styles.td}>
                  {pt('programmes.dates', { start: day(p.startDate), end: day(p.endDate) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NewProgramme({
  onCreated,
  onCancel,
}: {
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const pt = useProgrammesT();
  const { refresh } = useSession();
  return (
    <div className={styles.screen}>
      <Subtitle1 as="h2" className={styles.heading}>
        {pt('programmes.new')}
      </Subtitle1>
      <ProgrammeForm
        initial={emptyProgrammeForm()}
        submitLabel={pt('programmes.create')}
        onCancel={onCancel}
        onSubmit={async (values) => {
          const response = await api.post<ProgrammeResponse>(
            '/api/programmes',
            createBodyOf(values),
          );
          await refresh().catch(() => undefined);
          onCreated(response.programme.id);
        }}
      />
    </div>
  );
}

type Managed = { programme: Programme; version: string };

function ProgrammeDetail({
  id,
  tab,
  created,
  onTab,
  onBack,
}: {
  id: string;
  tab: DetailTab;
  created: boolean;
  onTab: (tab: DetailTab) => void;
  onBack: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const pt = useProgrammesT();
  const [data, setData] = useState<Managed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formKey, setFormKey] = useState(0);
  const path = `/api/programmes/${encodeURIComponent(id)}`;

  const load = useCallback(
    async (signal?: AbortSignal): Promise<Managed | null> => {
      const response = await apiRequest<ProgrammeResponse>(path, { signal });
      if (!response.data.canManage) return null;
      return { programme: response.data.programme, version: response.data.version };
    },
    [path],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((managed) => {
        if (managed) setData(managed);
        else setError(new ApiError('forbidden', 'Only the leads of this programme manage it', 403));
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [load]);

  const back = (
    <div>
      <Button appearance="subtle" onClick={onBack}>
        {pt('programmes.back')}
      </Button>
    </div>
  );
  if (error !== null) {
    return (
      <div className={styles.screen}>
        {back}
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeError(error, t)}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  if (!data) return <Spinner size="small" label={pt('programmes.loading')} />;

  const fromResponse = (response: ProgrammeResponse) => {
    if (response.canManage) setData({ programme: response.programme, version: response.version });
  };

  return (
    <div className={styles.screen}>
      {back}
      <Subtitle1 as="h2" className={styles.heading}>
        {data.programme.name}
      </Subtitle1>
      {created && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{pt('programmes.created')}</MessageBarBody>
        </MessageBar>
      )}
      <StatusActions
        programme={data.programme}
        version={data.version}
        onChange={(response) => {
          fromResponse(response);
          setFormKey((n) => n + 1);
        }}
      />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => onTab(d.value as DetailTab)}
        aria-label={pt('programmes.sections')}
      >
        {detailTabs.map((value) => (
          <Tab key={value} value={value}>
            {pt(`programmes.tab.${value}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={pt(`programmes.tab.${tab}`)}>
        {tab === 'settings' && (
          <ProgrammeForm
            key={formKey}
            initial={programmeFormOf(data.programme)}
            submitLabel={pt('programmes.save')}
            onSubmit={async (values) => {
              const response = await apiRequest<ProgrammeResponse>(path, {
                method: 'PUT',
                body: editBodyOf(values, data.programme),
                ifMatch: data.version,
              });
              fromResponse(response.data);
              if (response.data.canManage) return programmeFormOf(response.data.programme);
            }}
            onReloadKeepingChanges={async (typed: ProgrammeFormValues) => {
              const latest = await load();
              if (!latest)
                throw new ApiError('forbidden', 'Only the leads of this programme manage it', 403);
              setData(latest);
              return keepTyped(
                programmeFormOf(data.programme),
                typed,
                programmeFormOf(latest.programme),
              );
            }}
          />
        )}
        {tab === 'readiness' && <Readiness programmeId={id} />}
        {tab === 'import' && <ImportPanel programmeId={id} />}
      </div>
    </div>
  );
}

/** After a conflict: fields the lead changed keep what they typed; the others take the latest. */
function keepTyped(
  base: ProgrammeFormValues,
  typed: ProgrammeFormValues,
  latest: ProgrammeFormValues,
): ProgrammeFormValues {
  const merged: ProgrammeFormValues = { ...latest };
  const strip = (value: unknown) =>
    JSON.stringify(value, (key, v: unknown) => (key === 'key' ? undefined : v));
  for (const field of Object.keys(typed) as (keyof ProgrammeFormValues)[]) {
    if (strip(typed[field]) !== strip(base[field]))
      Object.assign(merged, { [field]: typed[field] });
  }
  return merged;
}

function ProgrammesContent() {
  const pt = useProgrammesT();
  const { me } = useSession();
  const [view, setView] = useState<View>(viewFromUrl);

  const go = (next: View) => {
    window.history.replaceState(null, '', urlOf(next));
    setView(next);
  };

  const isLead = me.roles.includes('lead') || me.canCreateProgrammes;
  if (!isLead) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{pt('programmes.leadsOnly')}</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div>
      {view.kind === 'list' && (
        <ProgrammeList
          onOpen={(id) => go({ kind: 'programme', id, tab: 'settings' })}
          onNew={() => go({ kind: 'new' })}
        />
      )}
      {view.kind === 'new' && (
        <NewProgramme
          onCreated={(id) => go({ kind: 'programme', id, tab: 'import', created: true })}
          onCancel={() => go({ kind: 'list' })}
        />
      )}
      {view.kind === 'programme' && (
        <ProgrammeDetail
          key={view.id}
          id={view.id}
          tab={view.tab}
          created={view.created === true}
          onTab={(tab) => go({ kind: 'programme', id: view.id, tab })}
          onBack={() => go({ kind: 'list' })}
        />
      )}
    </div>
  );
}

/** For programme leads: programmes, their settings and status, readiness, participant import. */
export default function ProgrammesScreen() {
  const styles = useStyles();
  const t = useT();
  const pt = useProgrammesT();
  return (
    <section className={styles.screen} aria-labelledby="programmes-title">
      <Title1 as="h1" id="programmes-title" className={styles.title}>
        {t('programmes.title')}
      </Title1>
      <Caption1 as="p" className={styles.muted}>
        {pt('programmes.intro')}
      </Caption1>
      <SessionGate>
        <ProgrammesContent />
      </SessionGate>
    </section>
  );
}
