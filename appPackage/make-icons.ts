/**
 * Writes appPackage/color.png and appPackage/outline.png from the drawings in icons.ts.
 * Run it after changing a drawing: `npx tsx appPackage/make-icons.ts` (the PNGs are committed).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawColorIcon, drawOutlineIcon } from './icons';
import { encodePng } from './png';

const here = fileURLToPath(new URL('.', import.meta.url));

for (const [name, image] of [
  ['color.png', drawColorIcon()],
  ['outline.png', drawOutlineIcon()],
] as const) {
  const bytes = encodePng(image);
  writeFileSync(join(here, name), bytes);
  console.log(`${name}: ${image.width}×${image.height}, ${bytes.length} bytes`);
}
