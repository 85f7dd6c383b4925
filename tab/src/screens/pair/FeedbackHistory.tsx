import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { FeedbackView } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { feedbackDay } from './pair-model';
import { useFormat } from './useFormat';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function FeedbackList({ items, empty }: { items: FeedbackView[]; empty: string }) {
  const styles = useStyles();
  const t = usePairT();
  const format = useFormat();
  const { pair } = usePair();
  if (items.length === 0) {
    return (
      <Body1 as="p" className={styles.muted}>
        {empty}
      </Body1>
    );
  }
  return (
    <ul className={styles.list}>
      {items.map((f) => (
        <li key={`${f.sessionId}:${f.fromId}`} className={styles.item}>
          <Caption1 as="p" className={styles.muted}>
            {t('pair.history.about', {
              index: f.sessionIndex,
              date: format.day(feedbackDay(f, pair.sessions)),
            })}
          </Caption1>
          <Body1 as="p" className={styles.text}>
            {t('pair.feedback.ratingLine', {
              rating: f.rating,
              label: t(
                `pair.feedback.rating.${Math.min(4, Math.max(1, f.rating)) as 1 | 2 | 3 | 4}`,
              ),
            })}
          </Body1>
          {f.worked && (
            <Body1 as="p" className={styles.text}>
              {t('pair.feedback.workedLine', { text: f.worked })}
            </Body1>
          )}
          {f.suggestion && (
            <Body1 as="p" className={styles.text}>
              {t('pair.feedback.suggestionLine', { text: f.suggestion })}
            </Body1>
          )}
          {f.pairingFit && (
            <Caption1 as="p" className={styles.muted}>
              {t('pair.history.fit', { fit: t(`pair.feedback.fit.${f.pairingFit}`) })}
            </Caption1>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Feedback both ways, newest first: what the partner said to me, and what I said. */
export function FeedbackHistory() {
  const styles = useStyles();
  const t = usePairT();
  const { pair } = usePair();
  return (
    <div className={styles.column}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.history.received', { name: pair.partner.displayName })}
      </Subtitle2>
      <FeedbackList items={pair.feedback.received} empty={t('pair.history.noneReceived')} />
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.history.given')}
      </Subtitle2>
      <FeedbackList items={pair.feedback.given} empty={t('pair.history.noneGiven')} />
    </div>
  );
}
