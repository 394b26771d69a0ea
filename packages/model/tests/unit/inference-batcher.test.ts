import { InferenceBatcher } from '../../src/inference-batcher.js';

// A model that adds one to each input and records the size of every run.
function countingModel() {
  const runs: number[] = [];
  const run = async (inputs: readonly Float32Array[]) => {
    runs.push(inputs.length);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return inputs.map((input) => input.map((value) => value + 1));
  };
  return { runs, run };
}

const input = (value: number) => Float32Array.of(value);

describe('InferenceBatcher', () => {
  it('runs a request alone at once when the model is free', async () => {
    const model = countingModel();
    const batcher = new InferenceBatcher(model.run, 32);
    await expect(batcher.submit(input(1))).resolves.toEqual(Float32Array.of(2));
    expect(model.runs).toEqual([1]);
  });

  it('gathers the requests that arrive while the model is busy into the next run', async () => {
    const model = countingModel();
    const batcher = new InferenceBatcher(model.run, 32);
    const first = batcher.submit(input(0));
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first run has started
    const queued = Array.from({ length: 10 }, (_, i) => batcher.submit(input(i)));
    const outputs = await Promise.all([first, ...queued]);
    expect(model.runs).toEqual([1, 10]);
    expect(outputs.slice(1).map((output) => output[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
  });

  it('never puts more than maxBatchSize inputs in one run', async () => {
    const model = countingModel();
    const batcher = new InferenceBatcher(model.run, 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(input(i))));
    expect(model.runs).toEqual([4, 4, 2]);
  });

  it('fails only the requests of a run that failed, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new InferenceBatcher(async (inputs) => {
      calls += 1;
      if (calls === 1) throw new Error('the model broke');
      return [...inputs];
    }, 2);
    const results = await Promise.allSettled(
      [1, 2, 3].map((value) => batcher.submit(input(value))),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ reason: { message: 'the model broke' } });
  });

  it('refuses a run that gives a different number of outputs than inputs', async () => {
    const batcher = new InferenceBatcher(async () => [], 8);
    await expect(batcher.submit(input(1))).rejects.toThrow('0 outputs for 1 inputs');
  });

  it('refuses a batch size that is not a positive whole number', () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      expect(() => new InferenceBatcher(async (inputs) => [...inputs], size)).toThrow(RangeError);
  });
});
