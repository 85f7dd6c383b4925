import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Switch,
  Textarea,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportJob, ImportPreview, ImportRowPreview } from '../../../../src/contracts/imports';
import { ApiError } from '../../api/client';
import { getImportJob, previewImport, startImport } from '../../api/imports';
import { describeError } from '../../api/errors';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useVisuallyHiddenStyles } from '../../components/visually-hidden';
import { withoutLines } from './csv-records';
import { csvTemplateHref } from './csv-template';
import { useProgrammesT } from './programmes-i18n';
import { readTextFile } from './read-text-file';

/** How often the job is asked for its progress. */
const POLL_MS = 400;
/** Rows shown in the preview table; the counts above it cover the whole file. */
const MAX_ROWS_SHOWN = 300;
/** The API's limit for one file (src/api/import-routes.ts). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  tableWrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  invalidRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  problem: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'previewed'; preview: ImportPreview }
  | { kind: 'importing'; job: ImportJob; preview: ImportPreview }
  | { kind: 'done'; job: ImportJob };

/** The preview a refused import carries (`validation_failed` with details.preview). */
function rejectedPreview(error: unknown): ImportPreview | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code !== 'validation_failed') return null;
  const details = error.details as { preview?: ImportPreview } | undefined;
  return details?.preview ?? null;
}

const blocking = (preview: ImportPreview) =>
  preview.fileIssues.some((issue) => issue.severity === 'error');

/**
 * Brings participants in from a CSV file: a preview lists each row's problems in plain words, the
 * import runs as a background job with a progress bar, and a summary says what changed. Importing
 * the same file again changes nothing.
 */
export function ImportPanel({ programmeId }: { programmeId: string }) {
  const styles = useStyles();
  const t = useT();
  const pt = useProgrammesT();
  const locale = useLocale();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [tooLarge, setTooLarge] = useState<number | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(true);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileId = useId('csv-file');
  const fileLabelId = useId('csv-file-label');
  const fileInput = useRef<HTMLInputElement>(null);
  const hidden = useVisuallyHiddenStyles();
  const templateHelpId = useId('csv-template-help');
  const fileHelpId = useId('csv-file-help');

  const check = async (text: string, name: string | null) => {
    setError(null);
    const bytes = new Blob([text]).size;
    if (bytes > MAX_CSV_BYTES) {
      setStage({ kind: 'idle' });
      setTooLarge(bytes);
      return;
    }
    setTooLarge(null);
    setValidOnly(false);
    setStage({ kind: 'checking' });
    try {
      const preview = await previewImport(programmeId, {
        csv: text,
        ...(name ? { fileName: name } : {}),
      });
      setOnlyProblems(preview.summary.invalid > 0);
      setStage({ kind: 'previewed', preview });
    } catch (e) {
      setError(e);
      setStage({ kind: 'idle' });
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is seen as a change.
    event.target.value = '';
    if (!file) return;
    const text = await readTextFile(file);
    setCsv(text);
    setFileName(file.name);
    await check(text, file.name);
  };

  // Polls the job until it finishes; stops if the panel goes away.
  const importingJobId = stage.kind === 'importing' ? stage.job.id : null;
  useEffect(() => {
    if (!importingJobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const { job } = await getImportJob(importingJobId);
        if (stopped) return;
        if (job.status === 'succeeded' || job.status === 'failed') {
          setStage({ kind: 'done', job });
        } else {
          setStage((current) => (current.kind === 'importing' ? { ...current, job } : current));
          timer = setTimeout(() => void poll(), POLL_MS);
        }
      } catch (e) {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_MS * 5);
        if (!(e instanceof ApiError) || e.code !== 'network') setError(e);
      }
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importingJobId]);

  useEffect(() => {
    if (stage.kind === 'done') resultRef.current?.focus();
  }, [stage.kind]);

  const start = async (preview: ImportPreview) => {
    const invalidLines = new Set(
      preview.rows.filter((row) => row.outcome === 'invalid').map((row) => row.line),
    );
    const body = validOnly ? withoutLines(csv, invalidLines) : csv;
    setError(null);
    try {
      const { job } = await startImport(programmeId, {
        csv: body,
        ...(fileName ? { fileName } : {}),
      });
      setStage({ kind: 'importing', job, preview });
    } catch (e) {
      // The file changed on the server's side since the preview (a manager left, an e-mail was
      // taken): the refusal carries the new preview, shown in place of the old one.
      const refused = rejectedPreview(e);
      if (refused) setStage({ kind: 'previewed', preview: refused });
      setError(e);
    }
  };

  const reset = () => {
    setTooLarge(null);
    setCsv('');
    setFileName(null);
    setValidOnly(false);
    setStage({ kind: 'idle' });
    setError(null);
  };

  const preview = stage.kind === 'previewed' || stage.kind === 'importing' ? stage.preview : null;
  const validRows = preview ? preview.summary.rows - preview.summary.invalid : 0;
  const canImportValidOnly =
    preview !== null && !preview.acceptable && !blocking(preview) && validRows > 0;
  const importEnabled =
    stage.kind === 'previewed' &&
    preview !== null &&
    (preview.acceptable || (canImportValidOnly && validOnly));

  const rows = preview ? preview.rows.filter((row) => !onlyProblems || row.issues.length > 0) : [];

  return (
    <section className={styles.root} aria-labelledby="import-title">
      <Subtitle2 as="h2" id="import-title" className={styles.heading}>
        {pt('import.title')}
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        {pt('import.help')}
      </Body1>
      <div>
        <Link
          href={csvTemplateHref(locale)}
          download={pt('import.template.file')}
          aria-describedby={templateHelpId}
        >
          {pt('import.template')}
        </Link>
        <Caption1 as="p" id={templateHelpId} className={styles.muted}>
          {pt('import.template.help')}
        </Caption1>
      </div>

      {stage.kind !== 'importing' && stage.kind !== 'done' && (
        <>
          <div className={styles.file}>
            <span id={fileLabelId} className={styles.label}>
              {pt('import.file')}
            </span>
            {/* The native picker speaks the browser's language: a button in ours opens it. */}
            <input
              ref={fileInput}
              id={fileId}
              type="file"
              accept=".csv,text/csv,text/plain"
              tabIndex={-1}
              className={hidden.hidden}
              aria-labelledby={fileLabelId}
              aria-describedby={fileHelpId}
              onChange={(event) => void onFile(event)}
            />
            <div>
              <Button
                aria-describedby={fileHelpId}
                disabled={stage.kind === 'checking'}
                onClick={() => fileInput.current?.click()}
              >
                {pt('import.chooseFile')}
              </Button>
            </div>
            <Caption1 id={fileHelpId} className={styles.muted}>
              {fileName ? pt('import.fileChosen', { name: fileName }) : pt('import.fileHelp')}
            </Caption1>
          </div>
          <Field label={pt('import.paste')}>
            <Textarea
              value={csv}
              rows={5}
              resize="vertical"
              onChange={(_, data) => {
                setCsv(data.value);
                setFileName(null);
              }}
            />
          </Field>
          <div className={styles.actions}>
            <Button
              disabled={csv.trim() === '' || stage.kind === 'checking'}
              onClick={() => void check(csv, fileName)}
            >
              {stage.kind === 'checking' ? pt('import.checking') : pt('import.check')}
            </Button>
          </div>
        </>
      )}

      {tooLarge !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {pt('import.tooLarge', {
              size: (tooLarge / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 }),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {rejectedPreview(error) ? pt('import.rejected') : describeError(error, t)}
          </MessageBarBody>
        </MessageBar>
      )}

      {preview && (
        <div role="region" aria-labelledby="preview-title" className={styles.root}>
          <Subtitle2 as="h3" id="preview-title" className={styles.heading}>
            {pt('import.preview')}
          </Subtitle2>
          <Body1 as="p" role="status">
            {pt('import.summary', {
              rows: preview.summary.rows,
              create: preview.summary.create,
              update: preview.summary.update,
              unchanged: preview.summary.unchanged,
              invalid: preview.summary.invalid,
            })}
          </Body1>
          {preview.fileIssues.length > 0 && (
            <MessageBar intent={blocking(preview) ? 'error' : 'warning'} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{pt('import.fileIssues')}</MessageBarTitle>
                <ul className={styles.issues}>
                  {preview.fileIssues.map((issue, i) => (
                    <li key={i}>{issue.message[locale]}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.rows.length > 0 && (
            <>
              <Switch
                checked={onlyProblems}
                onChange={(_, data) => setOnlyProblems(data.checked)}
                label={pt('import.onlyProblems')}
              />
              <PreviewTable rows={rows.slice(0, MAX_ROWS_SHOWN)} />
              {rows.length > MAX_ROWS_SHOWN && (
                <Caption1 className={styles.muted}>
                  {pt('import.moreRows', { count: rows.length - MAX_ROWS_SHOWN })}
                </Caption1>
              )}
            </>
          )}
          {stage.kind === 'previewed' && (
            <>
              {!preview.acceptable && (
                <Body1 as="p">
                  {blocking(preview) ? pt('import.fixFile') : pt('import.fixRows')}
                </Body1>
              )}
              {canImportValidOnly && (
                <Checkbox
                  checked={validOnly}
                  onChange={(_, data) => setValidOnly(data.checked === true)}
                  label={pt('import.validOnly', {
                    count: validRows,
                    invalid: preview.summary.invalid,
                  })}
                />
              )}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={!importEnabled}
                  onClick={() => void start(preview)}
                >
                  {/* Rows with errors are never imported: the label counts the ones that would be. */}
                  {preview.acceptable
                    ? pt('import.start', { count: preview.summary.rows })
                    : pt('import.startValid', { count: validRows })}
                </Button>
                <Button onClick={reset}>{pt('import.another')}</Button>
              </div>
            </>
          )}
        </div>
      )}

      {stage.kind === 'importing' && (
        <Field
          label={pt('import.progress', {
            processed: stage.job.processed,
            total: stage.job.total,
          })}
          validationMessage={pt('import.progress.hint')}
          validationState="none"
        >
          <ProgressBar
            value={stage.job.total > 0 ? stage.job.processed / stage.job.total : undefined}
            max={1}
            thickness="large"
          />
        </Field>
      )}

      {stage.kind === 'done' && (
        <div ref={resultRef} tabIndex={-1} className={styles.root}>
          <JobSummary job={stage.job} />
          <div className={styles.actions}>
            <Button onClick={reset}>{pt('import.another')}</Button>
          </div>
        </div>
      )}
    </section>
  );
}

function PreviewTable({ rows }: { rows: ImportRowPreview[] }) {
  const styles = useStyles();
  const pt = useProgrammesT();
  const locale = useLocale();
  if (rows.length === 0) return <Body1 as="p">{pt('import.noProblems')}</Body1>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-labelledby="preview-title">
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {pt('import.col.line')}
            </th>
            <th scope="col" className={styles.th}>
              {pt('import.col.email')}
            </th>
            <th scope="col" className={styles.th}>
              {pt('import.col.name')}
            </th>
            <th scope="col" className={styles.th}>
              {pt('import.col.outcome')}
            </th>
            <th scope="col" className={styles.th}>
              {pt('import.col.problems')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.line}
              className={row.outcome === 'invalid' ? styles.invalidRow : undefined}
            >
              <th scope="row" className={styles.td}>
                {row.line}
              </th>
              <td className={styles.td}>{row.email}</td>
              <td className={styles.td}>{row.displayName}</td>
              <td className={styles.td}>{pt(`import.outcome.${row.outcome}`)}</td>
              <td className={styles.td}>
                {row.issues.length === 0 ? (
                  '—'
                ) : (
                  <ul className={styles.problem}>
                    {row.issues.map((issue, i) => (
                      <li key={i}>{issue.message[locale]}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JobSummary({ job }: { job: ImportJob }) {
  const styles = useStyles();
  const pt = useProgrammesT();
  const nothing = job.status === 'succeeded' && job.created === 0 && job.updated === 0;
  // The server stopped mid-import (src/services/import): said once, not as a row of the file.
  const interrupted = job.errors.some((e) => e.code === 'interrupted');
  const rowErrors = job.errors.filter((e) => e.code !== 'interrupted');
  return (
    <MessageBar
      intent={job.status === 'failed' ? 'warning' : 'success'}
      layout="multiline"
      role="status"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {nothing
            ? pt('import.done.nothing')
            : interrupted
              ? pt('import.done.interrupted')
              : job.status === 'failed'
                ? pt('import.done.partial')
                : pt('import.done.title')}
        </MessageBarTitle>
        {interrupted && (
          <div>{pt('import.done.stopped', { processed: job.processed, total: job.total })}</div>
        )}
        {pt('import.done.counts', {
          created: job.created,
          updated: job.updated,
          unchanged: job.unchanged,
        })}
        {rowErrors.length > 0 && (
          <ul className={styles.issues}>
            {rowErrors.map((e) => (
              <li key={`${e.line}:${e.code}`}>
                {pt('import.done.rowError', { line: e.line, email: e.email, message: e.message })}
              </li>
            ))}
          </ul>
        )}
        {job.status === 'failed' && pt('import.done.retry')}
      </MessageBarBody>
    </MessageBar>
  );
}
