// Data-capture files written by the tests, in SageMaker's format and layout.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Encoding = 'JSON' | 'CSV' | 'BASE64';

/** One capture line whose output holds these probabilities, encoded as asked. */
export function captureLine(
  time: string,
  probabilities: number[],
  encoding: Encoding = 'JSON',
  eventId = `e-${time}`,
): string {
  const json = JSON.stringify(probabilities);
  const output =
    encoding === 'JSON'
      ? { observedContentType: 'application/json', mode: 'OUTPUT', data: json, encoding }
      : encoding === 'CSV'
        ? {
            observedContentType: 'text/csv',
            mode: 'OUTPUT',
            data: probabilities.join(','),
            encoding,
          }
        : {
            observedContentType: 'application/json',
            mode: 'OUTPUT',
            data: Buffer.from(json).toString('base64'),
            encoding,
          };
  return JSON.stringify({
    captureData: {
      endpointInput: {
        observedContentType: 'image/png',
        mode: 'INPUT',
        data: 'iVBORw0KGgo=',
        encoding: 'BASE64',
      },
      endpointOutput: output,
    },
    eventMetadata: { eventId, inferenceTime: time },
    eventVersion: '0',
  });
}

/** Writes files (relative path -> lines) under a new folder and returns it. */
export async function captureFolder(files: Record<string, string[]>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'capture-'));
  for (const [file, lines] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), lines.length ? `${lines.join('\n')}\n` : '');
  }
  return root;
}

export const HOUR_18 = 'scones-classifier/AllTraffic/2026/11/27/18';
export const HOUR_19 = 'scones-classifier/AllTraffic/2026/11/27/19';
