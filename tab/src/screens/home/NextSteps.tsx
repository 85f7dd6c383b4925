import { Body1, Link, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import type { MeResponse } from '../../../../src/contracts/identity';
import type { ProgrammeListItem } from '../../../../src/contracts/programmes';
import type { MyPairItem } from '../../../../src/contracts/pairs';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { getMe } from '../../api/identity';
import { getMyPairs } from '../../api/pairs';
import { getProgrammes } from '../../api/programmes';
import { useResource } from '../../data/useResource';
import {
  getDevSession,
  installDevTokenProvider,
  signOut,
  subscribeDevSession,
} from '../../auth/dev-session';
import { setSignedInMe } from '../../auth/session-store';
import { useHost } from '../../host/HostProvider';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useHomeT } from './home-i18n';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
  },
  text: { display: 'block', margin: 0 },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

/**
 * The programme home talks about: the one the person takes part in, else the one open to
 * volunteers, else any other that is neither a draft nor closed.
 */
export function homeProgramme(
  programmes: readonly ProgrammeListItem[],
): ProgrammeListItem | undefined {
  const open = programmes.filter((p) => p.status !== 'draft' && p.status !== 'closed');
  return (
    open.find((p) => p.myStatus === 'opted_in' || p.myStatus === 'paused') ??
    open.find((p) => p.status === 'enrolling') ??
    open[0]
  );
}

const currentStates = ['proposed', 'accepted', 'awaiting_approval', 'active', 'paused'] as const;
type CurrentPair = MyPairItem & { state: (typeof currentStates)[number] };

/** The pair to talk about: open pairs come first from the API; completed and ended ones are past. */
export function currentPair(pairs: readonly MyPairItem[]): CurrentPair | undefined {
  return pairs.find((pair): pair is CurrentPair =>
    (currentStates as readonly string[]).includes(pair.state),
  );
}

type Loaded = {
  me: MeResponse;
  programme: ProgrammeListItem | undefined;
  pair: CurrentPair | undefined;
};

/** A link to a screen of the tab, followed without reloading the page. */
function ScreenLink({ path, children }: { path: string; children: ReactNode }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <li>
      <Link href={path} onClick={follow}>
        {children}
      </Link>
    </li>
  );
}

/**
 * What the signed-in person can do next: volunteer, update their profile, see their pair, approve
 * their team's time, prepare the programme. Outside Teams, before a persona is chosen, a link to
 * choose one.
 */
export function NextSteps() {
  const styles = useStyles();
  const t = useT();
  const ht = useHomeT();
  const host = useHost();
  const session = useSyncExternalStore(subscribeDevSession, getDevSession, getDevSession);
  const signedIn = host.kind === 'teams' || session !== null;
  const personId = session?.personId ?? null;
  const next = useResource(
    signedIn ? `next-steps:${personId ?? ''}:${host.kind}` : null,
    async (signal): Promise<Loaded> => {
      if (host.kind === 'browser') installDevTokenProvider();
      try {
        const [me, list, mine] = await Promise.all([
          getMe(signal),
          getProgrammes(signal),
          getMyPairs(signal),
        ]);
        // The nav shows the lead's and manager's links from here too.
        if (!signal.aborted) setSignedInMe(me);
        return { me, programme: homeProgramme(list.programmes), pair: currentPair(mine.pairs) };
      } catch (error) {
        // A development token dies with the server that issued it: offer to choose a persona again.
        if (
          !signal.aborted &&
          host.kind === 'browser' &&
          error instanceof ApiError &&
          error.code === 'unauthenticated'
        ) {
          setSignedInMe(null);
          signOut();
        }
        throw error;
      }
    },
  );
  const state = next.data
    ? ({ kind: 'ready', loaded: next.data } as const)
    : next.error !== null
      ? ({ kind: 'failed', error: next.error } as const)
      : ({ kind: 'loading' } as const);

  const title = (
    <Subtitle1 as="h2" id="home-next-title" className={styles.heading}>
      {ht('home.next.title')}
    </Subtitle1>
  );

  if (!signedIn) {
    return (
      <section className={styles.box} aria-labelledby="home-next-title">
        {title}
        <Body1 as="p" className={styles.text}>
          {ht('home.next.signIn')}
        </Body1>
        <ul className={styles.links}>
          <ScreenLink path="/profile">{ht('home.next.signInLink')}</ScreenLink>
        </ul>
      </section>
    );
  }

  let body: ReactNode;
  if (state.kind === 'loading') {
    body = <Spinner size="tiny" labelPosition="after" label={ht('home.next.loading')} />;
  } else if (state.kind === 'failed') {
    body = (
      <Body1 as="p" role="alert" className={styles.text}>
        {ht('home.next.failed', { reason: describeError(state.error, t) })}
      </Body1>
    );
  } else {
    // Teams greets by name above already.
    body = <Steps loaded={state.loaded} greet={host.kind === 'browser'} />;
  }

  return (
    <section
      className={styles.box}
      aria-labelledby="home-next-title"
      aria-busy={state.kind === 'loading'}
    >
      {title}
      {body}
    </section>
  );
}

function Steps({ loaded: { me, programme, pair }, greet }: { loaded: Loaded; greet: boolean }) {
  const styles = useStyles();
  const t = useT();
  const ht = useHomeT();
  const locale = useLocale();
  const paragraph = (text: string) => (
    <Body1 as="p" className={styles.text}>
      {text}
    </Body1>
  );

  let participation: ReactNode;
  if (pair && pair.state === 'awaiting_approval' && pair.declines.length > 0) {
    // A manager declined: the pair no longer just waits, it has something to do.
    const partner = pair.partner.displayName;
    const managers = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      pair.declines.map((d) => d.managerName),
    );
    participation = (
      <>
        {paragraph(ht('home.next.pair.declined', { managers, partner }))}
        {pair.declines.map(
          (d) =>
            d.comment && (
              <blockquote key={d.managerName} className={styles.quote}>
                {paragraph(
                  ht('home.next.pair.declinedComment', {
                    manager: d.managerName,
                    comment: d.comment,
                  }),
                )}
              </blockquote>
            ),
        )}
        {paragraph(ht('home.next.pair.declinedNext', { partner }))}
        <ul className={styles.links}>
          <ScreenLink path="/pair">{ht('home.next.agreementLink')}</ScreenLink>
          <ScreenLink path="/profile">{ht('home.next.profileLink')}</ScreenLink>
        </ul>
      </>
    );
  } else if (pair) {
    // In a pair (or proposed one), whatever the profile says: that is what matters now.
    const partner = pair.partner.displayName;
    participation = (
      <>
        {paragraph(ht(`home.next.pair.${pair.state}`, { partner }))}
        <ul className={styles.links}>
          {pair.state === 'proposed' ? (
            <ScreenLink path="/proposal">{ht('home.next.proposalLink')}</ScreenLink>
          ) : (
            <ScreenLink path="/pair">{ht('home.next.pairLink')}</ScreenLink>
          )}
          <ScreenLink path="/profile">{ht('home.next.profileLink')}</ScreenLink>
        </ul>
      </>
    );
  } else if (!programme) {
    participation = paragraph(ht('home.next.noProgramme'));
  } else if (programme.myStatus === 'opted_in') {
    participation = (
      <>
        {paragraph(ht('home.next.optedIn', { programme: programme.name }))}
        <ul className={styles.links}>
          <ScreenLink path="/pair">{ht('home.next.pairLink')}</ScreenLink>
          <ScreenLink path="/profile">{ht('home.next.profileLink')}</ScreenLink>
        </ul>
      </>
    );
  } else if (programme.myStatus === 'paused') {
    participation = (
      <>
        {paragraph(ht('home.next.paused', { programme: programme.name }))}
        <ul className={styles.links}>
          <ScreenLink path="/profile">{ht('home.next.resumeLink')}</ScreenLink>
        </ul>
      </>
    );
  } else if (programme.status === 'enrolling') {
    participation = (
      <>
        {paragraph(ht('home.next.volunteer', { programme: programme.name }))}
        <ul className={styles.links}>
          <ScreenLink path="/profile">{ht('home.next.volunteerLink')}</ScreenLink>
        </ul>
      </>
    );
  } else if (programme.canManage || me.roles.includes('lead')) {
    // A lead is not told to ask a lead: their own screen is where programmes are run.
    participation = paragraph(ht('home.next.notEnrollingLead', { programme: programme.name }));
  } else {
    participation = paragraph(ht('home.next.notEnrolling', { programme: programme.name }));
  }

  return (
    <>
      {greet && paragraph(t('home.greeting', { name: me.person.displayName }))}
      {participation}
      {me.roles.includes('manager') && (
        <>
          {paragraph(ht('home.next.manager'))}
          <ul className={styles.links}>
            <ScreenLink path="/approvals">{ht('home.next.approvalsLink')}</ScreenLink>
          </ul>
        </>
      )}
      {me.roles.includes('lead') && (
        <>
          {paragraph(ht('home.next.lead'))}
          <ul className={styles.links}>
            <ScreenLink path="/programmes">{ht('home.next.programmesLink')}</ScreenLink>
            <ScreenLink path="/matching">{ht('home.next.matchingLink')}</ScreenLink>
          </ul>
        </>
      )}
    </>
  );
}
