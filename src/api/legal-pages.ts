import { Hono } from 'hono';

/**
 * `/privacy` and `/terms`, linked from the Teams manifest (developer.privacyUrl, termsOfUseUrl):
 * short bilingual pages saying what the app stores and why. Deployers adapt them to their company.
 */
const page = (title: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}h2{margin-top:2rem}</style>
</head><body>${body}</body></html>`;

const privacy = page(
  'Mentoring — Confidentialité / Privacy',
  `<h1>Confidentialité</h1>
<p>Mentoring enregistre, dans la base Azure Cosmos DB de votre organisation : votre profil de volontaire (rôle souhaité,
compétences, langues, fuseau horaire, disponibilités, courte biographie), vos binômes, séances, retours et auto-évaluations,
et les validations de temps par votre manager. Vos nom, service et manager viennent de l'annuaire de l'organisation.</p>
<p>Les notes privées ne sont visibles que par leur auteur : ni le binôme, ni le manager, ni l'équipe du programme.
La participation est volontaire ; vous pouvez faire une pause ou quitter le programme à tout moment. Vous pouvez demander
l'export ou l'effacement de vos données à l'équipe RH qui anime le programme.</p>
<h2 lang="en">Privacy</h2>
<div lang="en"><p>Mentoring stores, in your organisation's Azure Cosmos DB: your volunteer profile (role wish, skills, languages,
time zone, availability, short bio), your pairs, sessions, feedback and self-assessments, and your manager's approvals of
dedicated time. Your name, department and manager come from the organisation's directory.</p>
<p>Private notes are visible to their author only: not to the partner, the manager or the programme team. Taking part is
voluntary; you can pause or leave at any time. Ask the HR team running the programme to export or erase your data.</p></div>`,
);

const terms = page(
  'Mentoring — Conditions / Terms',
  `<h1>Conditions d'utilisation</h1>
<p>Mentoring est un outil interne pour les programmes de mentorat inversé de votre organisation. Il s'utilise dans le cadre
des règles de l'organisation ; les échanges entre binômes restent confidentiels selon l'accord que vous signez ensemble.</p>
<h2 lang="en">Terms of use</h2>
<p lang="en">Mentoring is an internal tool for your organisation's reverse-mentoring programmes. Use it within your organisation's
rules; what a pair shares stays confidential as set out in the agreement both sign.</p>`,
);

/** The two public pages the Teams manifest links to. */
export function legalPages() {
  return new Hono().get('/privacy', (c) => c.html(privacy)).get('/terms', (c) => c.html(terms));
}
