import { encodePng, type RgbaImage } from './png.js';

/** The brand colour of the top bar (styles.css `--brand`); also the manifest's theme colour. */
export const BRAND_COLOR = '#0b5d4b';
const BRAND: Rgb = [0x0b, 0x5d, 0x4b];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const ACCENT: Rgb = [0x25, 0xd3, 0x66];

type Rgb = [number, number, number];
/** A point in the unit square (0..1 both ways, y down). */
type Shape = (x: number, y: number) => boolean;

export type IconSpec = { file: string; size: number; purpose: 'any' | 'maskable' };

/** What the manifest lists: 192 and 512 px, each plain and maskable (full-bleed, content in the safe zone). */
export const ICONS: readonly IconSpec[] = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { file: 'icons/icon-maskable-192.png', size: 192, purpose: 'maskable' },
  { file: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
];

/**
 * Draws the app icon: a white speech bubble with three green dots on the brand colour. The plain
 * icon is a rounded square; the maskable one fills the square and keeps the bubble inside the
 * central 80 % that every launcher mask leaves visible.
 */
export function renderIcon({ size, purpose }: IconSpec): Buffer {
  const maskable = purpose === 'maskable';
  const scale = maskable ? 0.78 : 1;
  const background: Shape = maskable ? () => true : roundedSquare(0.2);
  const bubble = scaled(speechBubble, scale);
  const dots = scaled(threeDots, scale);
  return encodePng(rasterize(size, (x, y) => {
    if (dots(x, y)) return ACCENT;
    if (bubble(x, y)) return WHITE;
    if (background(x, y)) return BRAND;
    return null;
  }));
}

function speechBubble(x: number, y: number): boolean {
  const inCircle = (x - 0.5) ** 2 + (y - 0.47) ** 2 <= 0.3 ** 2;
  return inCircle || inTriangle(x, y, [0.28, 0.6], [0.48, 0.74], [0.2, 0.86]);
}

/** The tail of the bubble; a point is inside when it lies on the same side of all three edges. */
function inTriangle(x: number, y: number, ...corners: [number, number][]): boolean {
  const sides = corners.map(([ax, ay], i) => {
    const [bx, by] = corners[(i + 1) % corners.length]!;
    return Math.sign((bx - ax) * (y - ay) - (by - ay) * (x - ax));
  });
  return sides.every((side) => side >= 0) || sides.every((side) => side <= 0);
}

function threeDots(x: number, y: number): boolean {
  return [0.38, 0.5, 0.62].some((cx) => (x - cx) ** 2 + (y - 0.47) ** 2 <= 0.045 ** 2);
}

function roundedSquare(radius: number): Shape {
  return (x, y) => {
    const dx = Math.max(radius - x, x - (1 - radius), 0);
    const dy = Math.max(radius - y, y - (1 - radius), 0);
    return dx * dx + dy * dy <= radius * radius;
  };
}

function scaled(shape: Shape, factor: number): Shape {
  return (x, y) => shape(0.5 + (x - 0.5) / factor, 0.5 + (y - 0.5) / factor);
}

/** 4 × 4 samples per pixel, averaged, so edges are smooth; `null` is transparent. */
function rasterize(size: number, colourAt: (x: number, y: number) => Rgb | null): RgbaImage {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (colour === null) continue;
          sum[0]! += colour[0];
          sum[1]! += colour[1];
          sum[2]! += colour[2];
          sum[3]! += 1;
        }
      }
      const covered = sum[3]!;
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels.set([sum[0]! / covered, sum[1]! / covered, sum[2]! / covered, (covered / (samples * samples)) * 255].map(Math.round), at);
    }
  }
  return { width: size, height: size, pixels };
}
