import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { Locale } from '../locale';
import { cardStrings, type NudgeKind } from './card-strings';
import {
  fill,
  formatDateTime,
  formatDay,
  formatFrequency,
  formatMinutes,
  type CardFrequency,
} from './format';
import {
  approvalOutcomeTemplate,
  approvalRequestTemplate,
  approvalSupersededTemplate,
  feedbackTemplate,
  feedbackThanksTemplate,
  helpTemplate,
  nudgeTemplate,
  refusalTemplate,
  reminderTemplate,
  welcomeTemplate,
} from './templates';

/** An expanded Adaptive Card, ready to attach. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

// Parsing a template costs ~1.5 ms, expanding a parsed one ~0.05 ms: parse each once.
const parsed = new WeakMap<object, Template>();

function expand(template: object, data: Record<string, unknown>): AdaptiveCardJson {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new Template(template);
    parsed.set(template, compiled);
  }
  return prune(compiled.expand({ $root: data })) as AdaptiveCardJson;
}

/** Drops what a false `$when` leaves behind: null properties and empty action lists. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue;
    if (key === 'actions' && Array.isArray(child) && child.length === 0) continue;
    out[key] = prune(child);
  }
  return out;
}

/** The card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** Greets a person when the app is installed or on their first message. */
export function welcomeCard(locale: Locale, data: { name: string }): AdaptiveCardJson {
  const s = cardStrings[locale].welcome;
  return expand(welcomeTemplate, {
    title: data.name.trim() ? fill(s.title, { name: data.name.trim() }) : s.titleNoName,
    body: s.body,
    hint: s.hint,
    nextSessionLabel: s.nextSession,
    nextSessionCommand: cardStrings[locale].help.commands[0].command,
    helpLabel: s.help,
    helpCommand: locale === 'fr' ? 'aide' : 'help',
  });
}

/** The list of commands, with buttons for the two most used. */
export function helpCard(locale: Locale): AdaptiveCardJson {
  const s = cardStrings[locale].help;
  return expand(helpTemplate, {
    title: s.title,
    commands: s.commands.map((c) => ({ command: c.command, description: c.description })),
    nextSessionLabel: s.nextSession,
    nextSessionCommand: s.commands[0].command,
    feedbackLabel: s.feedback,
    feedbackCommand: 'feedback',
  });
}

/** The dedicated time asked of a manager (mirrors the domain's ApprovalRequest). */
export type TimeRequested = {
  sessions: number;
  durationMinutes: number;
  frequency: CardFrequency;
  /** First and last session days, `YYYY-MM-DD`. */
  from: string;
  to: string;
};

export type ApprovalCardData = {
  approvalId: string;
  tenantId: string;
  personName: string;
  partnerName: string;
  programmeName: string;
  request: TimeRequested;
  /** Teams user ids (29:…) whose client refreshes the card automatically: the manager's. */
  refreshUserIds?: string[];
};

function approvalFacts(locale: Locale, data: ApprovalCardData) {
  const s = cardStrings[locale].approval;
  const { request } = data;
  return [
    { title: s.who, value: data.personName },
    { title: s.with, value: data.partnerName },
    { title: s.programme, value: data.programmeName },
    {
      title: s.time,
      value: fill(s.timeValue, {
        sessions: request.sessions,
        duration: formatMinutes(request.durationMinutes, locale),
        frequency: formatFrequency(request.frequency, locale),
        total: formatMinutes(request.sessions * request.durationMinutes, locale),
      }),
    },
    {
      title: s.period,
      value: fill(s.periodValue, {
        from: formatDay(request.from, locale),
        to: formatDay(request.to, locale),
      }),
    },
  ];
}

/** Asks the manager to approve or decline (Action.Execute), with a comment box. */
export function approvalRequestCard(
  locale: Locale,
  data: ApprovalCardData & { error?: 'decline_needs_comment' },
): AdaptiveCardJson {
  const s = cardStrings[locale].approval;
  return expand(approvalRequestTemplate, {
    approvalId: data.approvalId,
    tenantId: data.tenantId,
    refreshUserIds: data.refreshUserIds ?? [],
    title: s.title,
    intro: fill(s.intro, { person: data.personName }),
    facts: approvalFacts(locale, data),
    error: data.error === 'decline_needs_comment' ? s.declineNeedsComment : '',
    commentLabel: s.commentLabel,
    commentPlaceholder: fill(s.commentPlaceholder, { person: data.personName }),
    approveLabel: s.approve,
    declineLabel: s.decline,
  });
}

/** The request once decided: what was decided, by whom, when, with the comment. */
export function approvalOutcomeCard(
  locale: Locale,
  data: ApprovalCardData & {
    status: 'approved' | 'declined';
    managerName: string;
    decidedAt: string;
    comment?: string;
    timeZone?: string;
    /** Shown when a second click found the decision already taken. */
    alreadyDecided?: boolean;
  },
): AdaptiveCardJson {
  const s = cardStrings[locale].outcome;
  const approved = data.status === 'approved';
  return expand(approvalOutcomeTemplate, {
    approvalId: data.approvalId,
    tenantId: data.tenantId,
    refreshUserIds: data.refreshUserIds ?? [],
    title: approved ? s.approvedTitle : s.declinedTitle,
    facts: approvalFacts(locale, data),
    decidedBy: fill(approved ? s.approvedBy : s.declinedBy, {
      manager: data.managerName,
      date: formatDateTime(data.decidedAt, locale, data.timeZone),
    }),
    color: approved ? 'Good' : 'Attention',
    comment: data.comment ? fill(s.comment, { comment: data.comment }) : '',
    note: data.alreadyDecided ? s.alreadyDecided : '',
  });
}

/**
 * A request replaced by a newer one (the pair changed its agreement and signed it again while it
 * waited): what it asked, that it was replaced, and no buttons. `clicked`: a button of the old card
 * was pressed (nothing was decided).
 */
export function approvalSupersededCard(
  locale: Locale,
  data: ApprovalCardData & { supersededAt: string; timeZone?: string; clicked?: boolean },
): AdaptiveCardJson {
  const s = cardStrings[locale].superseded;
  return expand(approvalSupersededTemplate, {
    title: s.title,
    body: fill(s.body, { person: data.personName, partner: data.partnerName }),
    facts: approvalFacts(locale, data),
    replacedOn: fill(s.replacedOn, {
      date: formatDateTime(data.supersededAt, locale, data.timeZone),
    }),
    note: data.clicked ? s.clicked : '',
  });
}

/** Told to anyone but the manager who presses a button on an approval card. */
export function refusalCard(locale: Locale, data: { managerName: string }): AdaptiveCardJson {
  const s = cardStrings[locale].refusal;
  return expand(refusalTemplate, {
    title: s.title,
    body: fill(s.body, { manager: data.managerName }),
  });
}

export type ReminderCardData = {
  partnerName: string;
  startsAt: string;
  durationMinutes: number;
  /** How long before the session the reminder is sent, in minutes. */
  leadMinutes: number;
  timeZone?: string;
  topic?: string;
  joinUrl?: string;
};

/** A session reminder (default 24 h and 15 min before). */
export function reminderCard(locale: Locale, data: ReminderCardData): AdaptiveCardJson {
  const s = cardStrings[locale].reminder;
  return expand(reminderTemplate, {
    title: data.leadMinutes <= 60 ? fill(s.soonTitle, { minutes: data.leadMinutes }) : s.laterTitle,
    body: fill(s.body, {
      partner: data.partnerName,
      when: formatDateTime(data.startsAt, locale, data.timeZone),
      duration: formatMinutes(data.durationMinutes, locale),
    }),
    topic: data.topic ? fill(s.topic, { topic: data.topic }) : '',
    joinUrl: data.joinUrl ?? '',
    joinLabel: s.join,
  });
}

export type NudgeCardData = {
  kind: NudgeKind;
  tenantId: string;
  partnerName: string;
  /** A day (`YYYY-MM-DD`) the sentence refers to: the session, the expiry. */
  day?: string;
  pairId?: string;
  sessionId?: string;
  /** Where the action button leads (a Teams deep link to the tab). */
  url?: string;
  /** The programme's name (the lead's nudge and the invitation reminder). */
  programmeName?: string;
  /** Who sends the lead's nudge (else it comes from "the programme team"). */
  leadName?: string;
  /** Why the lead nudged (an at-risk reason code): what the message asks the pair to do. */
  reason?: string;
};

/** What a lead's nudge asks, by the at-risk reason it was sent for. */
function leadNudgeAsk(reason: string | undefined): 'meet' | 'approval' | 'agreement' {
  if (reason === 'approval_pending_7_days') return 'approval';
  if (reason === 'agreement_unsigned_14_days') return 'agreement';
  return 'meet';
}

/** A nudge: one of the situations of issue 7 that needs the person to act. */
export function nudgeCard(locale: Locale, data: NudgeCardData): AdaptiveCardJson {
  const s = cardStrings[locale].nudge[data.kind];
  const feedback = data.kind === 'feedback_pending' && data.pairId && data.sessionId;
  const body =
    data.kind === 'lead_nudge' && data.leadName
      ? cardStrings[locale].nudge.lead_nudge.bodyByLead
      : s.body;
  return expand(nudgeTemplate, {
    title: fill(s.title, { programme: data.programmeName ?? '' }),
    body: fill(body, {
      ask:
        data.kind === 'lead_nudge'
          ? cardStrings[locale].nudge.lead_nudge.asks[leadNudgeAsk(data.reason)]
          : '',
      lead: data.leadName ?? '',
      programme: data.programmeName ?? '',
      partner: data.partnerName,
      date: data.day ? formatDay(data.day, locale) : '',
    }),
    actionKind: feedback ? 'feedback' : data.url ? 'url' : 'none',
    actionLabel: s.action,
    actionUrl: data.url ?? '',
    pairId: data.pairId ?? '',
    sessionId: data.sessionId ?? '',
    tenantId: data.tenantId,
  });
}

export type FeedbackCardData = {
  tenantId: string;
  pairId: string;
  sessionId: string;
  partnerName: string;
  /** The session's day, `YYYY-MM-DD`. */
  day: string;
  error?: 'rating_required';
};

/** Post-session feedback: a rating from 1 to 4, what worked, one suggestion. */
export function feedbackCard(locale: Locale, data: FeedbackCardData): AdaptiveCardJson {
  const s = cardStrings[locale].feedback;
  return expand(feedbackTemplate, {
    tenantId: data.tenantId,
    pairId: data.pairId,
    sessionId: data.sessionId,
    title: s.title,
    intro: fill(s.intro, { partner: data.partnerName, date: formatDay(data.day, locale) }),
    error: data.error === 'rating_required' ? s.ratingError : '',
    ratingLabel: s.ratingLabel,
    ratingError: s.ratingError,
    ratings: s.ratings.map((title, index) => ({ title, value: String(index + 1) })),
    workedLabel: s.workedLabel,
    workedPlaceholder: s.workedPlaceholder,
    suggestionLabel: s.suggestionLabel,
    suggestionPlaceholder: s.suggestionPlaceholder,
    shareLabel: s.shareLabel,
    submitLabel: s.submit,
  });
}

/** Replaces the feedback card once the feedback is saved. */
export function feedbackThanksCard(
  locale: Locale,
  data: { partnerName: string; day: string; rating: number },
): AdaptiveCardJson {
  const s = cardStrings[locale].feedback;
  return expand(feedbackThanksTemplate, {
    title: s.thanksTitle,
    body: fill(s.thanksBody, {
      date: formatDay(data.day, locale),
      partner: data.partnerName,
      rating: data.rating,
    }),
  });
}
