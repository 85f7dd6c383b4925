import { screen } from '@testing-library/react';
import type { FeedbackView } from '../../../../src/contracts/pairs';
import { FeedbackHistory } from '../../../../tab/src/screens/pair/FeedbackHistory';
import { PairProvider } from '../../../../tab/src/screens/pair/PairContext';
import { aPairView, aSession, louiseId, pierreId } from './pair-fixtures';
import { renderScreen } from './render-screen';

// Session 1 took place on 20 November 2026. Pierre sent his feedback a week later; Louise hers the
// next day. Both are labelled with the session's date: one rule for both.

function aFeedbackView(overrides: Partial<FeedbackView>): FeedbackView {
  return {
    sessionId: 's1',
    sessionIndex: 1,
    fromId: pierreId,
    toId: louiseId,
    rating: 4,
    worked: 'Clair et concret',
    suggestion: '',
    pairingFit: null,
    at: '2026-11-27T16:00:00.000Z',
    ...overrides,
  };
}

function show(locale: 'en' | 'fr') {
  const pair = aPairView({
    state: 'active',
    sessions: [aSession({ id: 's1', index: 1, start: '2026-11-20T09:00:00.000Z' })],
    feedback: {
      given: [aFeedbackView({})],
      received: [
        aFeedbackView({ fromId: louiseId, toId: pierreId, at: '2026-11-21T08:00:00.000Z' }),
      ],
    },
  });
  return renderScreen(
    <PairProvider initial={{ pair, version: '"v1"', privateNotes: [] }}>
      <FeedbackHistory />
    </PairProvider>,
    { locale },
  );
}

describe('the dates of feedback', () => {
  it('labels feedback given and received with the date of the session it is about', () => {
    const { unmount } = show('en');
    expect(screen.getAllByText('Session 1, 20 November 2026')).toHaveLength(2);
    expect(screen.queryByText(/27 November/)).toBeNull();
    expect(screen.queryByText(/21 November/)).toBeNull();
    unmount();

    show('fr');
    expect(screen.getAllByText('Séance 1, 20 novembre 2026')).toHaveLength(2);
  });
});
