import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataCapture, folderSink, type CaptureSink, type Exchange } from '../../src/index.js';

const exchange = (time: string): Exchange => ({
  input: { contentType: 'image/png', body: Buffer.from('png') },
  output: { contentType: 'application/json', body: Buffer.from('[1,0]') },
  time: new Date(time),
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

describe('DataCapture', () => {
  it('writes JSON Lines files under <endpoint>/AllTraffic/yyyy/mm/dd/hh/ by inference time (UTC)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'capture-'));
    const capture = new DataCapture({ sink: folderSink(root), endpointName: 'scones-classifier' });
    capture.record(exchange('2026-11-27T18:59:59Z'));
    capture.record(exchange('2026-11-27T18:01:00Z'));
    capture.record(exchange('2026-11-27T19:00:00Z'));
    await capture.close();
    const files = await filesUnder(root);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(
      /^scones-classifier\/AllTraffic\/2026\/11\/27\/18\/\d{2}-\d{2}-\d{3}-[0-9a-f-]{36}\.jsonl$/,
    );
    expect(files[1]).toMatch(/^scones-classifier\/AllTraffic\/2026\/11\/27\/19\//);
    const lines = (await readFile(path.join(root, files[0]), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).eventMetadata.inferenceTime)).toEqual([
      '2026-11-27T18:59:59Z',
      '2026-11-27T18:01:00Z',
    ]);
    expect(capture.recordsWritten).toBe(3);
  });

  it('samples the configured percentage', async () => {
    const written: string[] = [];
    const sink: CaptureSink = {
      description: 'memory',
      write: async (_p, contents) => void written.push(contents),
    };
    const draws = [0.1, 0.6, 0.49, 0.5];
    const capture = new DataCapture({
      sink,
      endpointName: 'e',
      samplingPercentage: 50,
      random: () => draws.shift() ?? 1,
    });
    for (let i = 0; i < 4; i++) capture.record(exchange('2026-11-27T18:00:00Z'));
    await capture.close();
    expect(written.join('').trimEnd().split('\n')).toHaveLength(2);
  });

  it('writes a file as soon as enough records wait', async () => {
    const written: string[] = [];
    const sink: CaptureSink = {
      description: 'memory',
      write: async (_p, contents) => void written.push(contents),
    };
    const capture = new DataCapture({
      sink,
      endpointName: 'e',
      maxRecordsPerFile: 2,
      flushIntervalMs: 60_000,
    });
    capture.record(exchange('2026-11-27T18:00:00Z'));
    capture.record(exchange('2026-11-27T18:00:00Z'));
    await capture.flush();
    expect(written).toHaveLength(1);
    await capture.close();
  });

  it('reports a sink failure and goes on', async () => {
    const errors: unknown[] = [];
    const sink: CaptureSink = {
      description: 'broken',
      write: async () => {
        throw new Error('disk full');
      },
    };
    const capture = new DataCapture({ sink, endpointName: 'e', onError: (e) => errors.push(e) });
    capture.record(exchange('2026-11-27T18:00:00Z'));
    await capture.close();
    expect(errors).toEqual([new Error('disk full')]);
    expect(capture.recordsWritten).toBe(0);
  });

  it('refuses a sampling percentage outside 0..100', () => {
    expect(
      () =>
        new DataCapture({ sink: folderSink('/tmp'), endpointName: 'e', samplingPercentage: 150 }),
    ).toThrow(/0 to 100/);
  });
});
