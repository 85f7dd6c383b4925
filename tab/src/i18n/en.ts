/**
 * The reference catalogue: every user-facing string of the tab, in English. `fr.ts` must have the same
 * keys (the compiler checks it). Keys are grouped by prefix: `app.`, `shell.`, `<screen>.`, `error.`.
 * Placeholders are written `{name}` and are type-checked at each `t()` call. A message with a `{count}`
 * that depends on a number is a plural object (`one`, `other`, optionally `zero`), chosen with
 * `Intl.PluralRules` for the active locale.
 */
export const en = {
  'app.name': 'Mentoring',
  'app.loading': 'Loading…',

  'shell.skipToContent': 'Skip to main content',
  'shell.navLabel': 'Main',
  'shell.language': 'Language',
  'shell.theme': 'Theme',
  'shell.theme.system': 'Automatic',
  'shell.theme.light': 'Light',
  'shell.theme.dark': 'Dark',
  'shell.theme.contrast': 'High contrast',
  'shell.screenFailed': 'This screen could not be loaded. Check your connection and try again.',
  'shell.retry': 'Try again',
  'shell.documentTitle': '{screen} – Mentoring',

  'nav.home': 'Home',

  'home.title': 'Welcome to Mentoring',
  'home.intro':
    'Reverse mentoring pairs a colleague at ease with digital tools with a more experienced colleague, ' +
    'who learns those tools and shares know-how in return.',
  'home.how':
    'Volunteer, tell us what you can share and what you want to learn, and we suggest a partner, ' +
    'a frame for your sessions and time in both your calendars.',
  'home.greeting': 'Hello {name}.',
  'home.health.checking': 'Checking the service…',
  'home.health.up': 'Service available',

  'error.validation_failed':
    'Some information is missing or invalid. Check the highlighted fields.',
  'error.unauthenticated': 'Your session has expired. Sign in again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_found': 'We could not find what you asked for.',
  'error.programme_not_found': 'This programme does not exist or has been removed.',
  'error.profile_not_found': 'This profile does not exist yet.',
  'error.pair_not_found': 'This pair does not exist or has ended.',
  'error.person_not_found': 'We could not find this person in your organisation.',
  'error.not_pair_member': 'Only the two members of this pair can do this.',
  'error.invalid_transition': 'This action is not possible at this stage.',
  'error.version_conflict':
    'Someone changed this in the meantime. Reload to see the latest version, then try again.',
  'error.already_exists': 'This already exists.',
  'error.store_unavailable': 'The data service is unavailable. Try again in a few moments.',
  'error.calendar_unavailable': 'The calendar service is unavailable. Try again in a few moments.',
  'error.proposal_expired': 'This proposal has expired. Ask for a new one.',
  'error.nudge_too_soon':
    'A reminder was already sent in the last 7 days. You can send another one later.',
  'error.offer_taken': 'A colleague already took this request. Thank you!',
  'error.request_not_found': 'This quick-help request does not exist or is not yours.',
  'error.too_many_open_requests':
    'You already have 5 quick-help requests open. Close one before asking another.',
  'error.internal': 'Something went wrong on our side. Try again later.',
  'error.payload_too_large': 'What you sent is too large. Send less at once (a file: split it).',
  'error.unsupported_media_type': 'This request was sent in a format the service does not accept.',
  'error.rate_limited': 'Too many requests in a short time. Wait a moment, then try again.',
  'error.network': 'The service cannot be reached. Check your connection and try again.',
  'error.generic': 'Something went wrong. Try again later.',

  'nav.profile': 'My profile',
  'profile.title': 'My profile',

  'nav.programmes': 'Programmes',
  'programmes.title': 'Programmes',

  'nav.matching': 'Matching',
  'matching.title': 'Matching',

  'nav.proposal': 'My match',
  'proposal.title': 'My match',
  // Planning the pair's sessions (tab/src/screens/scheduling; its own strings: scheduling/i18n.ts).
  'nav.plan': 'Plan our sessions',
  'plan.title': 'Plan our sessions',

  // Pair dashboard and mentor toolkit (tab/src/screens/pair; their own strings: screens/pair/i18n).
  'nav.pair': 'My pair',
  'pair.title': 'My pair',
  'nav.toolkit': 'Mentor toolkit',
  'toolkit.title': 'Mentor toolkit',

  // A manager's approvals of mentoring time (tab/src/screens/approvals; its own strings there).
  'nav.quickHelp': 'Quick help',
  'quickHelp.title': 'Quick help',
  'nav.approvals': 'Approvals',
  'approvals.title': 'Approvals',

  // A lead's follow-up of a running programme and its printable report (tab/src/screens/follow-up
  // and screens/report; their own strings there).
  'nav.followUp': 'Follow-up',
  'followUp.title': 'Programme follow-up',
  'nav.report': 'Report',
  'report.title': 'Programme report',
  'nav.audit': 'Audit log',
  'audit.title': 'Audit log',
} as const;
