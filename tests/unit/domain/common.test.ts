import { z } from 'zod';
import type { DomainError } from '../../../src/domain';
import {
  isLanguageTag,
  isValidTimeZone,
  issuesOf,
  localizedTextSchema,
  parseOrThrow,
  skillIdSchema,
  skillLevelSchema,
  timeZoneSchema,
  weeklySlotSchema,
  isoDateTimeSchema,
  idSchema,
  isDomainError,
} from '../../../src/domain';

const messagesOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : issuesOf(result.error).map((i) => i.message);
};

describe('common schemas', () => {
  it('accepts IANA time zones and UTC, refuses made-up zones and raw offsets', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('America/Montreal')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(messagesOf(timeZoneSchema, 'Paris')).toEqual([
      'timeZone must be an IANA time zone such as Europe/Paris',
    ]);
  });

  it('accepts BCP 47 language tags and refuses free text', () => {
    expect(isLanguageTag('fr')).toBe(true);
    expect(isLanguageTag('en-GB')).toBe(true);
    expect(isLanguageTag('French')).toBe(false);
    expect(isLanguageTag('f')).toBe(false);
    expect(isLanguageTag('fr_FR')).toBe(false);
  });

  it('needs both French and English in localized text', () => {
    expect(localizedTextSchema.safeParse({ fr: 'Négociation', en: 'Negotiation' }).success).toBe(
      true,
    );
    expect(messagesOf(localizedTextSchema, { fr: 'Négociation' })).toEqual([
      'English text is required',
    ]);
    expect(messagesOf(localizedTextSchema, { fr: '  ', en: 'x' })).toEqual([
      'French text must not be empty',
    ]);
    expect(messagesOf(localizedTextSchema, 'Negotiation')).toEqual([
      'expected text in French and English ({ fr, en })',
    ]);
  });

  it('a weekly slot must end after it starts, in HH:MM', () => {
    expect(weeklySlotSchema.safeParse({ day: 'mon', start: '09:00', end: '10:30' }).success).toBe(
      true,
    );
    expect(weeklySlotSchema.safeParse({ day: 'sun', start: '22:00', end: '24:00' }).success).toBe(
      true,
    );
    expect(messagesOf(weeklySlotSchema, { day: 'mon', start: '10:00', end: '09:00' })).toEqual([
      'end must be later than start',
    ]);
    expect(messagesOf(weeklySlotSchema, { day: 'mon', start: '10:00', end: '10:00' })).toEqual([
      'end must be later than start',
    ]);
    expect(messagesOf(weeklySlotSchema, { day: 'monday', start: '9:00', end: '10:00' })).toEqual([
      'day must be one of mon, tue, wed, thu, fri, sat, sun',
      'start must be a time HH:MM between 00:00 and 23:59',
    ]);
    expect(messagesOf(weeklySlotSchema, { day: 'mon', start: '24:00', end: '24:30' })).toEqual([
      'start must be a time HH:MM between 00:00 and 23:59',
      'end must be a time HH:MM between 00:01 and 24:00',
    ]);
  });

  it('skill levels are whole numbers from 1 to 5', () => {
    expect(skillLevelSchema.safeParse(1).success).toBe(true);
    expect(skillLevelSchema.safeParse(5).success).toBe(true);
    expect(messagesOf(skillLevelSchema, 0)).toEqual(['level must be at least 1']);
    expect(messagesOf(skillLevelSchema, 6)).toEqual(['level must be at most 5']);
    expect(messagesOf(skillLevelSchema, 2.5)).toEqual(['level must be a whole number from 1 to 5']);
    expect(messagesOf(skillLevelSchema, '3')).toEqual(['level must be a number from 1 to 5']);
  });

  it('skill ids are lowercase slugs', () => {
    expect(skillIdSchema.safeParse('power-bi').success).toBe(true);
    expect(messagesOf(skillIdSchema, 'Power BI')).toEqual([
      'skillId must be a lowercase slug such as power-bi',
    ]);
  });

  it('date-times are ISO instants in UTC', () => {
    expect(isoDateTimeSchema.safeParse('2026-03-02T09:00:00.000Z').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-03-02T09:00:00+01:00').success).toBe(false);
    expect(isoDateTimeSchema.safeParse('2 March 2026').success).toBe(false);
  });

  it('ids are non-empty and free of the characters Cosmos DB forbids', () => {
    expect(idSchema.safeParse('9f1c2d3e-0000-4000-8000-000000000001').success).toBe(true);
    expect(messagesOf(idSchema, '')).toEqual(['id must not be empty']);
    expect(messagesOf(idSchema, 'a/b')).toEqual(['id must not contain / \\ ? or #']);
    expect(messagesOf(idSchema, undefined)).toEqual(['id is required']);
  });

  it('parseOrThrow raises validation_failed listing every issue with its path', () => {
    const schema = z.object({ slots: z.array(weeklySlotSchema), zone: timeZoneSchema });
    let caught: unknown;
    try {
      parseOrThrow(
        schema,
        { slots: [{ day: 'mon', start: '11:00', end: '10:00' }], zone: 'x' },
        'profile',
      );
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, 'validation_failed')).toBe(true);
    const error = caught as DomainError;
    expect(error.message).toBe('Invalid profile: slots.0.end: end must be later than start');
    expect(error.details).toEqual({
      issues: [
        { path: 'slots.0.end', message: 'end must be later than start' },
        { path: 'zone', message: 'timeZone must be an IANA time zone such as Europe/Paris' },
      ],
    });
  });
});
