import {
  Body1,
  Button,
  Caption1,
  Card,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ToolkitBlock, ToolkitResponse } from '../../../../src/contracts/pairs';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate } from '../../auth/SessionProvider';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { usePairT } from './i18n/usePairT';

const useStyles = makeStyles({
  screen: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    maxWidth: '52rem',
  },
  title: { margin: 0 },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  template: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tip: {
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

function Block({ block }: { block: ToolkitBlock }) {
  const styles = useStyles();
  const t = usePairT();
  switch (block.type) {
    case 'paragraph':
      return (
        <Body1 as="p" className={styles.text}>
          {block.text}
        </Body1>
      );
    case 'list':
      return (
        <ul className={styles.list}>
          {block.items.map((item, i) => (
            <li key={i}>
              <Body1>{item}</Body1>
            </li>
          ))}
        </ul>
      );
    case 'steps':
      return (
        <ol className={styles.list}>
          {block.items.map((item, i) => (
            <li key={i}>
              <Body1>{item}</Body1>
            </li>
          ))}
        </ol>
      );
    case 'template':
      return (
        <div className={styles.template}>
          <Subtitle2 as="h3" className={styles.heading}>
            {t('toolkit.template', { title: block.title })}
          </Subtitle2>
          <ul className={styles.list}>
            {block.items.map((item, i) => (
              <li key={i}>
                <Body1>{item}</Body1>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'tip':
      return (
        <Body1 as="p" className={`${styles.text} ${styles.tip}`}>
          <strong>{t('toolkit.tip')}</strong> {block.text}
        </Body1>
      );
  }
}

function ToolkitContent() {
  const styles = useStyles();
  const t = usePairT();
  const tt = useT();
  const locale = useLocale();
  const [toolkit, setToolkit] = useState<ToolkitResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    setToolkit(null);
    api
      .get<ToolkitResponse>(`/api/toolkit?locale=${locale}`, { signal: controller.signal })
      .then(setToolkit)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [locale]);

  if (error !== null) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(error, tt)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!toolkit) return <Spinner size="small" label={t('toolkit.loading')} />;
  return (
    <>
      <nav aria-labelledby="toolkit-contents">
        <Subtitle1 as="h2" id="toolkit-contents" className={styles.heading}>
          {t('toolkit.contents')}
        </Subtitle1>
        <ul className={styles.list}>
          {toolkit.sections.map((section) => (
            <li key={section.id}>
              <Link href={`#toolkit-${section.id}`}>{section.title}</Link>{' '}
              <Caption1 className={styles.muted}>
                {t('toolkit.minutes', { count: section.minutes })} – {section.summary}
              </Caption1>
            </li>
          ))}
        </ul>
      </nav>
      {toolkit.sections.map((section) => (
        <Card
          key={section.id}
          id={`toolkit-${section.id}`}
          className={styles.section}
          role="region"
          aria-labelledby={`toolkit-${section.id}-title`}
        >
          <Subtitle1 as="h2" id={`toolkit-${section.id}-title`} className={styles.heading}>
            {section.title}
          </Subtitle1>
          <Caption1 as="p" className={styles.muted}>
            {section.summary}
          </Caption1>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} />
          ))}
        </Card>
      ))}
    </>
  );
}

/** The mentor toolkit, in the active language, served by the app (`GET /api/toolkit`). */
export default function ToolkitScreen() {
  const styles = useStyles();
  const t = useT();
  const pt = usePairT();
  return (
    <section className={styles.screen} aria-labelledby="toolkit-title">
      <Title1 as="h1" id="toolkit-title" className={styles.title}>
        {t('toolkit.title')}
      </Title1>
      <div>
        <Button onClick={() => navigate('/pair')}>{pt('toolkit.back')}</Button>
      </div>
      <SessionGate>
        <ToolkitContent />
      </SessionGate>
    </section>
  );
}
