import type { ToolkitResponse } from '../contracts/pairs';

/** La boîte à outils du mentor en français (toolkit-en.ts dit la même chose en anglais). */
export const toolkitFr: ToolkitResponse = {
  locale: 'fr',
  title: 'Boîte à outils du mentor',
  sections: [
    {
      id: 'first-session',
      title: 'Animer une première séance',
      summary:
        'Faire connaissance, s’accorder sur le sujet et le cadre, repartir avec un premier pas.',
      minutes: 4,
      blocks: [
        {
          type: 'paragraph',
          text: 'La première séance donne le ton. Il ne s’agit pas encore d’enseigner, mais de créer la confiance, de comprendre le besoin de votre mentoré et de convenir ensemble de votre façon de travailler.',
        },
        {
          type: 'steps',
          items: [
            'Présentations (10 min) : vos métiers, vos parcours, pourquoi vous êtes volontaires. Parlez de vous en premier : cela invite à l’ouverture.',
            'Son quotidien (10 min) : demandez-lui de vous montrer comment il travaille aujourd’hui : quels outils, quelles tâches prennent du temps, ce qui l’agace.',
            'Le sujet (15 min) : choisissez ensemble un outil ou une compétence précise (« construire un tableau de bord Power BI de mes ventes », pas « le numérique »). Inscrivez-le dans l’accord.',
            'Les objectifs dans les deux sens (10 min) : ce qu’il veut savoir faire à la fin, et ce que vous aimeriez apprendre de son expérience.',
            'Le cadre (5 min) : vérifiez le nombre de séances, la durée, la fréquence et le lieu préremplis par le programme ; ajustez si besoin.',
            'Règles et confidentialité (5 min) : ce qui se dit dans le binôme reste dans le binôme ; on a le droit de dire « je ne sais pas » ; chacun peut décaler une séance en prévenant 24 h avant.',
            'Un premier petit pas (5 min) : une action chacun avant la prochaine séance, avec une date.',
          ],
        },
        {
          type: 'list',
          items: [
            'Posez des questions ouvertes : « Montrez-moi comment vous… », « Qu’aimeriez-vous faire que vous ne pouvez pas faire aujourd’hui ? »',
            'Écoutez plus que vous ne parlez pendant cette première séance.',
            'Ne jugez pas la façon de faire actuelle : elle a des raisons que vous ne connaissez pas encore.',
            'Signez l’accord ensemble à la fin, ou avant la deuxième séance.',
          ],
        },
        {
          type: 'tip',
          text: 'Être plus jeune ou moins expérimenté est le principe même du mentorat inversé, pas une faiblesse : vous apportez un regard que votre mentoré ne trouve pas ailleurs.',
        },
      ],
    },
    {
      id: 'setting-goals',
      title: 'Fixer des objectifs',
      summary:
        'Transformer une envie en deux ou trois objectifs concrets et observables, dans les deux sens.',
      minutes: 3,
      blocks: [
        {
          type: 'paragraph',
          text: 'Un bon objectif décrit ce que votre mentoré saura faire, dans son propre travail, à la fin du programme. Deux ou trois objectifs suffisent.',
        },
        {
          type: 'list',
          items: [
            'Concret : « planifier une réunion Teams avec un ordre du jour partagé » plutôt que « mieux utiliser Teams ».',
            'Observable : vous pouvez tous les deux dire s’il est atteint.',
            'Utile tout de suite : lié à une vraie tâche de sa semaine.',
            'À la taille du cadre : atteignable dans les séances prévues.',
            'Dans les deux sens : écrivez aussi ce que vous voulez apprendre (comment se prennent les décisions, comment gérer un client difficile, comment se construit une carrière).',
          ],
        },
        {
          type: 'template',
          title: 'Phrase d’objectif',
          items: [
            'D’ici [date ou séance n], je saurai [action] avec [outil] pour [tâche réelle], sans aide.',
          ],
        },
        {
          type: 'paragraph',
          text: 'Chacun évalue son niveau sur chacun de ses objectifs au début, au milieu et à la fin (1 = je découvre, 5 = je pourrais l’enseigner). Le graphique du tableau de bord montre la progression : les chiffres servent à lancer la discussion, pas à noter.',
        },
      ],
    },
    {
      id: 'explaining-a-tool',
      title: 'Expliquer un outil à un collègue expérimenté',
      summary:
        'Partir de sa tâche, le laisser faire, aller doucement, vérifier ce qu’il sait faire seul.',
      minutes: 4,
      blocks: [
        {
          type: 'steps',
          items: [
            'Partez d’une vraie tâche qu’il a cette semaine, pas des fonctionnalités de l’outil.',
            'Montrez une fois, à son rythme, en nommant ce que vous faites (« je clique sur Partager, en haut à droite »).',
            'Passez-lui le clavier ou l’écran : il fait, vous guidez par la parole, sans reprendre la souris.',
            'Laissez-le se tromper et retrouver le chemin : c’est ainsi que cela reste.',
            'Demandez-lui de vous réexpliquer les étapes, ou d’écrire un mémo de trois lignes.',
            'Terminez par un exercice sur son propre travail avant la prochaine séance.',
          ],
        },
        {
          type: 'list',
          items: [
            'Évitez le jargon et les sigles, ou expliquez-les une fois (« le cloud : vos fichiers stockés sur les serveurs de Microsoft, accessibles de partout »).',
            'Reliez à ce qu’il maîtrise déjà : « un canal Teams, c’est comme une salle de réunion qui ne ferme jamais ».',
            'Une nouveauté à la fois : trois raccourcis utilisés valent mieux que vingt oubliés.',
            'Respectez son expérience : demandez comment il faisait avant et pourquoi ; la nouvelle façon doit en valoir la peine pour lui.',
            'S’il semble perdu, arrêtez-vous et demandez « qu’est-ce qui vous aiderait là, maintenant ? » plutôt que de répéter plus vite.',
          ],
        },
        {
          type: 'tip',
          text: 'Préparez un bac à sable (une équipe de test, la copie d’un fichier) pour qu’il puisse essayer sans rien casser.',
        },
      ],
    },
    {
      id: 'feedback',
      title: 'Donner et recevoir un retour',
      summary:
        'Après chaque séance, un retour dans les deux sens : précis, bienveillant, une seule piste d’amélioration.',
      minutes: 3,
      blocks: [
        {
          type: 'paragraph',
          text: 'Après chaque séance, vous répondez tous les deux à trois questions courtes dans l’application : une note de 1 à 4, ce qui a bien marché et une suggestion. Le retour de votre mentoré vous fait progresser comme mentor ; le vôtre l’aide à apprendre.',
        },
        {
          type: 'list',
          items: [
            'Soyez précis : décrivez un moment (« quand vous avez partagé votre écran et m’avez laissé essayer ») plutôt qu’une qualité (« super séance »).',
            'Une seule suggestion, formulée comme une prochaine étape : « la prochaine fois, pourrions-nous partir de mon propre fichier ? »',
            'Parlez de la situation et de son effet, pas de la personne.',
            'Donnez votre retour peu après la séance, tant qu’elle est fraîche.',
          ],
        },
        {
          type: 'steps',
          items: [
            'Quand vous recevez un retour, lisez-le pour comprendre, pas pour répondre.',
            'Remerciez votre binôme ; posez une question si quelque chose n’est pas clair.',
            'Choisissez une chose à changer à la prochaine séance et annoncez-la au début.',
          ],
        },
        {
          type: 'paragraph',
          text: 'Après la première séance, l’application demande aussi si le binôme vous convient. Répondez franchement : votre réponse n’est pas montrée à votre binôme. Si vous répondez tous les deux que cela ne convient pas, le responsable du programme est prévenu et peut proposer un autre binôme, sans reproche pour personne.',
        },
      ],
    },
    {
      id: 'session-templates',
      title: 'Modèles de séance',
      summary:
        'Des ordres du jour prêts à l’emploi pour la première, une séance courante et la dernière.',
      minutes: 2,
      blocks: [
        {
          type: 'template',
          title: 'Première séance (60 min)',
          items: [
            'Présentations et pourquoi nous sommes volontaires (10 min)',
            'Comment vous travaillez aujourd’hui : outils et difficultés (10 min)',
            'Le sujet précis et nos objectifs dans les deux sens (25 min)',
            'Cadre, règles, confidentialité (10 min)',
            'Une action chacun, prochaine date (5 min)',
          ],
        },
        {
          type: 'template',
          title: 'Séance courante (60 min)',
          items: [
            'Tour de table : ce qui a été essayé depuis la dernière fois, les actions (10 min)',
            'Pratique sur une tâche réelle, le mentoré au clavier (30 min)',
            'La question du mentor : ce que j’apprends de vous aujourd’hui (10 min)',
            'Résumé en trois lignes dans les notes partagées, actions avec dates (10 min)',
          ],
        },
        {
          type: 'template',
          title: 'Point de mi-parcours (15 min dans une séance courante)',
          items: [
            'Chacun réévalue ses objectifs (auto-évaluation du milieu)',
            'Les objectifs sont-ils toujours les bons ? Sinon, ajustez l’accord (vous le signez à nouveau tous les deux)',
            'Que faire davantage, ou moins ?',
          ],
        },
        {
          type: 'template',
          title: 'Dernière séance (60 min)',
          items: [
            'Démonstration : le mentoré montre ce qu’il sait désormais faire seul (15 min)',
            'Auto-évaluation de fin sur chaque objectif (10 min)',
            'Ce que chacun a appris, dans les deux sens (15 min)',
            'Continuer : ressources, à qui demander, une date pour se recontacter (15 min)',
            'Merci, et clôture du binôme dans l’application (5 min)',
          ],
        },
      ],
    },
  ],
};
