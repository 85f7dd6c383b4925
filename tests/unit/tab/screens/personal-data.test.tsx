import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { EraseResponse, RetentionResponse } from '../../../../src/contracts/privacy';
import { PersonalData } from '../../../../tab/src/screens/profile/PersonalData';
import { RetentionPanel } from '../../../../tab/src/screens/programmes/RetentionPanel';
import { renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const erased: EraseResponse = {
  erased: true,
  pairsEnded: 1,
  proposalsWithdrawn: 2,
  documentsDeleted: 9,
  documentsRewritten: 4,
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs('p-28', 'Yanis Benali'));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

/** Records the erase requests and answers them with `reply`. */
function eraseApi(reply: () => Response) {
  const bodies: unknown[] = [];
  server.use(
    http.post('*/api/me/erase', async ({ request }) => {
      bodies.push(await request.json());
      return reply();
    }),
  );
  return bodies;
}

describe('My profile: erasing your data', () => {
  it('asks for an explicit confirmation: nothing is sent until the box is ticked', async () => {
    const bodies = eraseApi(() => HttpResponse.json(erased));
    renderScreen(<PersonalData />);
    fireEvent.click(await screen.findByRole('button', { name: 'Erase my data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase all your data?' });
    expect(within(dialog).getByText(/This cannot be undone/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase my data' }));
    expect(await within(dialog).findByText('Tick the box to confirm.')).toBeInTheDocument();
    expect(bodies).toEqual([]);

    fireEvent.click(
      within(dialog).getByRole('checkbox', { name: 'I understand that this is permanent' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase my data' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ confirm: true }]);
    expect(
      screen.getByText(
        'Your data was erased: 1 pair(s) ended, 2 proposal(s) withdrawn. You can close Mentoring.',
      ),
    ).toBeInTheDocument();
    // Nothing more to erase from here. (`hidden`: jsdom may still see the page as hidden by the
    // closed dialog; the e2e test checks the real page afterwards.)
    expect(screen.getByRole('button', { name: 'Erase my data…', hidden: true })).toBeDisabled();
  });

  it('cancelling sends nothing and forgets the ticked box', async () => {
    const bodies = eraseApi(() => HttpResponse.json(erased));
    renderScreen(<PersonalData />);
    fireEvent.click(await screen.findByRole('button', { name: 'Erase my data…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    fireEvent.click(await screen.findByRole('button', { name: 'Erase my data…' }));
    const again = await screen.findByRole('dialog');
    expect(await within(again).findByRole('checkbox')).not.toBeChecked();
    expect(bodies).toEqual([]);
  });

  it('in French, and a failure keeps the dialog open saying nothing was changed', async () => {
    eraseApi(() =>
      HttpResponse.json({ error: { code: 'store_unavailable', message: 'down' } }, { status: 503 }),
    );
    renderScreen(<PersonalData />, { locale: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer mes données…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Effacer toutes vos données ?' });
    expect(within(dialog).getByText(/« ancien participant »/)).toBeInTheDocument();
    fireEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Je comprends que c’est définitif' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Effacer mes données' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/Rien n’a été modifié/);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('downloads the export as a file', async () => {
    server.use(
      http.get('*/api/me/export', () =>
        HttpResponse.json(
          { format: 'mentoring-personal-data' },
          {
            headers: { 'content-disposition': 'attachment; filename="mentoring-data.json"' },
          },
        ),
      ),
    );
    const created: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    try {
      renderScreen(<PersonalData />);
      fireEvent.click(screen.getByRole('button', { name: 'Download my data (JSON)' }));
      expect(await screen.findByText('Your file was downloaded.')).toBeInTheDocument();
      expect(JSON.parse(await created[0]!.text())).toEqual({ format: 'mentoring-personal-data' });
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  });
});

describe('Programmes: how long personal data is kept', () => {
  const closed: RetentionResponse = {
    programmeId: 'prog-1',
    retentionMonths: 12,
    isDefault: true,
    closedAt: '2027-01-13T09:00:00.000Z',
    purgeAt: '2028-01-13T09:00:00.000Z',
    purgedAt: null,
    anonymousSummary: null,
    version: '"r1"',
  };

  it('says when the data will be erased, and saves a new period with its version', async () => {
    const puts: { body: unknown; ifMatch: string | null }[] = [];
    server.use(
      http.get('*/api/programmes/prog-1/retention', () => HttpResponse.json(closed)),
      http.put('*/api/programmes/prog-1/retention', async ({ request }) => {
        puts.push({ body: await request.json(), ifMatch: request.headers.get('if-match') });
        return HttpResponse.json({
          ...closed,
          retentionMonths: 6,
          isDefault: false,
          purgeAt: '2027-07-13T09:00:00.000Z',
          version: '"r2"',
        });
      }),
    );
    renderScreen(<RetentionPanel programmeId="prog-1" status="closed" />, { locale: 'fr' });
    expect(await screen.findByText(/seront effacées le 13 janvier 2028/)).toBeInTheDocument();
    const months = screen.getByRole('spinbutton', {
      name: 'Mois de conservation après la clôture',
    });
    fireEvent.change(months, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la durée' }));
    expect(
      await screen.findByText('Saisissez un nombre entier de mois, de 1 à 120.'),
    ).toBeInTheDocument();
    expect(puts).toEqual([]);
    fireEvent.change(months, { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la durée' }));
    expect(await screen.findByText(/seront effacées le 13 juillet 2027/)).toBeInTheDocument();
    expect(puts).toEqual([{ body: { retentionMonths: 6 }, ifMatch: '"r1"' }]);
  });
});
