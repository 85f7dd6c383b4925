import type { Clock } from '../../domain/clock';
import { newProgramme, type Programme, type Skill } from '../../domain/programme';
import { newProfile, optIn, type Profile } from '../../domain/profile';
import { personSchema, type Person } from '../../domain/person';
import type { WeeklySlot } from '../../domain/common';
import { addDays, toLocal, weekdayOf } from '../../domain/calendar/local-time';

/**
 * The demo company used by `npm start` in local mode: "Maison Lumière", a French retailer of about
 * 40 people in 7 departments with a manager hierarchy, and one reverse-mentoring programme.
 * Deterministic (no randomness), so the e2e tests and the README can name people.
 */
export const demoProgrammeId = 'prog-mentorat-inverse-2027';

/** The demo person ids are GUID-shaped like Entra object ids; `personId(7)` → ...000000000007. */
export const demoPersonId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Row = [
  n: number,
  name: string,
  dept: string,
  title: string,
  manager: number | null,
  years: number,
  locale?: 'en',
];

// n, name, department, job title, manager n, seniority years
const rows: Row[] = [
  [1, 'Hélène Marchand', 'Direction générale', 'Directrice générale', null, 31],
  [2, 'Bernard Lefèvre', 'Finance', 'Directeur financier', 1, 28],
  [3, 'Sylvie Garnier', 'Ventes', 'Directrice commerciale', 1, 26],
  [4, 'Patrick Rousseau', 'Opérations', 'Directeur des opérations', 1, 29],
  [5, 'Claire Dubois', 'Ressources humaines', 'Responsable développement RH', 1, 18],
  [6, 'Olivier Fontaine', 'Informatique', 'DSI', 1, 22],
  [7, 'Nathalie Girard', 'Marketing', 'Directrice marketing', 1, 24],
  [8, 'Alain Mercier', 'Finance', 'Contrôleur de gestion senior', 2, 25],
  [9, 'Lucas Martin', 'Finance', 'Analyste financier', 8, 2],
  [10, 'Emma Petit', 'Finance', 'Comptable', 8, 1],
  [11, 'Jacques Bonnet', 'Finance', 'Trésorier', 2, 27],
  [12, 'Chloé Lambert', 'Finance', 'Alternante contrôle de gestion', 11, 1],
  [13, 'Philippe Moreau', 'Ventes', 'Directeur régional Nord', 3, 23],
  [14, 'Léa Roux', 'Ventes', 'Chargée de clientèle', 13, 2],
  [15, 'Hugo Fournier', 'Ventes', 'Commercial terrain', 13, 3],
  [16, 'Martine Chevalier', 'Ventes', 'Directrice régionale Sud', 3, 30],
  [17, 'Inès Blanc', 'Ventes', 'Chargée de clientèle', 16, 1],
  [18, 'Thomas Guerin', 'Ventes', 'Responsable grands comptes', 16, 12],
  [19, 'Dominique Faure', 'Opérations', 'Responsable logistique', 4, 26],
  [20, 'Nicolas André', 'Opérations', 'Technicien supply chain', 19, 2],
  [21, 'Sarah Mathieu', 'Opérations', 'Planificatrice', 19, 3],
  [22, 'Gérard Lemoine', 'Opérations', 'Responsable qualité', 4, 33],
  [23, 'Manon Clément', 'Opérations', 'Ingénieure qualité', 22, 2],
  [24, 'Isabelle Gauthier', 'Ressources humaines', 'Responsable paie', 5, 21],
  [25, 'Jade Perrin', 'Ressources humaines', 'Chargée de recrutement', 5, 1],
  [26, 'Camille Robin', 'Ressources humaines', 'Chargée de formation', 5, 4],
  [27, 'Marc Dupont', 'Informatique', 'Architecte SI', 6, 27],
  [28, 'Yanis Benali', 'Informatique', 'Développeur', 27, 2],
  [29, 'Zoé Morel', 'Informatique', 'Analyste cybersécurité', 6, 3],
  [30, 'François Lucas', 'Informatique', 'Responsable infrastructure', 6, 24],
  [31, 'Adam Henry', 'Informatique', 'Technicien support', 30, 1],
  [32, 'Catherine Roussel', 'Marketing', 'Responsable communication', 7, 22],
  [33, 'Louise Nicolas', 'Marketing', 'Community manager', 32, 2],
  [34, 'Gabriel Da Silva', 'Marketing', 'Chargé de marketing digital', 7, 3],
  [35, 'Michel Brun', 'Marketing', 'Responsable études', 7, 28],
  [36, 'Anaïs Caron', 'Marketing', 'Data analyst', 35, 2],
  [37, 'Pierre Gaillard', 'Juridique', 'Directeur juridique', 1, 30],
  [38, 'Julie Barbier', 'Juridique', 'Juriste', 37, 3],
  [39, 'Ethan Walker', 'Informatique', 'Data engineer', 27, 2, 'en'],
  [40, 'Christine Arnaud', 'Juridique', 'Juriste senior', 37, 25],
  [41, 'Romain Leroy', 'Ventes', 'Responsable avant-vente', 3, 20],
];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');

/** The 41 people of the demo company. */
export function demoPeople(tenantId: string): Person[] {
  return rows.map(([n, name, department, jobTitle, manager, years, locale]) =>
    personSchema.parse({
      id: demoPersonId(n),
      tenantId,
      displayName: name,
      email: `${ascii(name)}@maison-lumiere.example`,
      department,
      jobTitle,
      managerId: manager === null ? null : demoPersonId(manager),
      seniorityYears: years,
      preferredLocale: locale ?? 'fr',
      timeZone: n === 39 ? 'America/Toronto' : 'Europe/Paris',
      officeLocation: n % 3 === 0 ? 'Lyon' : 'Paris',
    }),
  );
}

const skill = (id: string, fr: string, en: string, kind: Skill['kind']): Skill => ({
  id,
  label: { fr, en },
  kind,
});

/** The programme's catalogue: digital skills juniors share, know-how seniors share back. */
export const demoSkills: Skill[] = [
  skill('teams', 'Microsoft Teams', 'Microsoft Teams', 'digital'),
  skill('copilot', 'Copilot et IA générative', 'Copilot and generative AI', 'digital'),
  skill('power-bi', 'Power BI', 'Power BI', 'digital'),
  skill('linkedin', 'LinkedIn et marque personnelle', 'LinkedIn and personal branding', 'digital'),
  skill('cyber-hygiene', 'Hygiène cyber', 'Cyber hygiene', 'digital'),
  skill('excel-advanced', 'Excel avancé', 'Advanced Excel', 'digital'),
  skill('social-media', 'Réseaux sociaux', 'Social media', 'digital'),
  skill('negotiation', 'Négociation', 'Negotiation', 'know_how'),
  skill('client-relations', 'Relation client', 'Client relations', 'know_how'),
  skill('leadership', 'Leadership', 'Leadership', 'know_how'),
  skill('public-speaking', 'Prise de parole en public', 'Public speaking', 'know_how'),
  skill('project-management', 'Gestion de projet', 'Project management', 'know_how'),
  skill(
    'company-culture',
    'Culture et histoire de l’entreprise',
    'Company culture and history',
    'know_how',
  ),
];

const mornings = (days: WeeklySlot['day'][]): WeeklySlot[] =>
  days.map((day) => ({ day, start: '09:00', end: '12:00' }));
const afternoons = (days: WeeklySlot['day'][]): WeeklySlot[] =>
  days.map((day) => ({ day, start: '14:00', end: '17:30' }));

type Volunteer = {
  n: number;
  role: Profile['roleWish'];
  teaches: [string, number][];
  learns: [string, number][];
  availability: WeeklySlot[];
  languages?: string[];
};

// 26 volunteers already opted in; the rest of the company has not joined yet.
const volunteers: Volunteer[] = [
  {
    n: 9,
    role: 'mentor',
    teaches: [
      ['power-bi', 4],
      ['excel-advanced', 5],
    ],
    learns: [['negotiation', 1]],
    availability: mornings(['tue', 'thu']),
  },
  {
    n: 10,
    role: 'mentor',
    teaches: [
      ['teams', 4],
      ['copilot', 3],
    ],
    learns: [['leadership', 1]],
    availability: afternoons(['mon', 'wed']),
  },
  {
    n: 12,
    role: 'mentor',
    teaches: [
      ['linkedin', 4],
      ['social-media', 4],
    ],
    learns: [['public-speaking', 2]],
    availability: mornings(['mon', 'fri']),
  },
  {
    n: 14,
    role: 'mentor',
    teaches: [
      ['copilot', 4],
      ['teams', 5],
    ],
    learns: [['client-relations', 2]],
    availability: afternoons(['tue', 'thu']),
  },
  {
    n: 15,
    role: 'mentor',
    teaches: [['linkedin', 5]],
    learns: [['negotiation', 2]],
    availability: mornings(['wed']),
  },
  {
    n: 17,
    role: 'mentor',
    teaches: [
      ['social-media', 5],
      ['linkedin', 4],
    ],
    learns: [['client-relations', 1]],
    availability: afternoons(['mon', 'thu']),
  },
  {
    n: 20,
    role: 'mentor',
    teaches: [
      ['power-bi', 3],
      ['copilot', 3],
    ],
    learns: [['project-management', 2]],
    availability: mornings(['tue']),
  },
  {
    n: 23,
    role: 'both',
    teaches: [['excel-advanced', 4]],
    learns: [['leadership', 2]],
    availability: afternoons(['wed', 'fri']),
  },
  {
    n: 25,
    role: 'mentor',
    teaches: [
      ['linkedin', 5],
      ['teams', 4],
    ],
    learns: [['company-culture', 1]],
    availability: mornings(['mon', 'thu']),
  },
  {
    n: 28,
    role: 'mentor',
    teaches: [
      ['copilot', 5],
      ['cyber-hygiene', 3],
    ],
    learns: [['public-speaking', 1]],
    availability: afternoons(['tue']),
  },
  {
    n: 29,
    role: 'mentor',
    teaches: [['cyber-hygiene', 5]],
    learns: [['leadership', 1]],
    availability: mornings(['wed', 'fri']),
  },
  {
    n: 33,
    role: 'mentor',
    teaches: [
      ['social-media', 5],
      ['copilot', 4],
    ],
    learns: [['negotiation', 1]],
    availability: afternoons(['mon', 'wed']),
  },
  {
    n: 36,
    role: 'mentor',
    teaches: [
      ['power-bi', 5],
      ['excel-advanced', 4],
    ],
    learns: [['project-management', 1]],
    availability: mornings(['tue', 'thu']),
  },
  {
    n: 39,
    role: 'mentor',
    teaches: [
      ['power-bi', 4],
      ['copilot', 4],
    ],
    learns: [['company-culture', 1]],
    availability: afternoons(['tue', 'thu']),
    languages: ['en', 'fr'],
  },
  {
    n: 8,
    role: 'mentee',
    teaches: [
      ['negotiation', 4],
      ['project-management', 4],
    ],
    learns: [['power-bi', 1]],
    availability: mornings(['tue', 'thu']),
  },
  {
    n: 11,
    role: 'mentee',
    teaches: [['negotiation', 5]],
    learns: [
      ['copilot', 1],
      ['teams', 2],
    ],
    availability: afternoons(['mon', 'wed']),
  },
  {
    n: 13,
    role: 'mentee',
    teaches: [
      ['client-relations', 5],
      ['leadership', 4],
    ],
    learns: [['linkedin', 1]],
    availability: mornings(['mon', 'wed']),
  },
  {
    n: 16,
    role: 'mentee',
    teaches: [
      ['client-relations', 5],
      ['negotiation', 5],
    ],
    learns: [
      ['social-media', 1],
      ['linkedin', 1],
    ],
    availability: afternoons(['mon', 'thu']),
  },
  {
    n: 19,
    role: 'mentee',
    teaches: [['project-management', 5]],
    learns: [['power-bi', 2]],
    availability: mornings(['tue']),
  },
  {
    n: 22,
    role: 'mentee',
    teaches: [
      ['leadership', 4],
      ['company-culture', 5],
    ],
    learns: [
      ['excel-advanced', 2],
      ['cyber-hygiene', 1],
    ],
    availability: afternoons(['wed', 'fri']),
  },
  {
    n: 24,
    role: 'mentee',
    teaches: [['company-culture', 4]],
    learns: [
      ['teams', 1],
      ['copilot', 1],
    ],
    availability: mornings(['mon', 'thu']),
  },
  {
    n: 27,
    role: 'mentee',
    teaches: [
      ['public-speaking', 4],
      ['leadership', 4],
    ],
    learns: [['copilot', 2]],
    availability: afternoons(['tue']),
  },
  {
    n: 35,
    role: 'mentee',
    teaches: [
      ['project-management', 4],
      ['public-speaking', 5],
    ],
    learns: [
      ['power-bi', 1],
      ['social-media', 1],
    ],
    availability: mornings(['tue', 'thu']),
  },
  {
    n: 37,
    role: 'mentee',
    teaches: [
      ['negotiation', 5],
      ['public-speaking', 5],
    ],
    learns: [
      ['cyber-hygiene', 1],
      ['linkedin', 1],
    ],
    availability: mornings(['wed', 'fri']),
  },
  // Gabriel and Romain volunteered too: their pair awaits their managers' approval (demo-pairs.ts).
  {
    n: 34,
    role: 'mentor',
    teaches: [
      ['linkedin', 5],
      ['social-media', 4],
    ],
    learns: [['negotiation', 1]],
    availability: afternoons(['tue', 'thu']),
  },
  {
    n: 41,
    role: 'mentee',
    teaches: [['negotiation', 4]],
    learns: [['linkedin', 1]],
    availability: afternoons(['tue', 'thu']),
    languages: ['fr'],
  },
];

/**
 * The demo programme's dates, relative to the day the demo is loaded so that it is always open
 * for enrolment: it starts on the Monday at least four weeks ahead (in Paris) and runs 24 weeks.
 */
export function demoProgrammeDates(clock: Clock): { startDate: string; endDate: string } {
  const today = toLocal(clock.now().getTime(), 'Europe/Paris').date;
  let start = addDays(today, 28);
  while (weekdayOf(start) !== 'mon') start = addDays(start, 1);
  return { startDate: start, endDate: addDays(start, 24 * 7 - 3) };
}

/** The demo programme, enrolling, led by Claire Dubois (HR). */
export function demoProgramme(tenantId: string, clock: Clock): Programme {
  const programme = newProgramme(
    {
      id: demoProgrammeId,
      tenantId,
      name: 'Mentorat inversé 2027',
      description:
        'Les jeunes talents partagent les outils numériques ; les seniors transmettent leur savoir-faire. Six séances d’une heure, toutes les deux semaines.',
      ...demoProgrammeDates(clock),
      leadIds: [demoPersonId(5)],
      skills: demoSkills,
      managerApprovalRequired: true,
    },
    clock,
  );
  return { ...programme, status: 'enrolling' };
}

/** Profiles of the demo volunteers (opted in) for the demo programme. */
export function demoProfiles(tenantId: string, clock: Clock): Profile[] {
  return volunteers.map((v) => {
    const profile = newProfile(
      {
        id: demoPersonId(v.n),
        tenantId,
        programmeId: demoProgrammeId,
        roleWish: v.role,
        teaches: v.teaches.map(([skillId, level]) => ({ skillId, level })),
        learns: v.learns.map(([skillId, level]) => ({ skillId, level })),
        languages: v.languages ?? ['fr', 'en'],
        timeZone: v.n === 39 ? 'America/Toronto' : 'Europe/Paris',
        availability: v.availability,
        workMode: v.n % 2 === 0 ? 'hybrid' : 'on_site',
        bio: '',
        mentorCapacity: v.role === 'mentee' ? 1 : v.n % 3 === 0 ? 2 : 1,
      },
      clock,
    );
    return optIn(profile, 'consent-v1', clock).profile;
  });
}
