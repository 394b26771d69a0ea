import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

// Drawings the project makes itself: no third-party photos in the repository.
const wheel = (x: number, y: number, r: number, tyre: string, width: number) =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="${tyre}" stroke-width="${width}"/>`;

function bicycle(sky: string, frame: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128">
  <rect width="128" height="128" fill="${sky}"/><rect y="96" width="128" height="32" fill="#8a8f7a"/>
  ${wheel(34, 86, 22, '#222', 4)}${wheel(94, 86, 22, '#222', 4)}
  <path d="M34 86 L56 56 L84 56 L94 86 M56 56 L66 86 L84 56 M66 86 L34 86 M52 48 L62 48 M84 56 L80 44 L90 44"
        fill="none" stroke="${frame}" stroke-width="4" stroke-linejoin="round"/>
</svg>`;
}

function motorcycle(sky: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128">
  <rect width="128" height="128" fill="${sky}"/><rect y="96" width="128" height="32" fill="#6f6f6f"/>
  ${wheel(30, 88, 18, '#111', 10)}${wheel(98, 88, 18, '#111', 10)}
  <path d="M30 88 L52 62 L80 60 L98 88" fill="none" stroke="#444" stroke-width="6"/>
  <ellipse cx="64" cy="62" rx="26" ry="12" fill="${body}"/><rect x="50" y="50" width="26" height="8" rx="3" fill="#222"/>
  <path d="M84 52 L96 40 L104 40" fill="none" stroke="#222" stroke-width="4"/>
</svg>`;
}

const SAMPLES: { name: string; svg: string; format: 'png' | 'jpeg' }[] = [
  { name: 'bicycle-red.png', svg: bicycle('#b9d7ea', '#c0392b'), format: 'png' },
  { name: 'bicycle-blue.jpg', svg: bicycle('#f3efe0', '#2c5aa0'), format: 'jpeg' },
  { name: 'motorcycle-black.png', svg: motorcycle('#cfe3f1', '#1b1b1b'), format: 'png' },
  { name: 'motorcycle-orange.jpg', svg: motorcycle('#e8e2d0', '#e67e22'), format: 'jpeg' },
];

/**
 * Writes the demo's sample images into a folder: drawn bicycles and motorcycles (PNG and JPEG)
 * and one file that only pretends to be a photo, to show how a bad file is reported.
 */
export async function writeSampleImages(folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (const sample of SAMPLES) {
    const file = path.join(folder, sample.name);
    const image = sharp(Buffer.from(sample.svg));
    await writeFile(
      file,
      sample.format === 'png'
        ? await image.png().toBuffer()
        : await image.jpeg({ quality: 90 }).toBuffer(),
    );
    files.push(file);
  }
  const impostor = path.join(folder, 'delivery-note.png');
  await writeFile(impostor, 'Delivery note: 12 scones, Elm Street 4. This is text, not a photo.\n');
  files.push(impostor);
  return files;
}
