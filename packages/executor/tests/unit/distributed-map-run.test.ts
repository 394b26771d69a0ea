// A Distributed Map's semantics, run locally: ItemReader, ItemSelector, MaxConcurrency,
// tolerated failures, ResultWriter (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html).
import { runDistributedMap, type ResultSink } from '../../src/index.js';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:batch';

function definition(map: Record<string, unknown> = {}) {
  return {
    StartAt: 'Each photo',
    States: {
      'Each photo': {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:listObjectsV2',
          Parameters: { 'Bucket.$': '$.bucket', 'Prefix.$': '$.prefix' },
        },
        ItemSelector: { 'key.$': '$$.Map.Item.Value.Key', 'bucket.$': '$.bucket' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Judge',
          States: {
            Judge: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: 'judge', 'Payload.$': '$' },
              OutputPath: '$.Payload',
              End: true,
            },
          },
        },
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'results', Prefix: 'runs' },
        },
        End: true,
        ...map,
      },
    },
  };
}

/** Result files kept in memory, written in pieces as a real sink gets them. */
function memorySink() {
  const files = new Map<string, string>();
  const sink: ResultSink = (bucket, key) => {
    const name = `${bucket}/${key}`;
    files.set(name, '');
    return {
      write: async (text) => void files.set(name, files.get(name)! + text),
      close: async () => undefined,
    };
  };
  return { sink, files };
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => ({ Key: `p/${i}.png` }));

describe('runDistributedMap', () => {
  it('reads the items with the resolved ItemReader Parameters and runs each once, with the ItemSelector applied', async () => {
    const requests: unknown[] = [];
    const seen: unknown[] = [];
    const { sink } = memorySink();
    const run = await runDistributedMap({
      definition: definition(),
      stateMachineArn: ARN,
      input: { bucket: 'photos', prefix: 'p/' },
      executor: { lambdas: { judge: (event) => (seen.push(event), { ok: true }) } },
      readItems: async (request) => (requests.push(request), keys(5)),
      results: sink,
    });
    expect(requests).toEqual([
      {
        resource: 'arn:aws:states:::s3:listObjectsV2',
        parameters: { Bucket: 'photos', Prefix: 'p/' },
        maxItems: undefined,
      },
    ]);
    expect(seen).toHaveLength(5);
    expect(seen).toContainEqual({ key: 'p/3.png', bucket: 'photos' });
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      counts: { total: 5, succeeded: 5, failed: 0, pending: 0 },
      mapRunArn: expect.stringMatching(
        /^arn:aws:states:us-east-1:000000000000:mapRun:batch\/Each photo:/,
      ),
    });
  });

  it('runs no more children at once than MaxConcurrency', async () => {
    let running = 0;
    let most = 0;
    await runDistributedMap({
      definition: definition({ MaxConcurrency: 3 }),
      stateMachineArn: ARN,
      input: { bucket: 'photos', prefix: 'p/' },
      executor: {
        lambdas: {
          judge: async () => {
            most = Math.max(most, ++running);
            await new Promise((resolve) => setTimeout(resolve, 5));
            running -= 1;
            return {};
          },
        },
      },
      readItems: async () => keys(20),
      results: memorySink().sink,
    });
    expect(most).toBe(3);
  });

  it('stops starting children past the tolerated failures: the rest are PENDING and the run fails', async () => {
    const ends: string[] = [];
    const run = await runDistributedMap({
      definition: definition({ ToleratedFailureCount: 2, MaxConcurrency: 1 }),
      stateMachineArn: ARN,
      input: { bucket: 'photos', prefix: 'p/' },
      executor: {
        lambdas: {
          judge: () => {
            throw Object.assign(new Error('not a photo'), { name: 'UnsupportedImageError' });
          },
        },
      },
      readItems: async () => keys(10),
      results: memorySink().sink,
      onItemEnd: (item, result) => ends.push(`${item.index}:${result?.status ?? 'PENDING'}`),
    });
    expect(run).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      counts: { total: 10, failed: 3, pending: 7, succeeded: 0 },
    });
    expect(ends).toHaveLength(10);
    expect(new Set(ends.map((end) => end.split(':')[0])).size).toBe(10);
  });

  it('writes the ResultWriter files as Step Functions does: one array per status and a manifest', async () => {
    const { sink, files } = memorySink();
    const run = await runDistributedMap({
      definition: definition({ ToleratedFailurePercentage: 100 }),
      stateMachineArn: ARN,
      input: { bucket: 'photos', prefix: 'p/' },
      executor: {
        lambdas: {
          judge: (event) => {
            if ((event as { key: string }).key === 'p/1.png') throw new Error('broken');
            return { label: 'bicycle' };
          },
        },
      },
      readItems: async () => keys(3),
      results: sink,
    });
    const manifestName = [...files.keys()].find((name) => name.endsWith('/manifest.json'))!;
    const manifest = JSON.parse(files.get(manifestName)!);
    expect(manifest).toMatchObject({
      DestinationBucket: 'results',
      MapRunArn: run.mapRunArn,
      ResultFiles: {
        SUCCEEDED: [
          {
            Key: expect.stringMatching(/^runs\/[\w-]+\/SUCCEEDED_0\.json$/),
            Size: expect.any(Number),
          },
        ],
        FAILED: [{ Key: expect.stringMatching(/FAILED_0\.json$/) }],
        PENDING: [],
      },
    });
    const succeeded = JSON.parse(files.get(`results/${manifest.ResultFiles.SUCCEEDED[0].Key}`)!);
    expect(succeeded).toHaveLength(2);
    expect(succeeded[0]).toMatchObject({
      Status: 'SUCCEEDED',
      StateMachineArn: ARN,
      Output: JSON.stringify({ label: 'bicycle' }),
      InputDetails: { Included: true },
    });
    expect(manifest.ResultFiles.SUCCEEDED[0].Size).toBe(
      Buffer.byteLength(files.get(`results/${manifest.ResultFiles.SUCCEEDED[0].Key}`)!),
    );
    const [failed] = JSON.parse(files.get(`results/${manifest.ResultFiles.FAILED[0].Key}`)!);
    expect(failed).toMatchObject({
      Status: 'FAILED',
      Error: 'Error',
      Input: '{"key":"p/1.png","bucket":"photos"}',
    });
    expect(run.resultFiles).toHaveLength(3);
  });

  it('starts no more children once its signal aborts, and ends ABORTED', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = await runDistributedMap({
      definition: definition({ MaxConcurrency: 1 }),
      stateMachineArn: ARN,
      input: { bucket: 'photos', prefix: 'p/' },
      executor: { lambdas: { judge: () => (++calls === 2 && controller.abort(), {}) } },
      readItems: async () => keys(10),
      results: memorySink().sink,
      signal: controller.signal,
    });
    expect(run).toMatchObject({ status: 'ABORTED', counts: { succeeded: 2, pending: 8 } });
  });

  it('refuses a definition that does not start with a Distributed Map', async () => {
    await expect(
      runDistributedMap({
        definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
        stateMachineArn: ARN,
        input: {},
        executor: { lambdas: {} },
        readItems: async () => [],
      }),
    ).rejects.toThrow('does not start with a Distributed Map');
  });
});
