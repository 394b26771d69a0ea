// Full-size delivery photos through the model: a baseline JPEG (quality 85) of 12, 48 and 108
// megapixels classified by `ImageClassifier` in a fresh Node process each, against the same
// process classifying a 32x32 PNG. Peak memory is the process's maximum resident set: with
// shrink-on-load it stays near the small image's, whatever the photo's size.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PHOTOS = [
  [12, 4000, 3000],
  [48, 8000, 6000],
  [108, 12000, 9000],
];

// Run in a child: classifies one file, prints its time and the process's peak RSS.
const CLASSIFY = `
const { ImageClassifier } = require(process.argv[1]);
const bytes = require('node:fs').readFileSync(process.argv[2]);
ImageClassifier.load().then(async (classifier) => {
  const started = process.hrtime.bigint();
  const probabilities = await classifier.classify(bytes);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await classifier.close();
  console.log(JSON.stringify({ probabilities, ms, maxRssKiB: process.resourceUsage().maxRSS }));
});`;

export async function photoSizes(root) {
  const require = createRequire(path.join(root, 'packages/model/package.json'));
  const sharp = require('sharp');
  const entry = path.join(root, 'packages/model/dist/index.js');
  const folder = await mkdtemp(path.join(tmpdir(), 'scones-bench-photos-'));
  try {
    const classify = (file) =>
      JSON.parse(
        execFileSync(process.execPath, ['-e', CLASSIFY, entry, file], { encoding: 'utf8' }),
      );
    const small = path.join(folder, 'small.png');
    await writeFile(small, await smoothNoise(sharp, 32, 32).png().toBuffer());
    const reference = classify(small);
    const rows = [];
    for (const [megapixels, width, height] of PHOTOS) {
      const file = path.join(folder, `${megapixels}mp.jpg`);
      const jpeg = await smoothNoise(sharp, width, height).jpeg({ quality: 85 }).toBuffer();
      await writeFile(file, jpeg);
      rows.push({ megapixels, width, height, bytes: jpeg.length, ...classify(file) });
    }
    const mib = (kib) => `${Math.round(kib / 1024)} MiB`;
    return `## Full-size photos (\`@scones/model\`)

A baseline JPEG (quality 85, smooth noise) classified by \`ImageClassifier\` in a fresh process
each: sharp decodes it at 1/8 scale (shrink-on-load), so memory does not grow with the photo. The
reference is the same process classifying a 32x32 PNG: **${mib(reference.maxRssKiB)}**.

| photo | file | classify time | peak memory of the process |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.megapixels} MP (${r.width}x${r.height}) | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${r.ms.toFixed(0)} ms | ${mib(r.maxRssKiB)} |`).join('\n')}

A PNG or progressive JPEG decodes at full size and is refused over 40 megapixels, from its
header. Reproduce: \`npm run bench -- photo-sizes\`.
`;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// Random colours at 1/100 of the size, enlarged: smooth like a photo, compressible like one.
function smoothNoise(sharp, width, height) {
  const w = Math.max(2, Math.round(width / 100));
  const h = Math.max(2, Math.round(height / 100));
  const pixels = Buffer.alloc(w * h * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, {
    kernel: 'cubic',
  });
}
