import { deflateSync, inflateSync } from 'node:zlib';

/** An 8-bit RGBA bitmap, rows top to bottom, 4 bytes a pixel. */
export type RgbaImage = {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
};

/** The fields of a PNG's IHDR chunk. */
export type PngHeader = {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 2 = RGB, 6 = RGBA (the only two this module decodes). */
  readonly colorType: number;
  readonly interlace: number;
};

const signature = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/** Encodes an RGBA bitmap as a PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) {
    throw new Error(
      `RGBA data has ${data.length} bytes; ${width}×${height} needs ${width * height * 4}`,
    );
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8);

  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const parts = [
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

type Chunk = { readonly type: string; readonly body: Uint8Array };

function readChunks(bytes: Uint8Array): Chunk[] {
  if (bytes.length < 8 || signature.some((b, i) => bytes[i] !== b)) {
    throw new Error('Not a PNG: the 8-byte signature is missing');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw new Error(`Truncated PNG chunk at byte ${at}`);
    const length = view.getUint32(at);
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
    if (at + 12 + length > bytes.length) throw new Error(`Truncated PNG chunk ${type}`);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new Error(`PNG chunk ${type} fails its CRC check`);
    }
    chunks.push({ type, body });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Reads a PNG's IHDR (which the format requires to be the first chunk). */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const first = readChunks(bytes)[0];
  if (!first || first.type !== 'IHDR' || first.body.length !== 13) {
    throw new Error('PNG does not start with a 13-byte IHDR chunk');
  }
  const v = new DataView(first.body.buffer, first.body.byteOffset, 13);
  return {
    width: v.getUint32(0),
    height: v.getUint32(4),
    bitDepth: v.getUint8(8),
    colorType: v.getUint8(9),
    interlace: v.getUint8(12),
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (all five row filters) into RGBA. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const header = readPngHeader(bytes);
  const { width, height, bitDepth, colorType, interlace } = header;
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
    throw new Error(
      `Unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`,
    );
  }
  const channels = colorType === 6 ? 4 : 3;
  const idat = readChunks(bytes).filter((c) => c.type === 'IDAT');
  const raw = inflateSync(Buffer.concat(idat.map((c) => c.body)));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) {
    throw new Error(`PNG image data has ${raw.length} bytes; expected ${(stride + 1) * height}`);
  }
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[row + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[row - stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (pixels[row - stride + x - channels] as number) : 0;
      const v = raw[src + x] as number;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4:
          out = v + paeth(a, b, c);
          break;
        default:
          throw new Error(`Unknown PNG row filter ${filter} on row ${y}`);
      }
      pixels[row + x] = out & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(pixels.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, data: rgba };
}
