import { readinessOf } from '../../../../src/services/programmes/readiness';
import { aPerson, aProfile, aProgramme } from '../../../fixtures/builders';

const programme = aProgramme();
const skillIds = programme.skills.map((s) => s.id);

function cohort(mentors: number, mentees: number, both = 0) {
  const make = (roleWish: 'mentor' | 'mentee' | 'both', i: number) =>
    aProfile({
      roleWish,
      programmeId: programme.id,
      teaches: [skillIds[0]!],
      learns: [skillIds[1]!],
      id: `${roleWish}-${i}`,
    });
  return [
    ...Array.from({ length: mentors }, (_, i) => make('mentor', i)),
    ...Array.from({ length: mentees }, (_, i) => make('mentee', i)),
    ...Array.from({ length: both }, (_, i) => make('both', i)),
  ];
}

describe('programme readiness', () => {
  it('says what a launch would leave: unanswered proposals, unmatched people, invitees not joined', () => {
    const profiles = [
      ...cohort(3, 3),
      aProfile({ id: 'invitee', optIn: { status: 'not_joined' } }),
      aProfile({ id: 'gone', optIn: { status: 'left' } }),
    ];
    const proposal = (
      mentorId: string,
      menteeId: string,
      status: 'proposed' | 'accepted' | 'declined',
      publishedAt: string | null,
    ) => ({ mentorId, menteeId, status, publishedAt });
    const before = readinessOf(programme, profiles, new Map(), [
      proposal('mentor-0', 'mentee-0', 'proposed', null),
    ]);
    expect(before.launch).toEqual({
      publishedRun: false,
      unansweredProposals: 0,
      unmatched: 6,
      notJoined: 1,
    });

    const at = '2027-01-04T09:00:00.000Z';
    const after = readinessOf(programme, profiles, new Map(), [
      proposal('mentor-0', 'mentee-0', 'proposed', at),
      proposal('mentor-1', 'mentee-1', 'accepted', at),
      proposal('mentor-2', 'mentee-2', 'declined', at),
    ]);
    expect(after.launch).toEqual({
      publishedRun: true,
      unansweredProposals: 1,
      unmatched: 2,
      notJoined: 1,
    });
  });

  it('is ready with ten or more active people on both sides and every wanted skill taught', () => {
    const profiles = [
      ...cohort(5, 5),
      aProfile({ id: 'teacher-1', teaches: [skillIds[1]!], learns: [], roleWish: 'mentor' }),
    ];
    const view = readinessOf(programme, profiles, new Map());
    expect(view.warnings).toEqual([]);
    expect(view.ready).toBe(true);
    expect(view.participants).toMatchObject({ active: 11, byRole: { mentor: 6, mentee: 5 } });
  });

  it('counts apart, and warns about, active profiles that matching cannot pair yet', () => {
    const profiles = [
      ...cohort(5, 5),
      aProfile({ id: 'teacher-1', teaches: [skillIds[1]!], learns: [], roleWish: 'mentor' }),
      // Saved empty: no skill, 0 h available.
      aProfile({ id: 'empty', teaches: [], learns: [], availability: [] }),
      // A mentee with nothing to learn; a mentor with no hours.
      aProfile({ id: 'mentee-x', roleWish: 'mentee', learns: [] }),
      aProfile({ id: 'mentor-x', roleWish: 'mentor', learns: [], availability: [] }),
      // Left: not counted at all.
      aProfile({ id: 'gone', learns: [], teaches: [], optIn: { status: 'left' } }),
    ];
    const view = readinessOf(programme, profiles, new Map());
    expect(view.participants).toMatchObject({ active: 14, incomplete: 3 });
    expect(view.warnings).toEqual([{ code: 'incomplete_profiles', params: { count: 3 } }]);
    expect(view.ready).toBe(false);
  });

  it('counts supply and demand per catalogue skill over active participants only', () => {
    const profiles = [
      aProfile({ id: 'a', teaches: ['teams', 'power-bi'], learns: ['negotiation'] }),
      aProfile({ id: 'b', teaches: ['teams'], learns: ['negotiation', 'power-bi'] }),
      aProfile({ id: 'c', teaches: ['teams'], learns: [], optIn: { status: 'left' } }),
      aProfile({
        id: 'd',
        teaches: ['teams'],
        learns: [],
        optIn: { status: 'paused', pausedUntil: '2099-01-01T00:00:00.000Z' },
      }),
    ];
    const view = readinessOf(programme, profiles, new Map());
    const balance = (id: string) => view.skills.find((s) => s.skillId === id);
    expect(balance('teams')).toMatchObject({ teachers: 3, learners: 0 });
    expect(balance('negotiation')).toMatchObject({ teachers: 0, learners: 2 });
    expect(balance('power-bi')).toMatchObject({ teachers: 1, learners: 1 });
    expect(view.participants.byStatus).toEqual({ not_joined: 0, opted_in: 2, paused: 1, left: 1 });
    expect(view.skills.map((s) => s.skillId)).toEqual(skillIds);
  });

  it('warns about fewer than ten participants and a wanted skill nobody teaches', () => {
    const view = readinessOf(programme, cohort(2, 2), new Map());
    expect(view.warnings).toEqual([
      { code: 'too_few_participants', params: { count: 4, minimum: 10 } },
      { code: 'skill_without_teacher', params: { skillId: skillIds[1], learners: 4 } },
    ]);
  });

  it('warns about a one-sided cohort, counting "both" on either side', () => {
    const oneSided = (m: number, e: number, b = 0) =>
      readinessOf(programme, cohort(m, e, b), new Map()).warnings.find(
        (w) => w.code === 'one_sided_cohort',
      );
    expect(oneSided(12, 0)).toEqual({
      code: 'one_sided_cohort',
      params: { mentors: 12, mentees: 0, missing: 'mentee' },
    });
    expect(oneSided(2, 10)).toMatchObject({ params: { missing: 'mentor' } });
    expect(oneSided(6, 0, 3)).toBeUndefined(); // 9 can mentor, 3 can be mentored
    expect(oneSided(6, 6)).toBeUndefined();
  });

  it('counts the departments of active participants from the org data', () => {
    const profiles = cohort(2, 1);
    const people = new Map(
      profiles.map((p, i) => [p.id, aPerson({ id: p.id, department: i === 0 ? 'RH' : 'Ventes' })]),
    );
    expect(readinessOf(programme, profiles, people).participants.departments).toBe(2);
  });
});
