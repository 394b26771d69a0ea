import { InferenceSession, Tensor } from 'onnxruntime-node';
import {
  DEFAULT_MODEL_DIR,
  modelFiles,
  readModelMetadata,
  type ModelMetadata,
} from './metadata.js';
import { softmax, toInputTensor } from './preprocess.js';

/**
 * The trained model, ready to classify: decode, resize, normalise, run with onnxruntime,
 * softmax. Load it once and share it; concurrent calls are safe.
 *
 * @example
 * const classifier = await ImageClassifier.load();
 * await classifier.classify(pngBytes); // [0.97, 0.03]: one probability per label
 */
export class ImageClassifier {
  private constructor(
    private readonly session: InferenceSession,
    readonly metadata: ModelMetadata,
  ) {}

  /** Loads model.onnx and metadata.json from a folder (default: the model this package ships). */
  static async load(modelDir: string = DEFAULT_MODEL_DIR): Promise<ImageClassifier> {
    const metadata = await readModelMetadata(modelDir);
    const session = await InferenceSession.create(modelFiles(modelDir).model, {
      graphOptimizationLevel: 'all',
      // One thread per request: the server runs requests side by side instead.
      intraOpNumThreads: 1,
    });
    return new ImageClassifier(session, metadata);
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
    const { input, output } = this.metadata;
    const data = await toInputTensor(image, input);
    const results = await this.session.run({
      [input.name]: new Tensor('float32', data, [1, 3, input.height, input.width]),
    });
    return softmax(results[output.name].data as Float32Array);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
