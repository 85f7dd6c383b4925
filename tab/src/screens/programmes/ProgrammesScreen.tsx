import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgrammeListItem, ProgrammeResponse } from '../../../../src/contracts/programmes';
import type { Programme } from '../../../../src/domain/programme';
import { ApiError } from '../../api/client';
import { createProgramme, editProgramme, getProgramme, getProgrammes } from '../../api/programmes';
import { useSession } from '../../auth/SessionProvider';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { keepTyped } from '../../data/keep-typed';
import { useResource } from '../../data/useResource';
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
import { RetentionPanel } from './RetentionPanel';
import { Readiness } from './Readiness';
import { ProgrammeSteps } from './ProgrammeSteps';
import { StatusActions, StatusBadge } from './StatusActions';
import { useProgrammesT } from './programmes-i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
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
  const pt = useProgrammesT();
  const locale = useLocale();
  const list = useResource('programmes', (signal) => getProgrammes(signal));
  const data = list.data;

  if (list.error !== null) {
    return <LoadFailed error={list.error} onRetry={() => void list.reload()} />;
  }
  if (!data) return <Loading label={pt('programmes.loading')} />;
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
          const response = await createProgramme(createBodyOf(values));
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
  const pt = useProgrammesT();
  const [formKey, setFormKey] = useState(0);
  const detail = useResource(`programme:${id}`, async (signal): Promise<Managed> => {
    const response = await getProgramme(id, signal);
    if (!response.canManage) {
      throw new ApiError('forbidden', 'Only the leads of this programme manage it', 403);
    }
    return { programme: response.programme, version: response.version };
  });
  const data = detail.data;

  const back = (
    <div>
      <Button appearance="subtle" onClick={onBack}>
        {pt('programmes.back')}
      </Button>
    </div>
  );
  // A failed reload after a conflict is the form's to say: it keeps what the lead typed.
  if (detail.error !== null && !data) {
    return (
      <div className={styles.screen}>
        {back}
        <LoadFailed error={detail.error} onRetry={() => void detail.reload()} />
      </div>
    );
  }
  if (!data) return <Loading label={pt('programmes.loading')} />;

  const fromResponse = (response: ProgrammeResponse) => {
    if (response.canManage) {
      detail.setData({ programme: response.programme, version: response.version });
    }
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
      <ProgrammeSteps programmeId={id} status={data.programme.status} />
      <StatusActions
        programme={data.programme}
        version={data.version}
        onChange={(response) => {
          fromResponse(response);
          setFormKey((n) => n + 1);
        }}
      />
      <RetentionPanel programmeId={id} status={data.programme.status} />
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
              const response = await editProgramme(
                id,
                editBodyOf(values, data.programme),
                data.version,
              );
              fromResponse(response);
              if (response.canManage) return programmeFormOf(response.programme);
            }}
            onReloadKeepingChanges={async (typed: ProgrammeFormValues) => {
              const latest = await detail.reload();
              if (!latest.ok) throw latest.error;
              return keepTyped(
                programmeFormOf(data.programme),
                typed,
                programmeFormOf(latest.data.programme),
                sameIgnoringRowKeys,
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

/** Two form values alike but for the rows' React keys (a reload numbers the rows afresh). */
function sameIgnoringRowKeys(a: unknown, b: unknown): boolean {
  const strip = (value: unknown) =>
    JSON.stringify(value, (key, v: unknown) => (key === 'key' ? undefined : v));
  return strip(a) === strip(b);
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
  const t = useT();
  const pt = useProgrammesT();
  return (
    <ScreenFrame id="programmes" title={t('programmes.title')} introText={pt('programmes.intro')}>
      <ProgrammesContent />
    </ScreenFrame>
  );
}
