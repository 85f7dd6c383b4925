import type { ToolkitResponse } from '../contracts/pairs';

/** The mentor toolkit in English (the French text in toolkit-fr.ts says the same things). */
export const toolkitEn: ToolkitResponse = {
  locale: 'en',
  title: 'Mentor toolkit',
  sections: [
    {
      id: 'first-session',
      title: 'Running a first session',
      summary:
        'Get to know each other, agree on the subject and the frame, leave with a first step.',
      minutes: 4,
      blocks: [
        {
          type: 'paragraph',
          text: 'The first session sets the tone. Its goal is not to teach yet but to build trust, understand what your mentee needs and agree on how you will work together.',
        },
        {
          type: 'steps',
          items: [
            'Introductions (10 min): your jobs, your careers, why you volunteered. Share something about yourself first: it invites openness.',
            'Their everyday work (10 min): ask them to show you how they work today: which tools, which tasks take time, what frustrates them.',
            'The subject (15 min): choose one precise tool or skill together ("build a Power BI dashboard of my sales", not "digital"). Write it in the agreement.',
            'Goals both ways (10 min): what they want to be able to do at the end, and what you would like to learn from their experience.',
            'The frame (5 min): check the number of sessions, duration, frequency and place prefilled from the programme; adjust if needed.',
            'Ground rules and confidentiality (5 min): what is said in the pair stays in the pair; it is fine to say "I don’t know"; either of you may reschedule with 24 h notice.',
            'A first small step (5 min): one action item each before the next session, with a date.',
          ],
        },
        {
          type: 'list',
          items: [
            'Ask open questions: "Show me how you…", "What would you like to do that you can’t today?"',
            'Listen more than you talk during this first session.',
            'Do not judge the current way of working: it has reasons you do not know yet.',
            'Sign the agreement together at the end, or before the second session.',
          ],
        },
        {
          type: 'tip',
          text: 'Being younger or more junior is the point of reverse mentoring, not a weakness: you bring a view your mentee cannot get elsewhere.',
        },
      ],
    },
    {
      id: 'setting-goals',
      title: 'Setting goals',
      summary: 'Turn a wish into two or three concrete, observable goals, both ways.',
      minutes: 3,
      blocks: [
        {
          type: 'paragraph',
          text: 'A good goal describes something your mentee will be able to do, in their own work, by the end of the programme. Two or three goals are enough.',
        },
        {
          type: 'list',
          items: [
            'Concrete: "Schedule a Teams meeting with a shared agenda" rather than "be better at Teams".',
            'Observable: you can both tell whether it is reached.',
            'Useful now: tied to a real task in their week.',
            'Sized for the frame: reachable in the sessions you agreed.',
            'Both ways: also write what you want to learn (how decisions are made, how to handle a difficult client, how a career is built).',
          ],
        },
        {
          type: 'template',
          title: 'Goal sentence',
          items: [
            'By [date or session n], I will be able to [action] with [tool] for [real task], without help.',
          ],
        },
        {
          type: 'paragraph',
          text: 'Each of you rates your level on each of your goals at the start, the middle and the end (1 = new to it, 5 = could teach it). The chart on the dashboard shows the progress; the numbers are a conversation starter, not an exam.',
        },
      ],
    },
    {
      id: 'explaining-a-tool',
      title: 'Explaining a tool to a senior colleague',
      summary:
        'Start from their task, let them drive, go slowly, and check what they can do alone.',
      minutes: 4,
      blocks: [
        {
          type: 'steps',
          items: [
            'Start from a real task they have this week, not from the tool’s features.',
            'Show once, at their pace, naming what you do ("I click Share, top right").',
            'Hand over the keyboard or screen: they do it, you guide with words, never take the mouse back.',
            'Let them make mistakes and find the way back: that is how it sticks.',
            'Ask them to explain the steps back to you, or to write a three-line memo.',
            'End with one exercise on their own work before the next session.',
          ],
        },
        {
          type: 'list',
          items: [
            'Avoid jargon and acronyms, or explain them once ("the cloud: your files stored on Microsoft’s servers, reachable from anywhere").',
            'Link to what they already master: "a Teams channel is like a meeting room that never closes".',
            'One new thing at a time; three shortcuts they use beat twenty they forget.',
            'Respect their experience: ask how they did it before and why; the new way must be worth it for them.',
            'If they seem lost, stop and ask "what would help right now?" rather than repeating faster.',
          ],
        },
        {
          type: 'tip',
          text: 'Prepare a safe sandbox (a test team, a copy of a file) so that nothing real can break while they experiment.',
        },
      ],
    },
    {
      id: 'feedback',
      title: 'Giving and receiving feedback',
      summary:
        'Feedback goes both ways after each session: specific, kind, and about one thing to improve.',
      minutes: 3,
      blocks: [
        {
          type: 'paragraph',
          text: 'After each session you both answer three short questions in the app: a rating from 1 to 4, what worked, and one suggestion. Your mentee’s feedback is how you improve as a mentor; yours helps them learn.',
        },
        {
          type: 'list',
          items: [
            'Be specific: describe a moment ("when you shared your screen and let me try") rather than a quality ("great session").',
            'One suggestion only, phrased as a next step: "next time, could we start from my own file?"',
            'Talk about the situation and the effect, not the person.',
            'Give feedback soon after the session, while it is fresh.',
          ],
        },
        {
          type: 'steps',
          items: [
            'When you receive feedback, read it to understand, not to reply.',
            'Thank your partner; ask a question if something is unclear.',
            'Pick one thing to change next session and say so at its start.',
          ],
        },
        {
          type: 'paragraph',
          text: 'After the first session the app also asks whether the pairing is a good fit. Answer honestly: your answer is not shown to your partner. If both of you say it is a poor fit, the programme lead is told and can propose another partner, with no blame on anyone.',
        },
      ],
    },
    {
      id: 'session-templates',
      title: 'Session templates',
      summary: 'Ready-made agendas for a first, a regular and a last session.',
      minutes: 2,
      blocks: [
        {
          type: 'template',
          title: 'First session (60 min)',
          items: [
            'Introductions and why we volunteered (10 min)',
            'How you work today: tools and pain points (10 min)',
            'The precise subject and our goals both ways (25 min)',
            'Frame, ground rules, confidentiality (10 min)',
            'One action item each, next date (5 min)',
          ],
        },
        {
          type: 'template',
          title: 'Regular session (60 min)',
          items: [
            'Check-in: what was tried since last time, action items (10 min)',
            'Hands-on on a real task, mentee at the keyboard (30 min)',
            'The mentor’s question: what I learn from you today (10 min)',
            'Recap in three lines in the shared notes, action items with dates (10 min)',
          ],
        },
        {
          type: 'template',
          title: 'Middle session check (15 min within a regular session)',
          items: [
            'Each rates their goals again (middle self-assessment)',
            'Are the goals still right? Adjust the agreement if not (both sign again)',
            'What should we do more of, or less of?',
          ],
        },
        {
          type: 'template',
          title: 'Last session (60 min)',
          items: [
            'Demo: the mentee shows what they can now do alone (15 min)',
            'End self-assessment of each goal (10 min)',
            'What each of us learned, both ways (15 min)',
            'How to keep going: resources, who to ask, a date to check in (15 min)',
            'Thank you, and complete the pair in the app (5 min)',
          ],
        },
      ],
    },
  ],
};
