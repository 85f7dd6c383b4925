import type { RgbaImage } from './png';

/**
 * The app's two icons, drawn in code so they can be regenerated exactly
 * (`npx tsx appPackage/make-icons.ts`): two overlapping circles, two people meeting halfway.
 */

/** Teams' own brand purple; also the manifest's accentColor. */
export const brandColour = '#5B5FC7';

type Rgb = readonly [number, number, number];

const hex = (colour: string): Rgb => {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
};

// 4×4 samples per pixel give smooth edges without any image library.
const samples = 4;

type Circle = { readonly cx: number; readonly cy: number; readonly r: number };

const inside = (c: Circle, x: number, y: number) => (x - c.cx) ** 2 + (y - c.cy) ** 2 <= c.r ** 2;

/** Colour icon, 192×192: the brand colour, and two white circles whose overlap is brightest. */
export function drawColorIcon(size = 192): RgbaImage {
  const [br, bg, bb] = hex(brandColour);
  const scale = size / 192;
  // The symbol stays within the central 96 px Teams recommends (it crops the corners).
  const left: Circle = { cx: 78 * scale, cy: 96 * scale, r: 30 * scale };
  const right: Circle = { cx: 114 * scale, cy: 96 * scale, r: 30 * scale };
  const veil = 0.55; // opacity of each white circle: one circle ≈ lavender, both ≈ near white
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const layers = (inside(left, px, py) ? 1 : 0) + (inside(right, px, py) ? 1 : 0);
          const keep = (1 - veil) ** layers;
          r += br * keep + 255 * (1 - keep);
          g += bg * keep + 255 * (1 - keep);
          b += bb * keep + 255 * (1 - keep);
        }
      }
      const n = samples * samples;
      data.set([Math.round(r / n), Math.round(g / n), Math.round(b / n), 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Outline icon, 32×32: two overlapping white rings on a transparent background. */
export function drawOutlineIcon(size = 32): RgbaImage {
  const scale = size / 32;
  const rings = [
    { cx: 11 * scale, cy: 16 * scale },
    { cx: 21 * scale, cy: 16 * scale },
  ];
  const outer = 9 * scale;
  const inner = 7 * scale;
  const onRing = (x: number, y: number) =>
    rings.some(({ cx, cy }) => {
      const d2 = (x - cx) ** 2 + (y - cy) ** 2;
      return d2 <= outer ** 2 && d2 >= inner ** 2;
    });
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (onRing(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) covered++;
        }
      }
      // Teams requires white on transparent: colour is always white, only alpha varies.
      const alpha = Math.round((covered / (samples * samples)) * 255);
      data.set([255, 255, 255, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
