import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// My profile: identity, consent and participation, the volunteer form.
// These strings load with the lazy screens that use them, not with the shell.

const en = {
  'profile.loading': 'Loading your profile…',
  'profile.noProgramme': 'No programme is open to volunteers at the moment. Come back later.',
  'profile.programme': 'Programme',
  'identity.jobTitle': 'Job',
  'identity.department': 'Department',
  'identity.manager': 'Manager',
  'identity.noManager': 'None',
  'identity.email': 'E-mail',
  'identity.fromDirectory':
    "From your organisation's directory. To change it, ask your HR or IT team.",
  'identity.notInDirectory': "We could not find you in your organisation's directory.",
  'consent.v1.volunteer':
    'I volunteer for this reverse-mentoring programme. Nobody asked me to, and I can pause or leave at any time.',
  'consent.v1.data':
    'I agree that the programme uses my name, job, department, manager, the skills I share and want to learn, my languages and my availability to suggest a partner and plan our sessions.',
  'consent.v1.sharing':
    'My partner, the programme leads and, for the time we spend, my manager will see what is needed for this. My private notes stay mine.',
  'consent.v1.leave':
    'If I leave, I receive no more suggestions or reminders; what happened before is kept for the programme report.',
  'participation.join.title': 'Join “{programme}”',
  'participation.title': 'Your participation in “{programme}”',
  'participation.left': 'You left the programme on {date}. Your history is kept.',
  'participation.consent.version': 'Consent text, version {version}',
  'participation.consent.agree': 'I have read this text and I volunteer',
  'participation.join': 'Join the programme',
  'participation.rejoin': 'Join again',
  'participation.status.opted_in': 'You are taking part',
  'participation.status.paused': 'Paused',
  'participation.status.pausedUntil': 'Paused until {date}',
  'participation.pause.until': 'Pause until',
  'participation.pause.hint': 'No suggestions or reminders before this date.',
  'participation.pause.required': 'Choose the date your pause ends.',
  'participation.pause.future': 'Choose a date after today.',
  'participation.pause': 'Pause',
  'participation.resume': 'Resume now',
  'participation.leave': 'Leave the programme',
  'participation.leave.title': 'Leave the programme?',
  'participation.leave.body':
    'You will receive no more partner suggestions or reminders. Your history is kept, and you can join again later.',
  'participation.leave.confirm': 'Leave',
  'participation.leave.cancel': 'Stay',
  'participation.announce.not_joined': 'You are not taking part.',
  'participation.announce.opted_in': 'You are taking part in the programme.',
  'participation.announce.paused': 'Your participation is paused.',
  'participation.announce.left': 'You have left the programme.',
  'profile.form.title': 'What you share and want to learn',
  'profile.roleWish': 'I would like to be',
  'profile.roleWish.mentor': 'Mentor: I share what I know',
  'profile.roleWish.mentee': 'Mentee: I learn from a colleague',
  'profile.roleWish.both': 'Both',
  'profile.teaches.short': 'Skills to share',
  'profile.learns.short': 'Skills to learn',
  'profile.timeZone': 'Time zone',
  'profile.timeZone.hint': 'Type a city or a region, such as Paris or New York.',
  'profile.availability': 'When I am usually free',
  'profile.availability.help':
    'Mark the times you could meet each week. Use the arrow keys to move and Space to mark or unmark a time; with a mouse, click or drag.',
  'profile.workMode': 'I work',
  'profile.workMode.remote': 'Remotely',
  'profile.workMode.hybrid': 'Hybrid',
  'profile.workMode.on_site': 'On site',
  'profile.bio': 'A few words about me',
  'profile.bio.count': '{length} / {max} characters',
  'profile.save': 'Save my profile',
  'profile.saving': 'Saving…',
  'profile.capacity': {
    one: 'As a mentor, you can mentor up to {count} person at a time.',
    other: 'As a mentor, you can mentor up to {count} people at a time.',
  },
  'profile.saved': 'Your profile is saved.',
  'profile.savedIncomplete': 'Your profile is saved. To be matched you still need {missing}.',
  'profile.gap.skill_to_learn': 'a skill to learn',
  'profile.gap.skill_to_teach': 'a skill to pass on',
  'profile.gap.skill': 'a skill to pass on or to learn',
  'profile.gap.availability': 'some hours available in the week',
  'profile.unsaved': 'Unsaved changes',
  'profile.keptTyped': 'What you typed is still here.',
  'profile.invalid.title': 'Your profile was not saved. Please check:',
  'profile.conflict.title': 'Your profile was changed somewhere else',
  'profile.conflict.body':
    'It was saved from another window or device after you opened it. Your changes are still here: load the latest version, check, then save again.',
  'profile.conflict.reload': 'Load the latest version and keep my changes',
  'profile.conflict.merged':
    'The latest version is loaded and your changes are kept. Check them, then save again.',
  'profile.error.inSection': '{section}: {message}',
  'profile.error.languagesRequired': 'Choose at least one language you can hold a session in.',
  'profile.error.tooManyLanguages': 'Choose {max} languages at most.',
  'profile.error.timeZoneUnknown':
    '“{zone}” is not a time zone we know. Type a city, such as Paris, and pick it from the list.',
  'profile.error.bioTooLong': 'Your text has {length} characters; shorten it to {max} at most.',
  'profile.error.goalTooLong': 'This goal has {length} characters; shorten it to {max} at most.',
  'profile.error.goalInvalid': 'Write this goal in {max} characters at most.',
  'profile.error.tooManySkills': 'Choose {max} skills at most.',
  'profile.error.tooManySlots':
    'Your week has {count} separate free periods; {max} at most are possible. Join some of them.',
  'profile.error.skillUnknown':
    "A skill is no longer in the programme's catalogue: remove it and choose another.",
  'profile.error.level': 'Choose a level from 1 to 5.',
  'profile.error.invalid.roleWish': 'Choose mentor, mentee or both.',
  'profile.error.invalid.teaches': 'Check the skills you share.',
  'profile.error.invalid.learns': 'Check the skills you want to learn.',
  'profile.error.invalid.languages': 'Check your languages.',
  'profile.error.invalid.timeZone': 'Choose a time zone from the list.',
  'profile.error.invalid.availability':
    'Some free periods overlap or are not valid times. Check your week.',
  'profile.error.invalid.workMode': 'Choose how you work.',
  'profile.error.invalid.bio': 'Check the text about you (500 characters at most).',
} as const;

const fr: CatalogueFor<typeof en> = {
  'profile.loading': 'Chargement de votre profil…',
  'profile.noProgramme':
    "Aucun programme n'accueille de volontaires pour le moment. Revenez plus tard.",
  'profile.programme': 'Programme',
  'identity.jobTitle': 'Poste',
  'identity.department': 'Service',
  'identity.manager': 'Manager',
  'identity.noManager': 'Aucun',
  'identity.email': 'E-mail',
  'identity.fromDirectory':
    "Issu de l'annuaire de votre organisation. Pour le modifier, adressez-vous aux RH ou à l'informatique.",
  'identity.notInDirectory': "Vous n'avez pas été trouvé dans l'annuaire de votre organisation.",
  'consent.v1.volunteer':
    "Je me porte volontaire pour ce programme de mentorat inversé. Personne ne me l'a imposé, et je peux faire une pause ou le quitter à tout moment.",
  'consent.v1.data':
    "J'accepte que le programme utilise mon nom, mon poste, mon service, mon manager, les compétences que je partage et que je veux apprendre, mes langues et mes disponibilités pour me proposer un binôme et planifier nos séances.",
  'consent.v1.sharing':
    'Mon binôme, les responsables du programme et, pour le temps consacré, mon manager verront ce qui est nécessaire pour cela. Mes notes privées restent les miennes.',
  'consent.v1.leave':
    "Si je quitte le programme, je ne reçois plus de propositions ni de rappels ; ce qui s'est passé avant est conservé pour le bilan du programme.",
  'participation.join.title': 'Rejoindre « {programme} »',
  'participation.title': 'Votre participation à « {programme} »',
  'participation.left': 'Vous avez quitté le programme le {date}. Votre historique est conservé.',
  'participation.consent.version': 'Texte de consentement, version {version}',
  'participation.consent.agree': "J'ai lu ce texte et je me porte volontaire",
  'participation.join': 'Rejoindre le programme',
  'participation.rejoin': 'Rejoindre à nouveau',
  'participation.status.opted_in': 'Vous participez',
  'participation.status.paused': 'En pause',
  'participation.status.pausedUntil': "En pause jusqu'au {date}",
  'participation.pause.until': "Faire une pause jusqu'au",
  'participation.pause.hint': 'Aucune proposition ni aucun rappel avant cette date.',
  'participation.pause.required': 'Choisissez la date de fin de votre pause.',
  'participation.pause.future': "Choisissez une date après aujourd'hui.",
  'participation.pause': 'Faire une pause',
  'participation.resume': 'Reprendre maintenant',
  'participation.leave': 'Quitter le programme',
  'participation.leave.title': 'Quitter le programme ?',
  'participation.leave.body':
    'Vous ne recevrez plus de propositions de binôme ni de rappels. Votre historique est conservé et vous pourrez revenir plus tard.',
  'participation.leave.confirm': 'Quitter',
  'participation.leave.cancel': 'Rester',
  'participation.announce.not_joined': 'Vous ne participez pas.',
  'participation.announce.opted_in': 'Vous participez au programme.',
  'participation.announce.paused': 'Votre participation est en pause.',
  'participation.announce.left': 'Vous avez quitté le programme.',
  'profile.form.title': 'Ce que vous partagez et voulez apprendre',
  'profile.roleWish': 'Je souhaite être',
  'profile.roleWish.mentor': 'Mentor : je partage ce que je sais',
  'profile.roleWish.mentee': "Mentoré : j'apprends d'un collègue",
  'profile.roleWish.both': 'Les deux',
  'profile.teaches.short': 'Compétences à partager',
  'profile.learns.short': 'Compétences à apprendre',
  'profile.timeZone': 'Fuseau horaire',
  'profile.timeZone.hint': 'Tapez une ville ou une région, par exemple Paris ou New York.',
  'profile.availability': 'Quand je suis habituellement disponible',
  'profile.availability.help':
    'Marquez les moments où vous pourriez vous retrouver chaque semaine. Flèches pour vous déplacer, Espace pour marquer ou démarquer un créneau ; à la souris, cliquez ou faites glisser.',
  'profile.workMode': 'Je travaille',
  'profile.workMode.remote': 'À distance',
  'profile.workMode.hybrid': 'En hybride',
  'profile.workMode.on_site': 'Sur site',
  'profile.bio': 'Quelques mots sur moi',
  'profile.bio.count': '{length} / {max} caractères',
  'profile.save': 'Enregistrer mon profil',
  'profile.saving': 'Enregistrement…',
  'profile.capacity': {
    one: 'Comme mentor, vous pouvez accompagner jusqu’à {count} personne à la fois.',
    other: 'Comme mentor, vous pouvez accompagner jusqu’à {count} personnes à la fois.',
  },
  'profile.saved': 'Votre profil est enregistré.',
  'profile.savedIncomplete':
    'Votre profil est enregistré. Pour être mis en binôme, il vous manque encore {missing}.',
  'profile.gap.skill_to_learn': 'une compétence à apprendre',
  'profile.gap.skill_to_teach': 'une compétence à transmettre',
  'profile.gap.skill': 'une compétence à transmettre ou à apprendre',
  'profile.gap.availability': 'des heures disponibles dans la semaine',
  'profile.unsaved': 'Modifications non enregistrées',
  'profile.keptTyped': 'Ce que vous avez saisi est conservé.',
  'profile.invalid.title': "Votre profil n'a pas été enregistré. Vérifiez :",
  'profile.conflict.title': 'Votre profil a été modifié ailleurs',
  'profile.conflict.body':
    'Il a été enregistré depuis une autre fenêtre ou un autre appareil après son ouverture ici. Vos modifications sont conservées : chargez la dernière version, vérifiez, puis enregistrez à nouveau.',
  'profile.conflict.reload': 'Charger la dernière version en gardant mes modifications',
  'profile.conflict.merged':
    'La dernière version est chargée et vos modifications sont conservées. Vérifiez-les, puis enregistrez à nouveau.',
  'profile.error.inSection': '{section} : {message}',
  'profile.error.languagesRequired':
    'Choisissez au moins une langue dans laquelle vous pouvez échanger.',
  'profile.error.tooManyLanguages': 'Choisissez {max} langues au plus.',
  'profile.error.timeZoneUnknown':
    '« {zone} » n’est pas un fuseau horaire connu. Tapez une ville, par exemple Paris, et choisissez-la dans la liste.',
  'profile.error.bioTooLong':
    'Votre texte compte {length} caractères ; réduisez-le à {max} au plus.',
  'profile.error.goalTooLong':
    'Cet objectif compte {length} caractères ; réduisez-le à {max} au plus.',
  'profile.error.goalInvalid': 'Écrivez cet objectif en {max} caractères au plus.',
  'profile.error.tooManySkills': 'Choisissez {max} compétences au plus.',
  'profile.error.tooManySlots':
    'Votre semaine compte {count} créneaux séparés ; {max} au plus sont possibles. Regroupez-en certains.',
  'profile.error.skillUnknown':
    'Une compétence ne figure plus au catalogue du programme : retirez-la et choisissez-en une autre.',
  'profile.error.level': 'Choisissez un niveau de 1 à 5.',
  'profile.error.invalid.roleWish': 'Choisissez mentor, mentoré ou les deux.',
  'profile.error.invalid.teaches': 'Vérifiez les compétences que vous partagez.',
  'profile.error.invalid.learns': 'Vérifiez les compétences que vous voulez apprendre.',
  'profile.error.invalid.languages': 'Vérifiez vos langues.',
  'profile.error.invalid.timeZone': 'Choisissez un fuseau horaire dans la liste.',
  'profile.error.invalid.availability':
    'Des créneaux se chevauchent ou ne sont pas des heures valides. Vérifiez votre semaine.',
  'profile.error.invalid.workMode': 'Choisissez votre mode de travail.',
  'profile.error.invalid.bio': 'Vérifiez votre présentation (500 caractères au plus).',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useProfileT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests, code outside React). */
export const profileTranslate = catalogue.translate;
export type ProfileTranslate = ReturnType<typeof catalogue.translate>;
