import { Hono } from 'hono';

/**
 * `/privacy` and `/terms`, linked from the Teams manifest (developer.privacyUrl, termsOfUseUrl):
 * short bilingual pages saying what the app stores, why, for how long, and how people use their
 * rights (export and erasure in My profile, retention per programme). Deployers add their contacts.
 */
const page = (title: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}h2{margin-top:2rem}</style>
</head><body>${body}</body></html>`;

const privacy = page(
  'Mentoring — Confidentialité / Privacy',
  `<h1>Confidentialité</h1>
<p>Mentoring est l’outil des programmes de mentorat inversé de votre organisation. Il fonctionne dans l’abonnement Azure
de votre organisation, qui est responsable du traitement : pour toute question, adressez-vous à son délégué à la protection
des données (DPO) ou à l’équipe qui anime le programme.</p>
<h2>Ce qui est enregistré, et pourquoi</h2>
<ul>
<li><strong>Annuaire</strong> : nom, e-mail, service, poste, manager, ancienneté, langue, fuseau horaire (annuaire de l’organisation ou import CSV) — pour vous reconnaître, proposer un binôme hors de votre ligne hiérarchique et demander l’accord de votre manager.</li>
<li><strong>Profil de volontaire et consentement</strong> : rôle souhaité, compétences et niveaux, langues, disponibilités, mode de travail, courte présentation ; chaque entrée, pause ou sortie avec la version du texte accepté — pour proposer un binôme et prouver que la participation est volontaire.</li>
<li><strong>Propositions de binôme</strong> (score et raisons), <strong>binômes</strong> (accord, séances, notes partagées, actions, retours, auto-évaluations) — pour faire vivre le binôme et établir le bilan du programme.</li>
<li><strong>Notes privées</strong> : visibles par leur seul auteur — ni le binôme, ni le manager, ni l’équipe du programme.</li>
<li><strong>Validations du manager</strong> (temps demandé, décision, commentaire), <strong>rappels envoyés</strong> dans Teams, <strong>référence de conversation</strong> du bot, <strong>séances dans les agendas</strong>.</li>
<li><strong>Journal d’audit</strong> : ce que font les responsables et les managers (programmes, imports, constitution des binômes, validations) et chaque export ou effacement — identifiants et date seulement, sans nom ni texte libre, jamais modifié.</li>
</ul>
<h2>Combien de temps</h2>
<p>Pendant le programme, puis pendant la durée de conservation choisie par ses responsables après sa clôture (12 mois par
défaut ; la page du programme indique la date). À cette date, les profils, propositions, binômes, notes, retours,
validations, rappels et séances du programme sont effacés automatiquement ; il ne reste que des chiffres anonymes (nombre de
binômes, de séances, satisfaction moyenne à partir de 5 réponses). Le journal d’audit est conservé.</p>
<p>Les messages du bot dans Teams (rappels, relances, annonces) sont effacés 90 jours après leur envoi, même pendant le
programme (durée par défaut, que votre organisation peut modifier).</p>
<h2>Vos droits, et comment les exercer</h2>
<ul>
<li><strong>Accès et portabilité</strong> : dans <em>Mon profil</em>, « Télécharger mes données » produit un fichier JSON avec tout ce que Mentoring conserve sur vous.</li>
<li><strong>Effacement</strong> : dans <em>Mon profil</em>, « Effacer mes données », après confirmation. Votre profil, vos notes privées, le texte de vos retours et vos auto-évaluations sont supprimés ; vos propositions en cours sont retirées (vos partenaires en reçoivent une autre) ; un binôme en cours se termine, votre binôme en est informé et les séances à venir sont annulées dans les agendas ; ailleurs vous apparaissez comme « ancien participant ». C’est définitif. Un responsable de programme de l’organisation peut aussi le faire à votre demande.</li>
<li><strong>Rectification</strong> : votre profil se modifie dans <em>Mon profil</em> ; les données d’annuaire, auprès des RH ou de l’informatique.</li>
<li><strong>Retrait</strong> : la participation est volontaire ; vous pouvez faire une pause ou quitter le programme à tout moment (quitter n’efface pas l’historique, l’effacement le fait).</li>
<li><strong>Réclamation</strong> : auprès du DPO de votre organisation, ou de l’autorité de protection des données (la CNIL en France).</li>
</ul>
<div lang="en">
<h2>Privacy</h2>
<p>Mentoring is your organisation’s tool for its reverse-mentoring programmes. It runs in your organisation’s Azure
subscription; your organisation is the data controller: ask its data protection officer (DPO) or the team running the
programme.</p>
<h2>What is stored, and why</h2>
<ul>
<li><strong>Directory</strong>: name, e-mail, department, job, manager, seniority, language, time zone (from the organisation’s directory or a CSV import) — to recognise you, propose a partner outside your reporting line and ask your manager.</li>
<li><strong>Volunteer profile and consent</strong>: role wish, skills and levels, languages, availability, work mode, short bio; every join, pause or leave with the version of the text you accepted — to propose a partner and prove that taking part is voluntary.</li>
<li><strong>Pairing proposals</strong> (score and reasons), <strong>pairs</strong> (agreement, sessions, shared notes, action items, feedback, self-assessments) — to run the pair and the programme report.</li>
<li><strong>Private notes</strong>: visible to their author only: not to the partner, the manager or the programme team.</li>
<li><strong>Manager approvals</strong> (time asked, decision, comment), <strong>reminders sent</strong> in Teams, the bot’s <strong>conversation reference</strong>, <strong>sessions in calendars</strong>.</li>
<li><strong>Audit log</strong>: what leads and managers do (programmes, imports, matching, approvals) and every export or erasure — ids and time only, no names or free text, never changed.</li>
</ul>
<h2>How long</h2>
<p>While the programme runs, then for the retention period its leads chose after it closes (12 months by default; the
programme’s page shows the date). On that date its profiles, proposals, pairs, notes, feedback, approvals, reminders and
sessions are erased automatically; only anonymous figures remain (numbers of pairs and sessions, average satisfaction from
5 answers up). The audit log is kept.</p>
<p>The bot’s messages in Teams (reminders, nudges, announcements) are erased 90 days after they were sent, even while the
programme runs (the default period; your organisation may set another).</p>
<h2>Your rights, and how to use them</h2>
<ul>
<li><strong>Access and portability</strong>: in <em>My profile</em>, “Download my data” gives a JSON file of everything Mentoring holds about you.</li>
<li><strong>Erasure</strong>: in <em>My profile</em>, “Erase my data”, after a confirmation. Your profile, private notes, the text of your feedback and your self-assessments are deleted; your open proposals are withdrawn (your partners get another); a pair in progress ends, your partner is told and future sessions are cancelled in the calendars; elsewhere you appear as “former participant”. It cannot be undone. A programme lead of the organisation can also do it at your request.</li>
<li><strong>Rectification</strong>: edit your profile in <em>My profile</em>; directory facts through HR or IT.</li>
<li><strong>Withdrawal</strong>: taking part is voluntary; you can pause or leave at any time (leaving keeps your history, erasure removes it).</li>
<li><strong>Complaint</strong>: to your organisation’s DPO, or to the data protection authority (the CNIL in France).</li>
</ul>
</div>`,
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
