import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AuditListItem, AuditListResponse } from '../../../../src/contracts/privacy';
import type { AuditAction } from '../../../../src/domain/privacy/audit';
import { describeError } from '../../api/errors';
import { getAudit } from '../../api/privacy';
import { DateInput } from '../../components/DateInput';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useAuditT } from './audit-i18n';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    border: 'none',
    margin: 0,
    padding: 0,
    // A fieldset is as wide as its widest content by default: at 400 px the actions' list ran out.
    minWidth: 0,
  },
  field: { minWidth: 'min(10rem, 100%)', maxWidth: '100%' },
  // The longest action's name must not widen the page: the list is cut to the field.
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Every action of the audit log, in the filter's order (the tab imports only types). */
const auditActions = [
  'programme.created',
  'programme.edited',
  'programme.status_changed',
  'programme.retention_changed',
  'programme.purged',
  'participants.imported',
  'matching.run_started',
  'matching.accepted_all',
  'matching.swapped',
  'matching.published',
  'matching.pinned',
  'matching.blocked',
  'matching.constraint_removed',
  'approval.decided',
  'nudge.sent',
  'reminder.sent',
  'report.exported',
  'personal_data.exported',
  'personal_data.erased',
] as const satisfies readonly AuditAction[];
// An action added on the server fails the typecheck here until it is listed.
const everyActionListed: Exclude<AuditAction, (typeof auditActions)[number]> extends never
  ? true
  : false = true;
void everyActionListed;

/** The filters the list is showing; person filters carry the name shown on their chip. */
type Filters = {
  action?: AuditAction;
  fromDay?: string;
  toDay?: string;
  actor?: { id: string; name: string };
  target?: { id: string; name: string };
};

/** Local midnight of a `YYYY-MM-DD` day, as an ISO instant. */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

function AuditContent() {
  const styles = useStyles();
  const t = useAuditT();
  const common = useT();
  const locale = useLocale();
  const [filters, setFilters] = useState<Filters>({});
  const [draft, setDraft] = useState<{ action: string; fromDay: string; toDay: string }>({
    action: '',
    fromDay: '',
    toDay: '',
  });
  const [badRange, setBadRange] = useState(false);
  const [older, setOlder] = useState<{ entries: AuditListItem[]; continuation?: string } | null>(
    null,
  );
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const query = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.fromDay ? { from: startOf(filters.fromDay) } : {}),
    ...(filters.toDay ? { to: nextDay(filters.toDay) } : {}),
    ...(filters.actor ? { actorId: filters.actor.id } : {}),
    ...(filters.target ? { targetId: filters.target.id } : {}),
  };
  const first = useResource(`audit:${JSON.stringify(query)}`, (signal) => getAudit(query, signal));

  const apply = (next: Filters) => {
    setFilters(next);
    setOlder(null);
    setMoreError(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.fromDay && draft.toDay && draft.toDay < draft.fromDay) {
      setBadRange(true);
      return;
    }
    setBadRange(false);
    const { action: _a, fromDay: _f, toDay: _t, ...people } = filters;
    apply({
      ...people,
      ...(draft.action ? { action: draft.action as AuditAction } : {}),
      ...(draft.fromDay ? { fromDay: draft.fromDay } : {}),
      ...(draft.toDay ? { toDay: draft.toDay } : {}),
    });
  };
  const clear = () => {
    setDraft({ action: '', fromDay: '', toDay: '' });
    setBadRange(false);
    apply({});
  };

  const page: AuditListResponse | undefined = first.data;
  const entries = [...(page?.entries ?? []), ...(older?.entries ?? [])];
  const continuation = older ? older.continuation : page?.continuation;
  const more = async () => {
    if (!continuation) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await getAudit({ ...query, continuation });
      setOlder((current) => ({
        entries: [...(current?.entries ?? []), ...next.entries],
        ...(next.continuation ? { continuation: next.continuation } : {}),
      }));
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  const actorOf = (e: AuditListItem) =>
    e.actorRole === 'system' ? t('audit.system') : (e.actorName ?? t('audit.former'));
  const targetOf = (e: AuditListItem) =>
    e.targetType === 'person'
      ? t('audit.target.person', { name: e.targetName ?? t('audit.former') })
      : t(`audit.target.${e.targetType}`, { id: e.targetId });

  return (
    <>
      <form onSubmit={submit} noValidate>
        <fieldset className={styles.filters}>
          <legend>
            <Subtitle2>{t('audit.filters')}</Subtitle2>
          </legend>
          <Field label={t('audit.filter.action')} className={styles.field}>
            <Select
              className={styles.select}
              select={{ className: styles.select }}
              value={draft.action}
              onChange={(_, d) => setDraft((v) => ({ ...v, action: d.value }))}
            >
              <option value="">{t('audit.filter.anyAction')}</option>
              {auditActions.map((a) => (
                <option key={a} value={a}>
                  {t(`audit.action.${a}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('audit.filter.from')} className={styles.field}>
            <DateInput
              value={draft.fromDay}
              onChange={(_, d) => setDraft((v) => ({ ...v, fromDay: d.value }))}
            />
          </Field>
          <Field
            label={t('audit.filter.to')}
            className={styles.field}
            validationState={badRange ? 'error' : 'none'}
            validationMessage={badRange ? t('audit.filter.badRange') : undefined}
          >
            <DateInput
              value={draft.toDay}
              onChange={(_, d) => setDraft((v) => ({ ...v, toDay: d.value }))}
            />
          </Field>
          <Button type="submit" appearance="primary">
            {t('audit.filter.apply')}
          </Button>
          <Button onClick={clear}>{t('audit.filter.clear')}</Button>
        </fieldset>
      </form>
      {(filters.actor || filters.target) && (
        <div className={styles.chips}>
          {filters.actor && (
            <Button
              size="small"
              onClick={() => {
                const { actor: _actor, ...rest } = filters;
                apply(rest);
              }}
            >
              {t('audit.filter.actor', { name: filters.actor.name })} ✕
            </Button>
          )}
          {filters.target && (
            <Button
              size="small"
              onClick={() => {
                const { target: _target, ...rest } = filters;
                apply(rest);
              }}
            >
              {t('audit.filter.target', { name: filters.target.name })} ✕
            </Button>
          )}
        </div>
      )}
      {first.error !== null && !page ? (
        <LoadFailed error={first.error} onRetry={() => void first.reload()} />
      ) : !page ? (
        <Loading label={t('audit.loading')} />
      ) : entries.length === 0 ? (
        <Body1 as="p">{t('audit.empty')}</Body1>
      ) : (
        <ul className={styles.list} aria-label={common('audit.title')}>
          {entries.map((e) => (
            <li key={e.id} className={styles.entry}>
              <Caption1 className={styles.muted}>
                <time dateTime={e.at}>{when(e.at)}</time> · {t(`audit.role.${e.actorRole}`)}
              </Caption1>
              <Body1>
                {t('audit.entry', { actor: actorOf(e), action: t(`audit.action.${e.action}`) })}
              </Body1>
              <Caption1>{targetOf(e)}</Caption1>
              <div className={styles.links}>
                {e.actorRole !== 'system' && e.actorName && !filters.actor && (
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() =>
                      apply({ ...filters, actor: { id: e.actorId, name: e.actorName! } })
                    }
                  >
                    {t('audit.onlyBy', { name: e.actorName })}
                  </Button>
                )}
                {e.targetType === 'person' && e.targetName && !filters.target && (
                  <Button
                    size="small"
                    appearance="subtle"
                    onClick={() =>
                      apply({ ...filters, target: { id: e.targetId, name: e.targetName! } })
                    }
                  >
                    {t('audit.onlyAbout', { name: e.targetName })}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {moreError !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(moreError, common)}</MessageBarBody>
        </MessageBar>
      )}
      {continuation && (
        <div>
          <Button onClick={() => void more()} disabled={loadingMore}>
            {t('audit.more')}
          </Button>
        </div>
      )}
    </>
  );
}

/** The audit log, for programme leads of the organisation. */
export default function AuditScreen() {
  const t = useT();
  const at = useAuditT();
  return (
    <ScreenFrame id="audit" title={t('audit.title')} introText={at('audit.intro')}>
      <AuditContent />
    </ScreenFrame>
  );
}
