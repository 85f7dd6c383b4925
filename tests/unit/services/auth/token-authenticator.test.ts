import { fixedClock } from '../../../../src/domain/clock';
import { isDomainError } from '../../../../src/domain/errors';
import { DevTokenIssuer } from '../../../../src/local/dev-sign-in';
import { TokenAuthenticator } from '../../../../src/services/auth/token-authenticator';

const clock = fixedClock('2026-11-26T08:00:00Z');
const claims = {
  tid: 'tenant-1',
  oid: 'person-1',
  name: 'Ana Lopez',
  preferred_username: 'Ana.Lopez@Contoso.com',
  roles: [] as string[],
};

describe('the token authenticator', () => {
  it('turns a development token into a principal, a lead by configured e-mail', async () => {
    const dev = new DevTokenIssuer({ clock });
    const auth = new TokenAuthenticator({ dev, leadEmails: ['ana.lopez@contoso.com'], clock });
    const { token } = await dev.issue(claims);
    await expect(auth.authenticate(token, { loopback: true })).resolves.toEqual({
      tenantId: 'tenant-1',
      personId: 'person-1',
      name: 'Ana Lopez',
      email: 'ana.lopez@contoso.com',
      appRoles: [],
      isTenantLead: true,
      signIn: 'dev',
    });
  });

  it('refuses a development token that does not come from this machine', async () => {
    const dev = new DevTokenIssuer({ clock });
    const auth = new TokenAuthenticator({ dev, leadEmails: [], clock });
    const { token } = await dev.issue(claims);
    const error = await auth.authenticate(token, { loopback: false }).catch((e: unknown) => e);
    expect(isDomainError(error, 'unauthenticated')).toBe(true);
  });

  it('refuses an expired development token', async () => {
    const later = fixedClock('2026-11-26T08:00:00Z');
    const dev = new DevTokenIssuer({ clock: later });
    const auth = new TokenAuthenticator({ dev, leadEmails: [], clock: later });
    const { token, expiresAt } = await dev.issue(claims);
    later.set(new Date(new Date(expiresAt).getTime() + 1000));
    await expect(auth.authenticate(token, { loopback: true })).rejects.toThrow(/expired/);
  });

  it('verifies a token once, and again only once it has expired', async () => {
    const later = fixedClock('2026-11-26T08:00:00Z');
    const dev = new DevTokenIssuer({ clock: later });
    const verify = vi.spyOn(dev, 'verify');
    const auth = new TokenAuthenticator({ dev, leadEmails: [], clock: later });
    const { token, expiresAt } = await dev.issue(claims);
    const first = await auth.authenticate(token, { loopback: true });
    await expect(auth.authenticate(token, { loopback: true })).resolves.toEqual(first);
    expect(verify).toHaveBeenCalledTimes(1);
    later.set(new Date(new Date(expiresAt).getTime() + 1000));
    await expect(auth.authenticate(token, { loopback: true })).rejects.toThrow(/expired/);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('refuses a development token it already verified when it comes from another machine', async () => {
    const dev = new DevTokenIssuer({ clock });
    const auth = new TokenAuthenticator({ dev, leadEmails: [], clock });
    const { token } = await dev.issue(claims);
    await auth.authenticate(token, { loopback: true });
    const error = await auth.authenticate(token, { loopback: false }).catch((e: unknown) => e);
    expect(isDomainError(error, 'unauthenticated')).toBe(true);
  });

  it('refuses every token when neither sign-in is configured', async () => {
    const dev = new DevTokenIssuer({ clock });
    const { token } = await dev.issue(claims);
    const auth = new TokenAuthenticator({ leadEmails: [], clock });
    await expect(auth.authenticate(token, { loopback: true })).rejects.toThrow(/not configured/);
    await expect(auth.authenticate('garbage', { loopback: true })).rejects.toThrow(/not a JWT/);
  });
});
