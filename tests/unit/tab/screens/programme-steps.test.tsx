import { fireEvent, screen } from '@testing-library/react';
import { ProgrammeSteps } from '../../../../tab/src/screens/programmes/ProgrammeSteps';
import { renderScreen } from './render-screen';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the programme’s steps point the lead to what comes next', () => {
  it('once the programme runs: the follow-up and the printable report, in French', () => {
    renderScreen(<ProgrammeSteps programmeId="prog 1" status="running" />, { locale: 'fr' });
    expect(screen.getByText(/Suivez les binômes, relancez ceux qui calent/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Suivi' })).toHaveAttribute(
      'href',
      '/follow-up?programme=prog%201',
    );
    fireEvent.click(screen.getByRole('link', { name: 'Bilan imprimable' }));
    expect(window.location.pathname + window.location.search).toBe('/report?programme=prog%201');
  });

  it('once closed: its figures and bilan stay available', () => {
    renderScreen(<ProgrammeSteps programmeId="p2" status="closed" />, { locale: 'en' });
    expect(
      screen.getByText(/The programme is over: its figures and bilan stay available/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Printable report' })).toHaveAttribute(
      'href',
      '/report?programme=p2',
    );
  });

  it('before it runs: no follow-up yet', () => {
    renderScreen(<ProgrammeSteps programmeId="p3" status="enrolling" />, { locale: 'en' });
    expect(screen.queryByRole('link', { name: 'Follow-up' })).toBeNull();
  });
});
