import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { api, ApiError, apiRequest, setTokenProvider } from '../../../tab/src/api/client';
import { describeError, errorMessageKey } from '../../../tab/src/api/errors';
import { createTranslate, formatMessage } from '../../../tab/src/i18n/catalogue';
import { en } from '../../../tab/src/i18n/en';
import { fr } from '../../../tab/src/i18n/fr';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  setTokenProvider(null);
});
afterAll(() => server.close());

const tFr = createTranslate('fr', fr);
const tEn = createTranslate('en', en);

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('API errors', () => {
  it('parses the error body into an ApiError with its code and status', async () => {
    server.use(
      http.put('*/api/profiles/me', () =>
        HttpResponse.json(
          { error: { code: 'version_conflict', message: 'ETag mismatch' } },
          { status: 409 },
        ),
      ),
    );

    const error = await failureOf(api.put('/api/profiles/me', { bio: 'x' }));

    expect(error.code).toBe('version_conflict');
    expect(error.status).toBe(409);
    expect(error.message).toBe('ETag mismatch');
  });

  it.each([
    ['validation_failed', 400, 'Des informations manquent ou sont invalides.'],
    ['unauthenticated', 401, 'Votre session a expiré.'],
    ['forbidden', 403, 'Vous n’avez pas le droit de faire cette action.'],
    ['not_found', 404, 'Nous n’avons pas trouvé ce que vous demandez.'],
    ['version_conflict', 409, 'Quelqu’un a modifié cet élément entre-temps.'],
    ['store_unavailable', 503, 'Le service de données est indisponible.'],
  ])('translates %s (%i) into French', async (code, status, french) => {
    server.use(
      http.get('*/api/thing', () =>
        HttpResponse.json({ error: { code, message: 'in English' } }, { status }),
      ),
    );

    const error = await failureOf(api.get('/api/thing'));

    expect(describeError(error, tFr)).toContain(french);
    expect(describeError(error, tEn)).toBe(en[errorMessageKey(code)]);
  });

  it('uses the generic message for a code it does not know', async () => {
    server.use(
      http.get('*/api/thing', () =>
        HttpResponse.json({ error: { code: 'quantum_flux', message: '?' } }, { status: 400 }),
      ),
    );

    const error = await failureOf(api.get('/api/thing'));

    expect(error.code).toBe('quantum_flux');
    expect(describeError(error, tEn)).toBe('Something went wrong. Try again later.');
    expect(describeError(error, tFr)).toBe('Un problème est survenu. Réessayez plus tard.');
    expect(describeError(new TypeError('boom'), tFr)).toBe(
      'Un problème est survenu. Réessayez plus tard.',
    );
  });

  it('falls back on the status when the body is not the error shape', async () => {
    server.use(
      http.get(
        '*/api/thing',
        () => new HttpResponse('<html>Service Unavailable</html>', { status: 503 }),
      ),
    );

    const error = await failureOf(api.get('/api/thing'));

    expect(error.code).toBe('store_unavailable');
    expect(describeError(error, tEn)).toBe(
      'The data service is unavailable. Try again in a few moments.',
    );
  });

  it('reports an unreachable API as a network error', async () => {
    server.use(http.get('*/api/thing', () => HttpResponse.error()));

    const error = await failureOf(api.get('/api/thing'));

    expect(error.code).toBe('network');
    expect(describeError(error, tFr)).toBe(
      'Le service est injoignable. Vérifiez votre connexion et réessayez.',
    );
  });

  it('does not mistake an object without a code for an error body', async () => {
    server.use(
      http.get('*/api/thing', () => HttpResponse.json({ error: 'nope' }, { status: 403 })),
    );

    expect((await failureOf(api.get('/api/thing'))).code).toBe('forbidden');
  });
});

describe('API client', () => {
  it('sends the bearer token from the token provider', async () => {
    let authorization: string | null = null;
    server.use(
      http.get('*/api/me', ({ request }) => {
        authorization = request.headers.get('Authorization');
        return HttpResponse.json({ id: 'p-1' });
      }),
    );
    setTokenProvider(() => Promise.resolve('sso-token'));

    expect(await api.get('/api/me')).toEqual({ id: 'p-1' });
    expect(authorization).toBe('Bearer sso-token');
  });

  it('asks for no token on public routes and when no provider is set', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get('*/api/health', ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return HttpResponse.json({ status: 'ok', store: 'up' });
      }),
    );
    const provider = vi.fn(() => 'never-used');
    setTokenProvider(provider);

    await api.get('/api/health', { auth: false });
    setTokenProvider(null);
    await api.get('/api/health');

    expect(seen).toEqual([null, null]);
    expect(provider).not.toHaveBeenCalled();
  });

  it('turns a failing token provider into unauthenticated', async () => {
    setTokenProvider(() => Promise.reject(new Error('consent required')));

    const error = await failureOf(api.get('/api/me'));

    expect(error.code).toBe('unauthenticated');
    expect(describeError(error, tEn)).toBe('Your session has expired. Sign in again.');
  });

  it('sends JSON bodies and If-Match, and returns the ETag', async () => {
    let received: { body: unknown; ifMatch: string | null; type: string | null } | null = null;
    server.use(
      http.patch('*/api/profiles/me', async ({ request }) => {
        received = {
          body: await request.json(),
          ifMatch: request.headers.get('If-Match'),
          type: request.headers.get('Content-Type'),
        };
        return HttpResponse.json({ ok: true }, { headers: { ETag: '"v2"' } });
      }),
    );

    const response = await apiRequest('/api/profiles/me', {
      method: 'PATCH',
      body: { bio: 'Hello' },
      ifMatch: '"v1"',
    });

    expect(received).toEqual({ body: { bio: 'Hello' }, ifMatch: '"v1"', type: 'application/json' });
    expect(response).toEqual({ data: { ok: true }, status: 200, etag: '"v2"' });
  });
});

describe('messages', () => {
  it('fills placeholders and picks plural forms by language', () => {
    const people = { zero: 'no one', one: '{count} person', other: '{count} people' };
    expect(formatMessage('en', people, { count: 0 })).toBe('no one');
    expect(formatMessage('en', people, { count: 1 })).toBe('1 person');
    expect(formatMessage('en', people, { count: 1200 })).toBe('1,200 people');
    const personnes = { one: '{count} personne', other: '{count} personnes' };
    // French counts 0 and 1 as singular.
    expect(formatMessage('fr', personnes, { count: 0 })).toBe('0 personne');
    expect(formatMessage('fr', personnes, { count: 2 })).toBe('2 personnes');
    expect(tFr('home.greeting', { name: 'Awa' })).toBe('Bonjour Awa.');
  });
});
