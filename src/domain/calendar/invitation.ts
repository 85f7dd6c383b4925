import type { Locale } from '../common';
import type { Frequency } from '../programme';

/** What the invitation says; the organiser's locale picks the language. */
export type InvitationInput = {
  readonly locale: Locale;
  /** The agreement's subject, e.g. "Power BI for the leadership team". */
  readonly topic: string;
  readonly organiserName: string;
  readonly partnerName: string;
  /** Deep link to the pair's page in the Teams tab. */
  readonly tabUrl: string;
  readonly sessions: number;
  readonly durationMinutes: number;
  readonly frequency: Frequency;
};

export type Invitation = {
  readonly subject: string;
  readonly bodyHtml: string;
  readonly bodyText: string;
};

const cadence: Record<Locale, Record<Frequency, string>> = {
  en: { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' },
  fr: { weekly: 'chaque semaine', biweekly: 'toutes les deux semaines', monthly: 'chaque mois' },
};

/** The subject and body of the recurring meeting, in the organiser's language, linking to the tab. */
export function sessionInvitation(input: InvitationInput): Invitation {
  const { topic, organiserName: a, partnerName: b, sessions, durationMinutes: d } = input;
  const every = cadence[input.locale][input.frequency];
  if (input.locale === 'fr') {
    const lines = [
      `Vos séances de mentorat inversé sur « ${topic} » : ${sessions} séances de ${d} minutes, ${every}.`,
      'Ordre du jour, notes partagées et retours se trouvent sur la page du binôme dans Teams.',
    ];
    return {
      subject: `Mentorat inversé : ${topic} (${a} et ${b})`,
      bodyText: `${lines.join('\n')}\n${input.tabUrl}`,
      bodyHtml: html(lines, input.tabUrl, 'Ouvrir la page du binôme dans Teams'),
    };
  }
  const lines = [
    `Your reverse-mentoring sessions on “${topic}”: ${sessions} sessions of ${d} minutes, ${every}.`,
    'The agenda, shared notes and feedback are on the pair’s page in Teams.',
  ];
  return {
    subject: `Reverse mentoring: ${topic} (${a} & ${b})`,
    bodyText: `${lines.join('\n')}\n${input.tabUrl}`,
    bodyHtml: html(lines, input.tabUrl, 'Open the pair’s page in Teams'),
  };
}

function html(lines: string[], url: string, linkText: string): string {
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return `${paragraphs}<p><a href="${escapeHtml(url)}">${escapeHtml(linkText)}</a></p>`;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
