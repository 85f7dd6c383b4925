import type { Clock } from '../../domain/clock';
import { defaultBuddySettings, type BuddySettings } from '../../domain/buddy/buddy-settings';
import type { Person } from '../../domain/person';
import { demoPersonId } from './demo-data';

type Row = {
  n: number;
  skills: [string, number][];
  languages: string[];
  /** Also asked about topics outside the catalogue. */
  anything?: boolean;
  /** Takes requests every day, with no quiet hours: so a demo started at night or on a Sunday still sees offers. */
  always?: boolean;
};

// At least three buddies for every digital skill of the catalogue, in Paris and Toronto (Ethan),
// speaking French, English or both.
const rows: Row[] = [
  {
    n: 9,
    skills: [
      ['power-bi', 4],
      ['excel-advanced', 5],
    ],
    languages: ['fr', 'en'],
  },
  {
    n: 10,
    skills: [
      ['teams', 4],
      ['copilot', 3],
      ['excel-advanced', 3],
    ],
    languages: ['fr'],
  },
  {
    n: 12,
    skills: [
      ['linkedin', 4],
      ['social-media', 4],
    ],
    languages: ['fr'],
  },
  {
    n: 14,
    skills: [
      ['copilot', 4],
      ['teams', 5],
    ],
    languages: ['fr'],
  },
  {
    n: 15,
    skills: [
      ['linkedin', 5],
      ['social-media', 3],
    ],
    languages: ['fr'],
  },
  {
    n: 17,
    skills: [
      ['social-media', 5],
      ['linkedin', 4],
    ],
    languages: ['fr', 'en'],
  },
  {
    n: 20,
    skills: [
      ['excel-advanced', 4],
      ['power-bi', 3],
    ],
    languages: ['fr'],
  },
  {
    n: 21,
    skills: [
      ['teams', 3],
      ['cyber-hygiene', 3],
    ],
    languages: ['fr'],
  },
  {
    n: 23,
    skills: [
      ['cyber-hygiene', 3],
      ['copilot', 3],
    ],
    languages: ['fr'],
    anything: true,
  },
  {
    n: 28,
    skills: [
      ['copilot', 5],
      ['power-bi', 4],
      ['teams', 4],
    ],
    languages: ['fr', 'en'],
    anything: true,
    always: true,
  },
  {
    n: 29,
    skills: [
      ['cyber-hygiene', 5],
      ['teams', 4],
      ['excel-advanced', 3],
    ],
    languages: ['fr', 'en'],
    always: true,
  },
  {
    n: 33,
    skills: [
      ['social-media', 4],
      ['teams', 3],
    ],
    languages: ['fr'],
  },
  {
    n: 34,
    skills: [
      ['social-media', 4],
      ['linkedin', 3],
      ['copilot', 3],
    ],
    languages: ['fr'],
  },
  {
    n: 36,
    skills: [
      ['power-bi', 5],
      ['excel-advanced', 4],
    ],
    languages: ['fr', 'en'],
  },
  {
    n: 39,
    skills: [
      ['power-bi', 4],
      ['excel-advanced', 4],
      ['cyber-hygiene', 4],
      ['linkedin', 3],
    ],
    languages: ['en', 'fr'],
    always: true,
  },
];

/** The demo company's digital buddies, active, with nothing accepted yet this week. */
export function demoBuddies(people: readonly Person[], clock: Clock): BuddySettings[] {
  const now = clock.now();
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.flatMap((row) => {
    const person = byId.get(demoPersonId(row.n));
    if (!person) return [];
    const skills = row.skills.map(([skillId, level]) => ({ skillId, level }));
    return [
      {
        ...defaultBuddySettings(person, now),
        active: true,
        skills,
        skillIds: skills.map((s) => s.skillId),
        anythingDigital: row.anything ?? false,
        languages: row.languages,
        ...(row.always
          ? {
              workingHours: { start: '07:00', end: '23:00' },
              workingDays: [
                'mon',
                'tue',
                'wed',
                'thu',
                'fri',
                'sat',
                'sun',
              ] as BuddySettings['workingDays'],
              quietHours: null,
            }
          : { quietHours: { start: '21:00', end: '07:00' } }),
      },
    ];
  });
}
