import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';

const finite = v.pipe(v.number(), v.finite());
const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));

/** metadata.json, written by the training script beside model.onnx. */
export const ModelMetadataSchema = v.object({
  format: v.literal('scones-image-classifier/1'),
  labels: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(2)),
  input: v.object({
    name: v.string(),
    layout: v.literal('NCHW'),
    width: positiveInteger,
    height: positiveInteger,
    channels: v.literal(3),
    /** Pixel values are divided by this before normalisation. */
    scale: v.pipe(finite, v.minValue(1)),
    mean: v.pipe(v.array(finite), v.length(3)),
    std: v.pipe(v.array(v.pipe(finite, v.gtValue(0))), v.length(3)),
  }),
  output: v.object({ name: v.string(), activation: v.literal('softmax') }),
  training: v.looseObject({
    train_list_sha256: v.string(),
    validation_split: v.string(),
    validation_accuracy: finite,
  }),
});

export type ModelMetadata = v.InferOutput<typeof ModelMetadataSchema>;

/** The model this package ships: trained on the CIFAR-100 bicycle and motorcycle images. */
export const DEFAULT_MODEL_DIR = path.resolve(__dirname, '..', 'model');

/** The files of a model folder. */
export function modelFiles(modelDir: string) {
  return {
    model: path.join(modelDir, 'model.onnx'),
    metadata: path.join(modelDir, 'metadata.json'),
  };
}

/**
 * Reads and checks a model folder's metadata.json.
 *
 * @example
 * const { labels, input } = await readModelMetadata(DEFAULT_MODEL_DIR);
 */
export async function readModelMetadata(modelDir: string): Promise<ModelMetadata> {
  const file = modelFiles(modelDir).metadata;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `No model metadata at ${file}: train a model (npx nx run model:train) or point at a folder with model.onnx and metadata.json.`,
      { cause: error },
    );
  }
  const result = v.safeParse(ModelMetadataSchema, JSON.parse(text));
  if (!result.success) {
    const problems = result.issues.map(
      (issue) => `${v.getDotPath(issue) ?? '(file)'}: ${issue.message}`,
    );
    throw new Error(`${file} is not model metadata: ${problems.join('; ')}`);
  }
  return result.output;
}
