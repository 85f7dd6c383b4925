import {
  Body1,
  Button,
  Caption1,
  Card,
  Link,
  makeStyles,
  Subtitle1,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { ToolkitBlock } from '../../../../src/contracts/pairs';
import { getToolkit } from '../../api/pairs';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { usePairT } from './i18n/usePairT';

const useStyles = makeStyles({
  screen: { maxWidth: '52rem' },
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
  const locale = useLocale();
  const loaded = useResource(`toolkit:${locale}`, (signal) => getToolkit(locale, signal));
  const toolkit = loaded.data;

  if (loaded.error !== null) {
    return <LoadFailed error={loaded.error} onRetry={() => void loaded.reload()} />;
  }
  if (!toolkit) return <Loading label={t('toolkit.loading')} />;
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
    <ScreenFrame
      id="toolkit"
      title={t('toolkit.title')}
      spacing="XL"
      className={styles.screen}
      intro={
        <div>
          <Button onClick={() => navigate('/pair')}>{pt('toolkit.back')}</Button>
        </div>
      }
    >
      <ToolkitContent />
    </ScreenFrame>
  );
}
