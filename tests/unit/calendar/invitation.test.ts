import { describe, expect, it } from 'vitest';
import { sessionInvitation } from '../../../src/domain/calendar/invitation';

const input = {
  topic: 'Power BI <script>',
  organiserName: 'Marc',
  partnerName: 'Chloé',
  tabUrl: 'https://teams.example/tab?a=1&b="2"',
  sessions: 6,
  durationMinutes: 60,
  frequency: 'biweekly' as const,
};

describe('the invitation text', () => {
  it('speaks French to a French organiser and links to the tab', () => {
    const invitation = sessionInvitation({ ...input, locale: 'fr' });
    expect(invitation.subject).toBe('Mentorat inversé : Power BI <script> (Marc et Chloé)');
    expect(invitation.bodyText).toContain('6 séances de 60 minutes, toutes les deux semaines.');
    expect(invitation.bodyText.endsWith(input.tabUrl)).toBe(true);
  });

  it('speaks English otherwise and escapes what it puts in HTML', () => {
    const invitation = sessionInvitation({ ...input, locale: 'en' });
    expect(invitation.subject).toBe('Reverse mentoring: Power BI <script> (Marc & Chloé)');
    expect(invitation.bodyHtml).toContain('Power BI &lt;script&gt;');
    expect(invitation.bodyHtml).not.toContain('<script>');
    expect(invitation.bodyHtml).toContain(
      '<a href="https://teams.example/tab?a=1&amp;b=&quot;2&quot;">Open the pair’s page in Teams</a>',
    );
    expect(invitation.bodyHtml).toContain('6 sessions of 60 minutes, every two weeks.');
  });
});
