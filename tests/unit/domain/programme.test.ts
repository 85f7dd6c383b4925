import {
  canTransitionProgramme,
  defaultFrame,
  defaultWeights,
  findSkill,
  fixedClock,
  isProgrammeLead,
  issuesOf,
  newProgramme,
  programmeSchema,
  programmeStatuses,
  transitionProgramme,
  type ProgrammeStatus,
} from '../../../src/domain';
import { aProgramme, sampleSkills } from '../../fixtures/builders';
import { thrown } from '../../support/thrown';

const clock = fixedClock('2026-01-05T09:00:00.000Z');
const input = {
  id: 'programme-2026',
  tenantId: 'tenant-1',
  name: 'Mentorat inversé',
  startDate: '2026-02-01',
  endDate: '2026-07-31',
  leadIds: ['lead-1'],
};

const issues = (value: unknown) => {
  const result = programmeSchema.safeParse(value);
  return result.success ? [] : issuesOf(result.error);
};

describe('newProgramme', () => {
  it('creates a draft with the DESIGN frame: 6 sessions of 60 minutes every two weeks, online', () => {
    const programme = newProgramme(input, clock);
    expect(programme.status).toBe('draft');
    expect(programme.frame).toEqual({
      sessions: 6,
      durationMinutes: 60,
      frequency: 'biweekly',
      place: 'online',
    });
    expect(defaultFrame).toEqual(programme.frame);
    expect(programme.weights).toEqual(defaultWeights);
    expect(programme.managerApprovalRequired).toBe(true);
    expect(programme.reminderOffsetsMinutes).toEqual([1440, 15]);
    expect(programme.proposalResponseDays).toBe(3);
    expect(programme.createdAt).toBe('2026-01-05T09:00:00.000Z');
    expect(programme.updatedAt).toBe(programme.createdAt);
  });

  it('sets the minimum overlap to one session, following a custom duration', () => {
    expect(newProgramme(input, clock).constraints.minOverlapMinutes).toBe(60);
    const longer = newProgramme({ ...input, frame: { durationMinutes: 90 } }, clock);
    expect(longer.frame.durationMinutes).toBe(90);
    expect(longer.constraints.minOverlapMinutes).toBe(90);
    expect(longer.constraints.mentorCapacity).toBe(1);
  });

  it('merges partial weights over the defaults', () => {
    const programme = newProgramme({ ...input, weights: { diversity: 0 } }, clock);
    expect(programme.weights).toEqual({ ...defaultWeights, diversity: 0 });
  });

  it('does not share the default objects between programmes', () => {
    const a = newProgramme(input, clock);
    a.frame.sessions = 10;
    a.reminderOffsetsMinutes.push(5);
    expect(newProgramme(input, clock).frame.sessions).toBe(6);
    expect(newProgramme(input, clock).reminderOffsetsMinutes).toEqual([1440, 15]);
  });

  it('refuses bad input with validation_failed and every issue', () => {
    const error = thrown(() =>
      newProgramme(
        { ...input, name: ' ', endDate: '2026-01-01', leadIds: [], weights: { teach: -1 } },
        clock,
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues).toEqual([
      { path: 'name', message: 'name must not be empty' },
      { path: 'weights.teach', message: 'weights.teach must not be negative' },
      { path: 'leadIds', message: 'a programme needs at least one lead' },
      { path: 'endDate', message: 'endDate must be on or after startDate' },
    ]);
  });
});

describe('programme schema', () => {
  it('accepts a programme ending the day it starts', () => {
    expect(issues(aProgramme({ startDate: '2026-03-01', endDate: '2026-03-01' }))).toEqual([]);
  });

  it('refuses a skills catalogue with a duplicate id, naming it', () => {
    const skills = [...sampleSkills, { ...sampleSkills[0]!, label: { fr: 'Autre', en: 'Other' } }];
    expect(issues({ ...aProgramme(), skills })).toEqual([
      {
        path: `skills.${sampleSkills.length}.id`,
        message: 'skill id "teams" appears more than once in the catalogue',
      },
    ]);
  });

  it('refuses a skill kind other than digital or know-how', () => {
    const skills = [{ id: 'excel', label: { fr: 'Excel', en: 'Excel' }, kind: 'tool' }];
    expect(issues({ ...aProgramme(), skills })).toEqual([
      { path: 'skills.0.kind', message: 'kind must be "digital" or "know_how"' },
    ]);
  });

  it('explains a frame out of bounds', () => {
    const frame = { sessions: 0, durationMinutes: 500, frequency: 'daily', place: 'online' };
    expect(issues({ ...aProgramme(), frame })).toEqual([
      { path: 'frame.sessions', message: 'sessions must be at least 1' },
      { path: 'frame.durationMinutes', message: 'durationMinutes must be at most 240' },
      { path: 'frame.frequency', message: 'frequency must be "weekly", "biweekly" or "monthly"' },
    ]);
  });

  it('caps mentor capacity at three', () => {
    const programme = aProgramme();
    const constraints = { ...programme.constraints, mentorCapacity: 4 };
    expect(issues({ ...programme, constraints })).toEqual([
      {
        path: 'constraints.mentorCapacity',
        message: 'constraints.mentorCapacity must be at most 3',
      },
    ]);
  });
});

describe('programme status', () => {
  const allowed: [ProgrammeStatus, ProgrammeStatus][] = [
    ['draft', 'enrolling'],
    ['enrolling', 'matching'],
    ['matching', 'enrolling'],
    ['matching', 'running'],
    ['running', 'closed'],
    ['draft', 'closed'],
    ['enrolling', 'closed'],
    ['matching', 'closed'],
  ];

  it.each(allowed)('moves from %s to %s and stamps updatedAt', (from, to) => {
    const later = fixedClock('2026-04-01T10:00:00.000Z');
    const { programme, changed } = transitionProgramme(aProgramme({ status: from }), to, later);
    expect(changed).toBe(true);
    expect(programme.status).toBe(to);
    expect(programme.updatedAt).toBe('2026-04-01T10:00:00.000Z');
  });

  it('refuses every other move with invalid_transition and from/to', () => {
    for (const from of programmeStatuses) {
      for (const to of programmeStatuses) {
        if (from === to || allowed.some(([a, b]) => a === from && b === to)) continue;
        expect(canTransitionProgramme(from, to)).toBe(false);
        const error = thrown(() => transitionProgramme(aProgramme({ status: from }), to, clock));
        expect(error.code).toBe('invalid_transition');
        expect(error.details).toMatchObject({ from, to });
      }
    }
  });

  it('repeating a move is a no-op', () => {
    const running = aProgramme({ status: 'running' });
    const result = transitionProgramme(running, 'running', clock);
    expect(result).toEqual({ programme: running, changed: false });
  });

  it('a closed programme never reopens', () => {
    expect(
      thrown(() => transitionProgramme(aProgramme({ status: 'closed' }), 'draft', clock)).code,
    ).toBe('invalid_transition');
  });
});

describe('programme helpers', () => {
  it('knows its leads and its skills', () => {
    const programme = aProgramme({ leadIds: ['lead-7'] });
    expect(isProgrammeLead(programme, 'lead-7')).toBe(true);
    expect(isProgrammeLead(programme, 'someone')).toBe(false);
    expect(findSkill(programme, 'power-bi')?.label.fr).toBe('Power BI');
    expect(findSkill(programme, 'cobol')).toBeUndefined();
  });
});
