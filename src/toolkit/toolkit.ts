import type { ToolkitResponse } from '../contracts/pairs';
import type { Locale } from '../domain/common';
import { toolkitEn } from './toolkit-en';
import { toolkitFr } from './toolkit-fr';

/** The mentor toolkit in one locale (served by `GET /api/toolkit`). */
export type ToolkitProvider = (locale: Locale) => ToolkitResponse;

/** The toolkit shipped with the app, fr and en with the same sections in the same order. */
export const shippedToolkit: ToolkitProvider = (locale) =>
  locale === 'en' ? toolkitEn : toolkitFr;
