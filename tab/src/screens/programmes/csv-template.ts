import type { Locale } from '../../i18n/catalogue';

// A participants file to start from, with the columns of src/contracts/imports.ts (`importColumns`)
// under headers in the lead's language. French spreadsheets separate with « ; » and English ones
// with « , »; the import detects either. The BOM makes Excel read the accents as UTF-8.

const templates: Record<Locale, { header: string[]; example: string[]; separator: string }> = {
  en: {
    header: ['email', 'display name', 'department', 'manager email', 'role wish', 'languages'],
    example: [
      'camille.martin@example.com',
      'Camille Martin',
      'Sales',
      'julie.bernard@example.com',
      'mentee',
      'fr en',
    ],
    separator: ',',
  },
  fr: {
    header: [
      'courriel',
      'nom',
      'département',
      'courriel du responsable',
      'rôle souhaité',
      'langues',
    ],
    example: [
      'camille.martin@exemple.fr',
      'Camille Martin',
      'Ventes',
      'julie.bernard@exemple.fr',
      'mentoré',
      'fr en',
    ],
    separator: ';',
  },
};

/** The text of the CSV template in `locale`: a header row and one example row. */
export function csvTemplate(locale: Locale): string {
  const { header, example, separator } = templates[locale];
  return `\uFEFF${header.join(separator)}\r\n${example.join(separator)}\r\n`;
}

/** The template as a link target (a data URL: nothing to revoke, works offline). */
export function csvTemplateHref(locale: Locale): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate(locale))}`;
}
