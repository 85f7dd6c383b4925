import {
  Body1,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { HelpRequestView, OfferView } from '../../../../src/contracts/buddy';
import { acceptOffer, closeHelpRequest, passOffer, widenHelpRequest } from '../../api/buddy';
import { describeError } from '../../api/errors';
import { LoadFailed, Loading } from '../../components/LoadState';
import type { Resource } from '../../data/useResource';
import { useMutation } from '../../data/useMutation';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useQuickHelpT } from './quick-help-i18n';
import { useQuickHelpStyles } from './quick-help-styles';

const topicOf = (topic: HelpRequestView['topic'], locale: 'fr' | 'en') =>
  topic.label?.[locale] ?? topic.text;

const chatLink = (email: string, message: string) =>
  `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(email)}${message ? `&message=${encodeURIComponent(message)}` : ''}`;

/** A write on one request, then a reload of the list; its failure shown under the list. */
function useListAction(reload: () => Promise<unknown>) {
  const shellT = useT();
  const [failure, setFailure] = useState<string | null>(null);
  const action = useMutation((run: () => Promise<unknown>) => run());
  const perform = async (run: () => Promise<unknown>) => {
    setFailure(null);
    const outcome = await action.run(run);
    if (!outcome.ok) setFailure(describeError(outcome.error, shellT));
    await reload();
  };
  return { perform, busy: action.busy, failure };
}

/** The asker's requests: status, the buddy once matched, cancel / did it help / widen. */
export function MyRequests({ requests }: { requests: Resource<{ requests: HelpRequestView[] }> }) {
  const styles = useQuickHelpStyles();
  const t = useQuickHelpT();
  const locale = useLocale();
  const { perform, busy, failure } = useListAction(() => requests.reload());
  const items = requests.data?.requests ?? null;
  return (
    <section className={styles.section} aria-labelledby="quick-help-mine">
      <Subtitle2 as="h2" id="quick-help-mine" className={styles.heading}>
        {t('quickHelp.mine.title')}
      </Subtitle2>
      {requests.error && !items ? (
        <LoadFailed error={requests.error} onRetry={() => void requests.reload()} />
      ) : !items ? (
        <Loading label={t('quickHelp.loading')} />
      ) : items.length === 0 ? (
        <Body1>{t('quickHelp.mine.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {items.map((r) => (
            <li key={r.id} className={styles.item}>
              <Body1>
                <strong>{topicOf(r.topic, locale)}</strong> —{' '}
                {r.status === 'matched'
                  ? t('quickHelp.status.matched', { name: r.buddy?.name ?? '' })
                  : t(`quickHelp.status.${r.status}`)}
              </Body1>
              {r.question && <Body1 className={styles.muted}>{r.question}</Body1>}
              {r.thanksReceived && (
                <Body1 className={styles.muted}>
                  {t('quickHelp.thanks', { note: r.thanksReceived })}
                </Body1>
              )}
              <div className={styles.row}>
                {r.status === 'matched' && r.buddy?.email && (
                  <Link href={chatLink(r.buddy.email, r.question)} target="_blank">
                    {t('quickHelp.mine.chat', { name: r.buddy.name })}
                  </Link>
                )}
                {r.status === 'matched' && (
                  <>
                    <Button
                      disabled={busy}
                      onClick={() => void perform(() => closeHelpRequest(r.id, true))}
                    >
                      {t('quickHelp.mine.helped')}
                    </Button>
                    <Button
                      disabled={busy}
                      onClick={() => void perform(() => closeHelpRequest(r.id, false))}
                    >
                      {t('quickHelp.mine.notHelped')}
                    </Button>
                  </>
                )}
                {(r.status === 'searching' || r.status === 'offered') && (
                  <Button
                    disabled={busy}
                    onClick={() => void perform(() => closeHelpRequest(r.id))}
                  >
                    {t('quickHelp.mine.cancel')}
                  </Button>
                )}
                {r.status === 'unanswered' && (
                  <Button
                    disabled={busy}
                    onClick={() => void perform(() => widenHelpRequest(r.id))}
                  >
                    {t('quickHelp.mine.widen')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** What was asked of this buddy: accept or not now; a taken one says a colleague took it. */
export function MyOffers({ offers }: { offers: Resource<{ offers: OfferView[] }> }) {
  const styles = useQuickHelpStyles();
  const t = useQuickHelpT();
  const locale = useLocale();
  const { perform, busy, failure } = useListAction(() => offers.reload());
  const items = offers.data?.offers ?? null;
  return (
    <section className={styles.section} aria-labelledby="quick-help-offers">
      <Subtitle2 as="h2" id="quick-help-offers" className={styles.heading}>
        {t('quickHelp.offers.title')}
      </Subtitle2>
      {offers.error && !items ? (
        <LoadFailed error={offers.error} onRetry={() => void offers.reload()} />
      ) : !items ? (
        <Loading label={t('quickHelp.loading')} />
      ) : items.length === 0 ? (
        <Body1>{t('quickHelp.offers.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {items.map((o) => (
            <li key={o.requestId} className={styles.item}>
              <Body1>
                {t('quickHelp.offers.from', {
                  name: o.asker.name,
                  topic: topicOf(o.topic, locale),
                  minutes: o.minutes,
                  when: t(`quickHelp.when.${o.when}`),
                })}
              </Body1>
              {o.question && <Body1 className={styles.muted}>{o.question}</Body1>}
              <Body1 className={styles.muted}>{t(`quickHelp.offer.${o.state}`)}</Body1>
              {o.thanksReceived && (
                <Body1 className={styles.muted}>
                  {t('quickHelp.thanks', { note: o.thanksReceived })}
                </Body1>
              )}
              <div className={styles.row}>
                {o.state === 'open' && (
                  <>
                    <Button
                      appearance="primary"
                      disabled={busy}
                      onClick={() => void perform(() => acceptOffer(o.requestId))}
                    >
                      {t('quickHelp.offers.accept')}
                    </Button>
                    <Button
                      disabled={busy}
                      onClick={() => void perform(() => passOffer(o.requestId))}
                    >
                      {t('quickHelp.offers.pass')}
                    </Button>
                  </>
                )}
                {o.state === 'accepted' && o.asker.email && (
                  <Link href={chatLink(o.asker.email, '')} target="_blank">
                    {t('quickHelp.mine.chat', { name: o.asker.name })}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {failure && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
