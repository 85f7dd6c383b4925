import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPackageDir, validateIcons } from '../../../appPackage/app-package';
import { brandColour, drawColorIcon, drawOutlineIcon } from '../../../appPackage/icons';
import { decodePng, encodePng, readPngHeader } from '../../../appPackage/png';

const color = readFileSync(join(appPackageDir, 'color.png'));
const outline = readFileSync(join(appPackageDir, 'outline.png'));

const pixels = (data: Uint8Array) =>
  Array.from({ length: data.length / 4 }, (_, i) => Array.from(data.subarray(i * 4, i * 4 + 4)));

describe('the app icons', () => {
  it('color.png is a 192×192 RGBA PNG', () => {
    expect(readPngHeader(color)).toEqual({
      width: 192,
      height: 192,
      bitDepth: 8,
      colorType: 6,
      interlace: 0,
    });
  });

  it('outline.png is a 32×32 RGBA PNG', () => {
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('outline.png is white on transparent only, with a visible shape', () => {
    const all = pixels(decodePng(outline).data);
    const notWhite = all.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(notWhite).toEqual([]);
    const opaque = all.filter(([, , , a]) => a === 255).length;
    const clear = all.filter(([, , , a]) => a === 0).length;
    expect(opaque).toBeGreaterThan(100);
    expect(clear).toBeGreaterThan(500);
  });

  it('color.png is opaque, on the brand colour, with a lighter symbol in the middle', () => {
    const image = decodePng(color);
    const all = pixels(image.data);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    const brand = [1, 3, 5].map((i) => Number.parseInt(brandColour.slice(i, i + 2), 16));
    expect(all[0]?.slice(0, 3)).toEqual(brand);
    const centre = all[96 * 192 + 96] as number[];
    expect(centre[0]).toBeGreaterThan(220);
  });

  it('the committed PNGs are exactly what icons.ts draws (rerun make-icons after a change)', () => {
    expect(Buffer.from(encodePng(drawColorIcon())).equals(color)).toBe(true);
    expect(Buffer.from(encodePng(drawOutlineIcon())).equals(outline)).toBe(true);
  });

  it('the package check accepts these icons and names a wrong size', () => {
    expect(validateIcons(color, outline)).toEqual([]);
    expect(validateIcons(outline, color)).toEqual([
      'color icon must be 192×192 pixels (it is 32×32)',
      'outline icon must be 32×32 pixels (it is 192×192)',
    ]);
    expect(validateIcons(Buffer.from('GIF89a'), outline)).toEqual([
      'color icon: Not a PNG: the 8-byte signature is missing',
    ]);
  });
});

describe('the PNG codec', () => {
  it('round-trips a bitmap', () => {
    const data = Uint8Array.from({ length: 5 * 3 * 4 }, (_, i) => (i * 37) % 256);
    expect(decodePng(encodePng({ width: 5, height: 3, data }))).toEqual({
      width: 5,
      height: 3,
      data,
    });
  });

  it('detects a corrupted chunk', () => {
    const bytes = Buffer.from(encodePng(drawOutlineIcon()));
    bytes[45] = (bytes[45] as number) ^ 0xff;
    expect(() => decodePng(bytes)).toThrow(/fails its CRC check/);
  });
});
