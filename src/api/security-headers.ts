import type { MiddlewareHandler } from 'hono';

/** Hosts that may frame the tab: Teams on the web, desktop and mobile, Outlook and Microsoft 365. */
const teamsFrameAncestors = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

export type SecurityHeaderOptions = {
  /** Local mode also lets loopback pages frame the tab (the e2e Teams-like host). */
  readonly allowLoopbackFraming: boolean;
  /**
   * Behind App Service, which ends TLS and says so in `X-Forwarded-Proto`: a request that came in
   * over HTTPS gets HSTS. Without a trusted proxy the header is not believed.
   */
  readonly trustProxy: boolean;
};

/** The tab's Content-Security-Policy: its own scripts and teams-js, framed by Teams hosts only. */
export function tabContentSecurityPolicy(allowLoopbackFraming: boolean): string {
  const ancestors = ["'self'", ...teamsFrameAncestors];
  if (allowLoopbackFraming) ancestors.push('http://127.0.0.1:*', 'http://localhost:*');
  return [
    "default-src 'self'",
    "script-src 'self' https://res.cdn.office.net",
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/** API answers are data: nothing in them may run, load or be framed. */
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** One year, subdomains included: what App Service's own domain and a custom one both allow. */
const hsts = 'max-age=31536000; includeSubDomains';

/** Headers on every answer: CSP (tab and API), nosniff, referrer policy, HSTS over HTTPS. */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const tabCsp = tabContentSecurityPolicy(options.allowLoopbackFraming);
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header(
      'Content-Security-Policy',
      c.req.path.startsWith('/api/') ? apiContentSecurityPolicy : tabCsp,
    );
    const https =
      new URL(c.req.url).protocol === 'https:' ||
      (options.trustProxy && c.req.header('x-forwarded-proto')?.trim().toLowerCase() === 'https');
    if (https) c.header('Strict-Transport-Security', hsts);
  };
}
