import {
  agreementSchema,
  approvalSchema,
  assessmentSchema,
  feedbackSchema,
  matchProposalSchema,
  notificationSchema,
  pairSchema,
  personSchema,
  privateNoteSchema,
  profileSchema,
  programmeSchema,
  sessionSchema,
} from '../../../src/domain';
import {
  aFeedback,
  aNotification,
  aPair,
  aPerson,
  aPrivateNote,
  aProfile,
  aProgramme,
  aProposal,
  aSession,
  anAgreement,
  anApproval,
  anAssessment,
} from '../../fixtures/builders';

describe('fixture builders', () => {
  it('build schema-valid aggregates by default', () => {
    expect(personSchema.safeParse(aPerson()).success).toBe(true);
    expect(programmeSchema.safeParse(aProgramme()).success).toBe(true);
    expect(profileSchema.safeParse(aProfile()).success).toBe(true);
    expect(matchProposalSchema.safeParse(aProposal()).success).toBe(true);
    expect(pairSchema.safeParse(aPair()).success).toBe(true);
    expect(agreementSchema.safeParse(anAgreement()).success).toBe(true);
    expect(sessionSchema.safeParse(aSession()).success).toBe(true);
    expect(feedbackSchema.safeParse(aFeedback()).success).toBe(true);
    expect(assessmentSchema.safeParse(anAssessment()).success).toBe(true);
    expect(privateNoteSchema.safeParse(aPrivateNote()).success).toBe(true);
    expect(approvalSchema.safeParse(anApproval()).success).toBe(true);
    expect(notificationSchema.safeParse(aNotification()).success).toBe(true);
  });

  it('give each aggregate a fresh id', () => {
    expect(aPerson().id).not.toBe(aPerson().id);
    expect(aPair().id).not.toBe(aPair().id);
  });

  it('take skill ids as shorthand for a profile', () => {
    const profile = aProfile({
      teaches: ['power-bi'],
      learns: [{ skillId: 'leadership', level: 2 }],
    });
    expect(profile.teaches).toEqual([{ skillId: 'power-bi', level: 4 }]);
    expect(profile.learns).toEqual([{ skillId: 'leadership', level: 2 }]);
  });

  it('refuse an override that breaks a rule, where the fixture is built', () => {
    expect(() => aProfile({ bio: 'x'.repeat(501) })).toThrow(/bio must be at most 500 characters/);
    expect(() => aProgramme({ endDate: '2020-01-01' })).toThrow(
      /endDate must be on or after startDate/,
    );
  });

  it('key a notification by its kind, pair and due time', () => {
    const notification = aNotification({
      kind: 'feedback_pending',
      dueAt: '2026-03-11T10:00:00.000Z',
    });
    expect(notification.id).toBe('feedback_pending:pair-1:2026-03-11T10:00:00.000Z');
  });
});
