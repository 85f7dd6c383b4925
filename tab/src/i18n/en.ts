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
  'error.internal': 'Something went wrong on our side. Try again later.',
  'error.network': 'The service cannot be reached. Check your connection and try again.',
  'error.generic': 'Something went wrong. Try again later.',

  'nav.profile': 'My profile',
  'profile.title': 'My profile',

  'nav.programmes': 'Programmes',
  'programmes.title': 'Programmes',

  'nav.matching': 'Matching',
  'matching.title': 'Matching',
  'matching.intro':
    'Run matching for a programme, review the proposed pairs, then publish them to the people concerned.',
  'matching.leadsOnly': 'Only programme leads can run matching.',
  'matching.loading': 'Loading matching…',
  'matching.programme': 'Programme',
  'matching.noProgramme': 'You do not lead any open programme yet.',
  'matching.run': 'Run matching',
  'matching.rerun': 'Run again, keeping kept pairs',
  'matching.progressLabel': 'Matching progress',
  'matching.running': 'Matching in progress: {progress} %. You can leave this page: it goes on.',
  'matching.phase.queued': 'Waiting to start',
  'matching.phase.loading': 'Reading the volunteers',
  'matching.phase.solving': 'Finding the best pairs',
  'matching.phase.saving': 'Saving the proposals',
  'matching.phase.done': 'Done',
  'matching.runFailed': 'The matching run failed. Try again.',
  'matching.runDone':
    'Last run: {proposals} new proposals, {unmatched} people without a partner, total score {score} (best possible at most {bound}).',
  'matching.acceptAll': 'Accept all',
  'matching.publish': 'Publish',
  'matching.publish.title': 'Publish the proposals?',
  'matching.publish.body': {
    one: '{count} proposal will be shown to the two people concerned. They will have {days} days to answer.',
    other:
      '{count} proposals will be shown to the people concerned. They will have {days} days to answer.',
  },
  'matching.publish.confirm': 'Publish',
  'matching.cancel': 'Cancel',
  'matching.published': {
    one: '{count} proposal published. Answers are due by {date}.',
    other: '{count} proposals published. Answers are due by {date}.',
  },
  'matching.nothingToPublish': 'Nothing to publish: every proposal is already published.',
  'matching.swap': 'Swap mentees',
  'matching.swapHint': 'Select two draft proposals to swap their mentees.',
  'matching.pin': 'Pin',
  'matching.pinLabel': 'Pin the pair {mentor} and {mentee}',
  'matching.block': 'Block',
  'matching.blockLabel': 'Block the pair {mentor} and {mentee}',
  'matching.selectLabel': 'Select the proposal {mentor} and {mentee}',
  'matching.proposals': 'Proposals',
  'matching.noProposals': 'No proposals yet: run matching.',
  'matching.col.select': 'Select',
  'matching.col.mentor': 'Mentor',
  'matching.col.mentee': 'Mentee',
  'matching.col.score': 'Score',
  'matching.col.reasons': 'Why',
  'matching.col.status': 'Status',
  'matching.col.actions': 'Actions',
  'matching.col.person': 'Person',
  'matching.score': '{score} / 100',
  'matching.status.draft': 'Draft',
  'matching.status.kept': 'Kept',
  'matching.status.pinned': 'Pinned',
  'matching.status.published': 'Awaiting answers',
  'matching.status.accepted': 'Accepted by both',
  'matching.answers': 'Mentor: {mentor} · Mentee: {mentee}',
  'matching.answer.none': 'no answer yet',
  'matching.answer.accepted': 'accepted',
  'matching.answer.declined': 'declined',
  'matching.unmatched': 'People without a partner',
  'matching.noUnmatched': 'Everyone has a partner.',
  'matching.moreUnmatched': { one: 'And {count} more person.', other: 'And {count} more people.' },
  'matching.needsRerun': 'Your pins and blocks take effect at the next run: run matching again.',
  'matching.counts':
    '{drafts} drafts, {published} awaiting answers, {accepted} accepted, {declined} declined, {expired} expired.',
  'matching.refused': 'This change would break a rule of matching:',
  'matching.violation.same_person': 'the same person on both sides',
  'matching.violation.cannot_mentor': 'the mentor did not volunteer as a mentor',
  'matching.violation.cannot_be_mentored': 'the mentee did not volunteer as a mentee',
  'matching.violation.inactive': 'one of them has paused or left',
  'matching.violation.no_common_skill': 'nothing the mentor teaches is wanted by the mentee',
  'matching.violation.no_common_language': 'no common language',
  'matching.violation.no_overlap': 'not enough common availability for one session a week',
  'matching.violation.same_reporting_line': 'one is in the other’s management chain',
  'matching.violation.previous_partners': 'they were partners before',
  'matching.violation.blocked': 'the pair is blocked',

  'nav.proposal': 'My match',
  'proposal.title': 'My match',
  'proposal.intro': 'The partner proposed to you, why, and your answer.',
  'proposal.loading': 'Loading your proposal…',
  'proposal.none':
    'No proposal for you yet. It will appear here as soon as the programme lead publishes the pairs.',
  'proposal.youMentor': 'You would mentor {name}',
  'proposal.youAreMentored': '{name} would mentor you',
  'proposal.programme': 'Programme: {name}',
  'proposal.languages': 'Speaks: {languages}',
  'proposal.timeZone': 'Time zone: {zone}',
  'proposal.why': 'Why this pairing',
  'proposal.deadline': 'Answer by {date}',
  'proposal.accept': 'Accept',
  'proposal.decline': 'Decline',
  'proposal.acceptLabel': 'Accept the pairing with {name}',
  'proposal.declineLabel': 'Decline the pairing with {name}',
  'proposal.accept.title': 'Accept this pairing?',
  'proposal.accept.body':
    'You agree to pair with {name} in {programme}. Once you have both accepted, your pair is formed.',
  'proposal.decline.title': 'Decline this pairing?',
  'proposal.decline.body':
    'We will look for someone else for you and for {name}. You cannot undo this.',
  'proposal.confirmAccept': 'Yes, accept',
  'proposal.confirmDecline': 'Yes, decline',
  'proposal.cancel': 'Cancel',
  'proposal.waiting': 'You accepted. We are waiting for {name}’s answer.',
  'proposal.paired': 'You have both accepted: your pair is formed.',
  'proposal.declined':
    'This pairing was declined. A new proposal follows when a good partner is available.',
  'proposal.expired':
    'The time to answer ran out. A new proposal follows when a good partner is available.',
  // Planning the pair's sessions (tab/src/screens/scheduling; its own strings: scheduling/i18n.ts).
  'nav.plan': 'Plan our sessions',
  'plan.title': 'Plan our sessions',

  // Pair dashboard and mentor toolkit (tab/src/screens/pair; their own strings: screens/pair/i18n).
  'nav.pair': 'My pair',
  'pair.title': 'My pair',
  'nav.toolkit': 'Mentor toolkit',
  'toolkit.title': 'Mentor toolkit',
} as const;
