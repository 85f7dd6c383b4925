import { Caption1, makeStyles, mergeClasses, Title1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  roomy: { gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export type ScreenFrameProps = {
  /** Prefix of the heading's id (`<id>-title`), unique on the page. */
  id: string;
  title: string;
  intro?: ReactNode;
  /** A one-sentence introduction, written small and muted under the title. */
  introText?: string;
  spacing?: 'L' | 'XL';
  className?: string;
  children: ReactNode;
};

/**
 * A screen's frame open to anyone, without the session gate (the landing screen): a `<section>`
 * named by its `<h1>`, an optional introduction (a muted sentence from `introText`, or any `intro`),
 * then the content. It is a module of its own so that the landing screen does not download the gate
 * and the persona picker (Avatar, SearchBox, MessageBar, Field) with the first visit.
 */
export function OpenScreenFrame({
  id,
  title,
  intro,
  introText,
  spacing = 'L',
  className,
  children,
}: ScreenFrameProps) {
  const styles = useStyles();
  const titleId = `${id}-title`;
  return (
    <section
      className={mergeClasses(styles.screen, spacing === 'XL' && styles.roomy, className)}
      aria-labelledby={titleId}
    >
      <Title1 as="h1" id={titleId} className={styles.title}>
        {title}
      </Title1>
      {introText !== undefined && (
        <Caption1 as="p" className={styles.muted}>
          {introText}
        </Caption1>
      )}
      {intro}
      {children}
    </section>
  );
}
