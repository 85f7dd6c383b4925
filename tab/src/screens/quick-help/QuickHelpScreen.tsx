import { getBuddyMe, getMyHelpRequests, getMyOffers } from '../../api/buddy';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { AskForm } from './AskForm';
import { BuddySettingsForm } from './BuddySettingsForm';
import { MyOffers, MyRequests } from './HelpLists';
import { useQuickHelpT } from './quick-help-i18n';

function QuickHelpContent() {
  const t = useQuickHelpT();
  const me = useResource('buddy-me', (signal) => getBuddyMe(signal));
  const requests = useResource('buddy-requests', (signal) => getMyHelpRequests(signal));
  const offers = useResource('buddy-offers', (signal) => getMyOffers(signal));
  if (me.error && !me.data) return <LoadFailed error={me.error} onRetry={() => void me.reload()} />;
  if (!me.data) return <Loading label={t('quickHelp.loading')} />;
  return (
    <>
      <AskForm catalogue={me.data.catalogue} onAsked={() => void requests.reload()} />
      <MyRequests requests={requests} />
      <MyOffers offers={offers} />
      <BuddySettingsForm
        me={me.data}
        onReload={async () => {
          const outcome = await me.reload();
          return outcome.ok ? outcome.data : undefined;
        }}
      />
    </>
  );
}

/** Quick help from a digital buddy: ask, follow my requests, answer offers, be a buddy. */
export default function QuickHelpScreen() {
  const t = useQuickHelpT();
  const shellT = useT();
  return (
    <ScreenFrame id="quick-help" title={shellT('quickHelp.title')} introText={t('quickHelp.intro')}>
      <QuickHelpContent />
    </ScreenFrame>
  );
}
