// A day of SageMaker data capture for the Scones classifier, made up but shaped like the real
// thing: traffic that follows the day, a mostly confident model, and confidence that drifts down
// in the evening. CommonJS, so both the tests (TypeScript) and tools/scripts/screenshot.mjs load it.
const { mkdir, writeFile } = require('node:fs/promises');
const path = require('node:path');

const HOUR_MS = 3_600_000;

/** Mulberry32: the same numbers for the same seed on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function captureRecord(time, probabilities, eventId) {
  return JSON.stringify({
    captureData: {
      endpointInput: {
        observedContentType: 'image/png',
        mode: 'INPUT',
        data: 'iVBORw0KGgo=',
        encoding: 'BASE64',
      },
      endpointOutput: {
        observedContentType: 'application/json',
        mode: 'OUTPUT',
        data: JSON.stringify(probabilities),
        encoding: 'JSON',
      },
    },
    eventMetadata: { eventId, inferenceTime: time },
    eventVersion: '0',
  });
}

function captureDay({ day = '2026-11-27', seed = 27, driftFromHour = 18 } = {}) {
  const next = random(seed);
  const start = Date.parse(`${day}T00:00:00Z`);
  const files = {};
  for (let hour = 0; hour < 24; hour += 1) {
    // Few deliveries at night, most around midday.
    const count = Math.round(6 + 34 * Math.sin((Math.PI * (hour + 0.5)) / 24) ** 2);
    // Most photos are easy (the top class gets 0.93 to 1); fewer once the evening photos come in.
    const easy = hour >= driftFromHour ? 0.5 : 0.85;
    const times = Array.from({ length: count }, () => start + hour * HOUR_MS + next() * HOUR_MS);
    const lines = times
      .sort((a, b) => a - b)
      .map((ms, i) => {
        const top = next() < easy ? 1 - 0.07 * next() ** 2 : 0.5 + 0.43 * next() ** 0.7;
        const bicycle = next() < 0.55;
        const time = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
        return captureRecord(
          time,
          bicycle ? [top, 1 - top] : [1 - top, top],
          `${day}-${hour}-${i}`,
        );
      });
    const folder = `scones-classifier/AllTraffic/${day.replaceAll('-', '/')}/${String(hour).padStart(2, '0')}`;
    files[`${folder}/00-00-000-${seed}.jsonl`] = lines;
  }
  return files;
}

async function writeCaptureDay(root, options) {
  for (const [file, lines] of Object.entries(captureDay(options))) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), `${lines.join('\n')}\n`);
  }
  return root;
}

module.exports = { captureDay, writeCaptureDay };
