import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { PersonasResponse } from '../../../../src/contracts/identity';
import type { ProfileEditBody, ProfileResponse } from '../../../../src/contracts/profiles';
import { missingForMatching } from '../../../../src/domain/profile';
import type { ProgrammeListResponse } from '../../../../src/contracts/programmes';
import type { Profile } from '../../../../src/domain/profile';
import ProfileScreen from '../../../../tab/src/screens/profile/ProfileScreen';
import { aProfile, aProgramme } from '../../../fixtures/builders';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const programme = aProgramme({ id: 'prog-1', name: 'Mentorat inversé 2027' });
const person = aPersonCard();

const list: ProgrammeListResponse = {
  programmes: [
    {
      id: programme.id,
      name: programme.name,
      description: programme.description,
      startDate: programme.startDate,
      endDate: programme.endDate,
      status: 'enrolling',
      canManage: false,
      myStatus: 'not_joined',
    },
  ],
  canCreateProgrammes: false,
};

const newcomer = (): Profile =>
  aProfile({
    id: person.id,
    programmeId: programme.id,
    teaches: [],
    learns: [],
    availability: [],
    languages: ['fr'],
    optIn: {
      status: 'not_joined',
      history: [],
      consentedAt: undefined,
      consentTextVersion: undefined,
    },
  });

/** A fake of the profile routes that keeps one profile and its version, like the API does. */
function profileApi(initial: Profile, version: string | null) {
  const state = {
    profile: initial,
    version,
    puts: [] as { body: ProfileEditBody; ifMatch: string | null }[],
  };
  const respond = (): ProfileResponse => ({
    profile: state.profile,
    version: state.version,
    person,
    missingForMatching: missingForMatching(state.profile),
  });
  const bump = () => {
    state.version = `"v${Number(state.version?.replace(/\D/g, '') ?? 0) + 1}"`;
  };
  const base = `*/api/programmes/${programme.id}/profile/me`;
  const handlers = [
    http.get('*/api/me', () => HttpResponse.json(aMe({ person }))),
    http.get('*/api/programmes', () => HttpResponse.json(list)),
    http.get(`*/api/programmes/${programme.id}`, () =>
      HttpResponse.json({ canManage: false, programme }),
    ),
    http.get(base, () => HttpResponse.json(respond())),
    http.post(`${base}/opt-in`, async ({ request }) => {
      const body = (await request.json()) as { consentTextVersion: string };
      state.profile = {
        ...state.profile,
        optIn: {
          status: 'opted_in',
          consentTextVersion: body.consentTextVersion,
          consentedAt: '2026-03-02T09:00:00.000Z',
          history: [],
        },
      };
      bump();
      return HttpResponse.json(respond());
    }),
    http.post(`${base}/leave`, () => {
      state.profile = {
        ...state.profile,
        optIn: { status: 'left', leftAt: '2026-03-03T09:00:00.000Z', history: [] },
      };
      bump();
      return HttpResponse.json(respond());
    }),
    http.post(`${base}/pause`, async ({ request }) => {
      const body = (await request.json()) as { until: string };
      state.profile = {
        ...state.profile,
        optIn: { status: 'paused', pausedUntil: `${body.until}T00:00:00.000Z`, history: [] },
      };
      bump();
      return HttpResponse.json(respond());
    }),
    http.put(base, async ({ request }) => {
      const body = (await request.json()) as ProfileEditBody;
      const ifMatch = request.headers.get('If-Match');
      state.puts.push({ body, ifMatch });
      if (ifMatch !== state.version) {
        return HttpResponse.json(
          { error: { code: 'version_conflict', message: 'stale' } },
          { status: 409 },
        );
      }
      state.profile = { ...state.profile, ...body };
      bump();
      return HttpResponse.json(respond());
    }),
  ];
  return { state, handlers };
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

describe('the persona picker outside Teams', { timeout: 20_000 }, () => {
  const personas: PersonasResponse = {
    tenantId: 'tenant-1',
    personas: [
      {
        personId: 'p-5',
        displayName: 'Claire Dubois',
        email: 'claire.dubois@maison-lumiere.example',
        department: 'Ressources humaines',
        jobTitle: 'Responsable développement RH',
        locale: 'fr',
        roleHint: 'lead',
      },
      {
        personId: 'p-19',
        displayName: 'Dominique Faure',
        email: 'dominique.faure@maison-lumiere.example',
        department: 'Opérations',
        jobTitle: 'Responsable logistique',
        locale: 'fr',
        roleHint: 'manager',
      },
      {
        personId: person.id,
        displayName: person.displayName,
        email: person.email,
        department: person.department,
        jobTitle: person.jobTitle,
        locale: 'fr',
        roleHint: 'employee',
      },
    ],
  };

  it('groups the demo people by role, searches, and signs in as the one picked', async () => {
    const { handlers } = profileApi(newcomer(), null);
    let signedInWith: unknown;
    let bearer: string | null = null;
    server.use(
      http.get('*/api/auth/config', () => HttpResponse.json({ devSignIn: true })),
      http.get('*/api/dev/personas', () => HttpResponse.json(personas)),
      http.post('*/api/dev/sign-in', async ({ request }) => {
        signedInWith = await request.json();
        return HttpResponse.json({
          token: 'tok-21',
          tokenType: 'Bearer',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        });
      }),
      http.get('*/api/me', ({ request }) => {
        bearer = request.headers.get('Authorization');
        return HttpResponse.json(aMe({ person }));
      }),
      ...handlers,
    );
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />);

    expect(await screen.findByRole('heading', { name: 'Who are you today?' })).toBeInTheDocument();
    const leads = await screen.findByRole('list', { name: 'Programme leads' });
    expect(within(leads).getByRole('button', { name: /Claire Dubois/ })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Managers' })).toHaveTextContent('Dominique Faure');

    await user.type(screen.getByRole('searchbox', { name: /Search/ }), 'planif');
    expect(screen.getByRole('status')).toHaveTextContent('1 person');
    expect(screen.queryByRole('button', { name: /Claire Dubois/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Sarah Mathieu/ }));

    expect(
      await screen.findByText('Demo mode: you are acting as Sarah Mathieu.'),
    ).toBeInTheDocument();
    expect(signedInWith).toEqual({ personId: person.id });
    expect(bearer).toBe('Bearer tok-21');

    await user.click(screen.getByRole('button', { name: 'Switch persona' }));
    expect(await screen.findByRole('heading', { name: 'Who are you today?' })).toBeInTheDocument();
  });

  it('says to open the app in Teams when development sign-in is off', async () => {
    server.use(http.get('*/api/auth/config', () => HttpResponse.json({ devSignIn: false })));
    renderScreen(<ProfileScreen />);
    expect(
      await screen.findByText('Open Mentoring from Microsoft Teams to sign in.'),
    ).toBeInTheDocument();
  });
});

describe('moving between screens', { timeout: 20_000 }, () => {
  it('shows the signed-in person at once on the next screen, then checks again', async () => {
    signedInAs(person.id, person.displayName);
    let meCalls = 0;
    const { handlers } = profileApi(newcomer(), null);
    server.use(
      http.get('*/api/me', () => {
        meCalls += 1;
        return HttpResponse.json(aMe({ person }));
      }),
      ...handlers,
    );
    const first = renderScreen(<ProfileScreen />);
    await screen.findByText('Demo mode: you are acting as Sarah Mathieu.');
    first.unmount();

    renderScreen(<ProfileScreen />);
    expect(screen.getByText('Demo mode: you are acting as Sarah Mathieu.')).toBeInTheDocument();
    expect(screen.queryByText('Signing you in…')).not.toBeInTheDocument();
    await waitFor(() => expect(meCalls).toBe(2));
  });
});

describe('My profile', { timeout: 20_000 }, () => {
  beforeEach(() => signedInAs(person.id, person.displayName));

  it('shows who the person is from the directory, read-only', async () => {
    server.use(...profileApi(newcomer(), null).handlers);
    renderScreen(<ProfileScreen />, { locale: 'fr' });

    const card = await screen.findByRole('region', { name: 'Sarah Mathieu' });
    expect(card).toHaveTextContent('Planificatrice');
    expect(card).toHaveTextContent('Opérations');
    expect(card).toHaveTextContent('Dominique Faure');
    expect(within(card).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('lets a newcomer join only after agreeing to the versioned consent text', async () => {
    const api = profileApi(newcomer(), null);
    server.use(...api.handlers);
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />, { locale: 'fr' });

    await screen.findByRole('heading', { name: 'Rejoindre « Mentorat inversé 2027 »' });
    // Four paragraphs, each a block of its own (Body1 is inline by default), and the version as a
    // number, not the id the API records.
    const paragraph = screen.getByText(/Je me porte volontaire pour ce programme/);
    expect(paragraph.tagName).toBe('P');
    expect(getComputedStyle(paragraph).display).toBe('block');
    expect(paragraph.parentElement?.querySelectorAll('p')).toHaveLength(5);
    expect(screen.getByText('Texte de consentement, version 1')).toBeInTheDocument();
    const join = screen.getByRole('button', { name: 'Rejoindre le programme' });
    expect(join).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Enregistrer mon profil' }),
    ).not.toBeInTheDocument();

    await user.click(
      screen.getByRole('checkbox', { name: "J'ai lu ce texte et je me porte volontaire" }),
    );
    await user.click(join);

    expect(await screen.findByText('Vous participez')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Votre participation à « Mentorat inversé 2027 »' }),
      ).toHaveFocus(),
    );
    expect(api.state.profile.optIn.consentTextVersion).toBe('consent-v1');
    expect(screen.getByRole('button', { name: 'Enregistrer mon profil' })).toBeInTheDocument();
  });

  it('saves the profile with its ETag and moves focus to the confirmation', async () => {
    const api = profileApi(
      aProfile({ id: person.id, programmeId: programme.id, learns: [] }),
      '"v1"',
    );
    server.use(...api.handlers);
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />, { locale: 'fr' });

    await user.click(
      await screen.findByRole('radio', { name: 'Mentor : je partage ce que je sais' }),
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Ajouter une compétence à apprendre' }),
      'leadership',
    );
    await user.click(screen.getAllByRole('button', { name: 'Ajouter' })[1]!);
    await user.click(screen.getByRole('textbox', { name: 'Mon objectif en Leadership' }));
    await user.paste('Animer une équipe');
    await user.click(screen.getByRole('textbox', { name: 'Quelques mots sur moi' }));
    await user.paste('Planificatrice à Paris.');
    expect(screen.getByText('23 / 500 caractères')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));

    const saved = await screen.findByText('Votre profil est enregistré.');
    await waitFor(() => expect(saved.closest('[tabindex="-1"]')).toHaveFocus());
    expect(api.state.puts).toHaveLength(1);
    expect(api.state.puts[0]!.ifMatch).toBe('"v1"');
    expect(api.state.puts[0]!.body).toMatchObject({
      roleWish: 'mentor',
      learns: [{ skillId: 'leadership', level: 1, goal: 'Animer une équipe' }],
      bio: 'Planificatrice à Paris.',
    });
  });

  it('tells a mentor how many people they can mentor at once, and a mentee nothing of it', async () => {
    const api = profileApi(
      aProfile({ id: person.id, programmeId: programme.id, roleWish: 'mentor', mentorCapacity: 2 }),
      '"v1"',
    );
    server.use(...api.handlers);
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />, { locale: 'en' });
    const capacity = 'As a mentor, you can mentor up to 2 people at a time.';
    expect(await screen.findByText(capacity)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /^Mentee/ }));
    expect(screen.queryByText(capacity)).toBeNull();
  });

  it('saves an empty profile but says what matching still needs, in both languages', async () => {
    const empty = aProfile({
      id: person.id,
      programmeId: programme.id,
      roleWish: 'mentee',
      teaches: [],
      learns: [],
      availability: [],
    });
    for (const [locale, text] of [
      [
        'fr',
        'Votre profil est enregistré. Pour être mis en binôme, il vous manque encore une compétence à apprendre et des heures disponibles dans la semaine.',
      ],
      [
        'en',
        'Your profile is saved. To be matched you still need a skill to learn and some hours available in the week.',
      ],
    ] as const) {
      const api = profileApi(empty, '"v1"');
      server.use(...api.handlers);
      const user = userEvent.setup();
      const { unmount } = renderScreen(<ProfileScreen />, { locale });
      await user.click(
        await screen.findByRole('button', {
          name: locale === 'fr' ? 'Enregistrer mon profil' : 'Save my profile',
        }),
      );
      const saved = await screen.findByText(text);
      expect(saved.closest('[role="status"]')).not.toBeNull();
      expect(api.state.puts).toHaveLength(1);
      unmount();
    }
  });

  it('on a version conflict keeps what was typed and reloads the rest before saving again', async () => {
    const api = profileApi(aProfile({ id: person.id, programmeId: programme.id }), '"v1"');
    server.use(...api.handlers);
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />, { locale: 'fr' });

    const bio = await screen.findByRole('textbox', { name: 'Quelques mots sur moi' });
    await user.click(bio);
    await user.paste('Texte tapé ici');
    // Meanwhile the same person changes their work mode from another window.
    api.state.profile = { ...api.state.profile, workMode: 'remote' };
    api.state.version = '"v2"';
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));

    expect(await screen.findByText('Votre profil a été modifié ailleurs')).toBeInTheDocument();
    expect(bio).toHaveValue('Texte tapé ici');

    await user.click(
      screen.getByRole('button', {
        name: 'Charger la dernière version en gardant mes modifications',
      }),
    );
    expect(await screen.findByText(/La dernière version est chargée/)).toBeInTheDocument();
    expect(bio).toHaveValue('Texte tapé ici');
    expect(screen.getByRole('radio', { name: 'À distance' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));
    expect(await screen.findByText('Votre profil est enregistré.')).toBeInTheDocument();
    expect(api.state.puts.at(-1)).toMatchObject({
      ifMatch: '"v2"',
      body: { bio: 'Texte tapé ici', workMode: 'remote' },
    });
  });

  it('explains a missing language in French and sends nothing', async () => {
    const api = profileApi(
      aProfile({ id: person.id, programmeId: programme.id, languages: ['fr'] }),
      '"v1"',
    );
    server.use(...api.handlers);
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />, { locale: 'fr' });

    await user.click(await screen.findByRole('checkbox', { name: 'Français' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));

    const alert = await screen.findByText("Votre profil n'a pas été enregistré. Vérifiez :");
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      'Choisissez au moins une langue dans laquelle vous pouvez échanger.',
    );
    expect(api.state.puts).toHaveLength(0);
  });

  it("puts the server's validation issues on the fields, in the user's language", async () => {
    const api = profileApi(aProfile({ id: person.id, programmeId: programme.id }), '"v1"');
    server.use(
      http.put(`*/api/programmes/${programme.id}/profile/me`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Invalid profile',
              details: { issues: [{ path: 'availability.1', message: 'slots overlap' }] },
            },
          },
          { status: 400 },
        ),
      ),
      ...api.handlers,
    );
    const user = userEvent.setup();
    renderScreen(<ProfileScreen />, { locale: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Save my profile' }));
    expect(
      await screen.findAllByText(
        'Some free periods overlap or are not valid times. Check your week.',
      ),
    ).not.toHaveLength(0);
    expect(screen.queryByText('slots overlap')).not.toBeInTheDocument();
  });

  it('leaves the programme after confirming, and offers to join again', async () => {
    const api = profileApi(aProfile({ id: person.id, programmeId: programme.id }), '"v1"');
    server.use(...api.handlers);
    renderScreen(<ProfileScreen />, { locale: 'en' });

    fireEvent.click(await screen.findByRole('button', { name: 'Leave the programme' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave the programme?' });
    expect(dialog).toHaveTextContent('Your history is kept');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave' }));

    expect(await screen.findByRole('button', { name: 'Join again' })).toBeInTheDocument();
    expect(api.state.profile.optIn.status).toBe('left');
    expect(screen.getByText(/You left the programme on/)).toBeInTheDocument();
  });

  it('pauses only until a future date', async () => {
    const api = profileApi(aProfile({ id: person.id, programmeId: programme.id }), '"v1"');
    server.use(...api.handlers);
    renderScreen(<ProfileScreen />, { locale: 'en' });

    const until = await screen.findByLabelText('Pause until');
    fireEvent.change(until, { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Choose a date after today.')).toBeInTheDocument();
    expect(api.state.profile.optIn.status).toBe('opted_in');

    const next = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(until, { target: { value: next } });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText(/Paused until/)).toBeInTheDocument();
    expect(api.state.profile.optIn.pausedUntil).toBe(`${next}T00:00:00.000Z`);
  });
});
