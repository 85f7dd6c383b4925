/**
 * Adaptive Card 1.5 templates (adaptivecards-templating). Every visible string comes from the data
 * (`${...}`), prepared in fr or en by cards.ts; the templates hold the layout and the actions.
 */

/** Verbs of the Action.Execute buttons the bot handles (each owned by a bot/features/ module). */
export const verbs = {
  approve: 'approval.approve',
  decline: 'approval.decline',
  refreshApproval: 'approval.refresh',
  submitFeedback: 'feedback.submit',
  openFeedback: 'feedback.open',
  buddyAccept: 'buddy.accept',
  buddyPass: 'buddy.pass',
  buddyRefresh: 'buddy.refresh',
  buddyBook: 'buddy.book',
  buddyClose: 'buddy.close',
  buddyWiden: 'buddy.widen',
} as const;

export type CardVerb = (typeof verbs)[keyof typeof verbs];

const schema = 'http://adaptivecards.io/schemas/adaptive-card.json';

const title = (text: string) => ({
  type: 'TextBlock',
  text,
  size: 'Medium',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});

const paragraph = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** An Action.Submit that posts text as if the person typed it (Teams imBack). */
const typeCommand = (titleText: string, command: string) => ({
  type: 'Action.Submit',
  title: titleText,
  data: { msteams: { type: 'imBack', value: command } },
});

export const welcomeTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [title('${title}'), paragraph('${body}'), paragraph('${hint}', { isSubtle: true })],
  actions: [
    typeCommand('${nextSessionLabel}', '${nextSessionCommand}'),
    typeCommand('${helpLabel}', '${helpCommand}'),
  ],
};

export const helpTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [
    title('${title}'),
    {
      type: 'FactSet',
      facts: [{ $data: '${commands}', title: '${command}', value: '${description}' }],
    },
  ],
  actions: [
    typeCommand('${nextSessionLabel}', '${nextSessionCommand}'),
    typeCommand('${feedbackLabel}', '${feedbackCommand}'),
  ],
};

const approvalFacts = {
  type: 'FactSet',
  facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }],
};

export const approvalRequestTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  refresh: {
    $when: '${count(refreshUserIds) > 0}',
    action: {
      type: 'Action.Execute',
      verb: verbs.refreshApproval,
      data: { approvalId: '${approvalId}', tenantId: '${tenantId}' },
    },
    userIds: '${refreshUserIds}',
  },
  body: [
    title('${title}'),
    paragraph('${intro}'),
    approvalFacts,
    paragraph('${error}', { $when: "${error != ''}", color: 'Attention', weight: 'Bolder' }),
    {
      type: 'Input.Text',
      id: 'comment',
      label: '${commentLabel}',
      placeholder: '${commentPlaceholder}',
      isMultiline: true,
      maxLength: 1000,
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      verb: verbs.approve,
      title: '${approveLabel}',
      style: 'positive',
      data: { approvalId: '${approvalId}', tenantId: '${tenantId}' },
    },
    {
      type: 'Action.Execute',
      verb: verbs.decline,
      title: '${declineLabel}',
      style: 'destructive',
      data: { approvalId: '${approvalId}', tenantId: '${tenantId}' },
    },
  ],
};

export const approvalOutcomeTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  refresh: {
    $when: '${count(refreshUserIds) > 0}',
    action: {
      type: 'Action.Execute',
      verb: verbs.refreshApproval,
      data: { approvalId: '${approvalId}', tenantId: '${tenantId}' },
    },
    userIds: '${refreshUserIds}',
  },
  body: [
    title('${title}'),
    approvalFacts,
    paragraph('${decidedBy}', { color: '${color}', weight: 'Bolder' }),
    paragraph('${comment}', { $when: "${comment != ''}" }),
    paragraph('${note}', { $when: "${note != ''}", isSubtle: true }),
  ],
};

/** A request replaced by a newer one: what it asked, that nobody decides it, no buttons. */
export const approvalSupersededTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [
    title('${title}'),
    paragraph('${body}', { color: 'Warning', weight: 'Bolder' }),
    approvalFacts,
    paragraph('${replacedOn}', { isSubtle: true }),
    paragraph('${note}', { $when: "${note != ''}", isSubtle: true }),
  ],
};

export const refusalTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [title('${title}'), paragraph('${body}', { color: 'Attention' })],
};

export const reminderTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [
    title('${title}'),
    paragraph('${body}'),
    paragraph('${topic}', { $when: "${topic != ''}", isSubtle: true }),
  ],
  actions: [
    { $when: "${joinUrl != ''}", type: 'Action.OpenUrl', title: '${joinLabel}', url: '${joinUrl}' },
  ],
};

export const nudgeTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [title('${title}'), paragraph('${body}')],
  actions: [
    {
      $when: "${actionKind == 'feedback'}",
      type: 'Action.Execute',
      verb: verbs.openFeedback,
      title: '${actionLabel}',
      data: { pairId: '${pairId}', sessionId: '${sessionId}', tenantId: '${tenantId}' },
    },
    {
      $when: "${actionKind == 'url'}",
      type: 'Action.OpenUrl',
      title: '${actionLabel}',
      url: '${actionUrl}',
    },
  ],
};

export const feedbackTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [
    title('${title}'),
    paragraph('${intro}'),
    paragraph('${error}', { $when: "${error != ''}", color: 'Attention', weight: 'Bolder' }),
    {
      type: 'Input.ChoiceSet',
      id: 'rating',
      label: '${ratingLabel}',
      style: 'expanded',
      isRequired: true,
      errorMessage: '${ratingError}',
      choices: [{ $data: '${ratings}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.Text',
      id: 'whatWorked',
      label: '${workedLabel}',
      placeholder: '${workedPlaceholder}',
      isMultiline: true,
      maxLength: 1000,
    },
    {
      type: 'Input.Text',
      id: 'suggestion',
      label: '${suggestionLabel}',
      placeholder: '${suggestionPlaceholder}',
      isMultiline: true,
      maxLength: 1000,
    },
    {
      // Unticked by default: the text reaches the lead's report only if its author says so.
      type: 'Input.Toggle',
      id: 'shareWithLead',
      title: '${shareLabel}',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      verb: verbs.submitFeedback,
      title: '${submitLabel}',
      style: 'positive',
      data: { pairId: '${pairId}', sessionId: '${sessionId}', tenantId: '${tenantId}' },
    },
  ],
};

export const feedbackThanksTemplate = {
  type: 'AdaptiveCard',
  $schema: schema,
  version: '1.5',
  body: [title('${title}'), paragraph('${body}')],
};
