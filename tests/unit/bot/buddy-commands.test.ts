import { askedTopic, parseCommand } from '../../../bot/mentoring-bot';

describe('quick-help commands in chat', () => {
  it('reads "ask …" and "coup de main …" with a topic, in any case, after a mention', () => {
    expect(parseCommand('ask Excel')).toBe('ask');
    expect(parseCommand('Coup de main Teams')).toBe('ask');
    expect(parseCommand('coup de main')).toBe('ask');
    expect(parseCommand('ASK: xls')).toBe('ask');
    expect(parseCommand('asking for a friend')).toBe('unknown');
  });

  it('splits the topic from an optional question after a colon', () => {
    expect(askedTopic('ask Excel')).toEqual({ topic: 'Excel', question: '' });
    expect(askedTopic('coup de main Excel : figer une ligne ?')).toEqual({
      topic: 'Excel',
      question: 'figer une ligne ?',
    });
    expect(askedTopic('ask')).toEqual({ topic: '', question: '' });
  });

  it('reads buddy on / off in both languages', () => {
    expect(parseCommand('buddy on')).toBe('buddy_on');
    expect(parseCommand('Dispo coup de main')).toBe('buddy_on');
    expect(parseCommand('buddy off')).toBe('buddy_off');
    expect(parseCommand('pas dispo')).toBe('buddy_off');
  });
});
