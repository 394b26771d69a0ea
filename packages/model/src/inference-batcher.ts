/** Runs the model once over several inputs, one output per input, in order. */
export type BatchRun = (inputs: readonly Float32Array[]) => Promise<Float32Array[]>;

interface Pending {
  input: Float32Array;
  resolve: (output: Float32Array) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the inputs of concurrent requests into one model run, as model servers' dynamic
 * batchers do, without a waiting window: a run starts as soon as the model is free, with
 * whatever arrived while it was busy (at most `maxBatchSize`). One request alone runs at once, so
 * a single client waits no longer than without batching; under load, each run covers the
 * requests that queued behind the last one, which costs the model far less per image.
 *
 * @example
 * const batcher = new InferenceBatcher((inputs) => runModel(inputs), 32);
 * const [a, b] = await Promise.all([batcher.submit(x), batcher.submit(y)]); // one run of 2
 */
export class InferenceBatcher {
  private readonly queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly run: BatchRun,
    readonly maxBatchSize: number,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1)
      throw new RangeError(`maxBatchSize must be a positive integer, not ${maxBatchSize}.`);
  }

  /** The model's output for one input, computed in the next run the model is free for. */
  submit(input: Float32Array): Promise<Float32Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.running) this.startSoon();
    });
  }

  // The run starts after the I/O callbacks of this turn of the event loop, so the requests that
  // arrived together are decoded and join it.
  private startSoon(): void {
    this.running = true;
    setImmediate(() => void this.runNext());
  }

  private async runNext(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatchSize);
    try {
      const outputs = await this.run(batch.map((pending) => pending.input));
      if (outputs.length !== batch.length)
        throw new Error(`The model gave ${outputs.length} outputs for ${batch.length} inputs.`);
      batch.forEach((pending, index) => pending.resolve(outputs[index] as Float32Array));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
    if (this.queue.length > 0) this.startSoon();
    else this.running = false;
  }
}
