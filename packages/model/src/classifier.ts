import { InferenceSession, Tensor } from 'onnxruntime-node';
import { InferenceBatcher } from './inference-batcher.js';
import {
  DEFAULT_MODEL_DIR,
  modelFiles,
  readModelMetadata,
  type ModelMetadata,
} from './metadata.js';
import { softmax, toInputTensor } from './preprocess.js';

/** How the model runs. */
export interface ClassifierOptions {
  /**
   * Threads onnxruntime computes one run with. A run holds Node's event loop while it computes
   * (onnxruntime-node runs synchronously), so a second thread on two cores shortens that hold.
   * A worker thread for the model was tried and measured slower: three busy threads on two cores.
   * @default 2
   */
  threads?: number;
  /**
   * The most images one run computes: concurrent requests are gathered up to this many.
   * @default 32
   */
  maxBatchSize?: number;
}

/**
 * The trained model, ready to classify: decode, resize, normalise, run with onnxruntime,
 * softmax. Load it once and share it; concurrent calls are safe, and those that arrive while
 * the model is busy are computed together in one run.
 *
 * @example
 * const classifier = await ImageClassifier.load();
 * await classifier.classify(pngBytes); // [0.97, 0.03]: one probability per label
 */
export class ImageClassifier {
  private readonly batcher: InferenceBatcher;

  private constructor(
    private readonly session: InferenceSession,
    readonly metadata: ModelMetadata,
    maxBatchSize: number,
  ) {
    this.batcher = new InferenceBatcher((inputs) => this.run(inputs), maxBatchSize);
  }

  /** Loads model.onnx and metadata.json from a folder (default: the model this package ships). */
  static async load(
    modelDir: string = DEFAULT_MODEL_DIR,
    options: ClassifierOptions = {},
  ): Promise<ImageClassifier> {
    const metadata = await readModelMetadata(modelDir);
    const session = await InferenceSession.create(modelFiles(modelDir).model, {
      graphOptimizationLevel: 'all',
      intraOpNumThreads: options.threads ?? 2,
    });
    return new ImageClassifier(session, metadata, options.maxBatchSize ?? 32);
  }

  get labels(): readonly string[] {
    return this.metadata.labels;
  }

  /**
   * One probability per label, in class-index order: the JSON array SageMaker's built-in
   * image-classification algorithm returns.
   *
   * @throws ImageDecodeError when the bytes are not a decodable image.
   */
  async classify(image: Uint8Array): Promise<number[]> {
    const logits = await this.batcher.submit(await toInputTensor(image, this.metadata.input));
    return softmax(logits);
  }

  async close(): Promise<void> {
    await this.session.release();
  }

  // One onnxruntime run over the inputs stacked along the batch dimension.
  private async run(inputs: readonly Float32Array[]): Promise<Float32Array[]> {
    const { input, output } = this.metadata;
    const size = 3 * input.height * input.width;
    const stacked =
      inputs.length === 1 ? (inputs[0] as Float32Array) : new Float32Array(inputs.length * size);
    if (inputs.length > 1) inputs.forEach((tensor, index) => stacked.set(tensor, index * size));
    const results = await this.session.run({
      [input.name]: new Tensor('float32', stacked, [inputs.length, 3, input.height, input.width]),
    });
    const logits = results[output.name]?.data as Float32Array;
    const classes = logits.length / inputs.length;
    return inputs.map((_, index) => logits.subarray(index * classes, (index + 1) * classes));
  }
}
