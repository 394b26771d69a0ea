import * as v from 'valibot';
import { InvalidEventError } from './errors.js';

const nonEmptyString = v.pipe(v.string(), v.minLength(1, 'must be a non-empty string'));

/** A probability: a finite number from 0 to 1. */
export const ProbabilitySchema = v.pipe(
  v.number('must be a number'),
  v.finite('must be finite'),
  v.minValue(0, 'must be at least 0'),
  v.maxValue(1, 'must be at most 1'),
);

const probabilities = v.array(ProbabilitySchema, 'must be an array of probabilities');

/**
 * One probability per class, in class-index order. Also accepts the JSON string the original
 * classify Lambda stored (`"[0.97, 0.03]"`). An empty array means "not classified yet", as the
 * original serialize Lambda wrote it.
 */
export const InferencesSchema = v.union(
  [probabilities, v.pipe(v.string(), v.parseJson(), probabilities)],
  'must be an array of probabilities (or its JSON string)',
);

/** The image formats the workflow accepts, by their media type. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/**
 * The body that flows between the steps. Unknown keys are kept: a step passes on every key
 * it received and adds its own.
 */
export const ImagePayloadSchema = v.looseObject({
  s3_bucket: nonEmptyString,
  s3_key: nonEmptyString,
  /** The image as base64, or '' when it is left in S3 (large images) or not read yet. */
  image_data: v.optional(v.nullable(v.string('must be a string'), ''), ''),
  content_type: v.optional(v.picklist(IMAGE_CONTENT_TYPES, 'must be image/png or image/jpeg')),
  /** The image's size in bytes. */
  image_size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  inferences: v.optional(InferencesSchema),
  /** The most probable class's label. */
  label: v.optional(v.string()),
  /** The most probable class's probability. */
  confidence: v.optional(ProbabilitySchema),
  /** A threshold for this execution, overriding the function's setting. */
  threshold: v.optional(ProbabilitySchema),
  meets_threshold: v.optional(v.boolean()),
});

/** The payload as the steps read it (after defaults and normalisation). */
export type ImagePayload = v.InferOutput<typeof ImagePayloadSchema>;

/** The payload as a caller may write it (the workflow's input, for instance). */
export type ImagePayloadInput = v.InferInput<typeof ImagePayloadSchema>;

/**
 * Checks a bare body against the payload schema.
 *
 * @throws InvalidEventError naming every field that is wrong.
 * @example
 * const payload = parseImagePayload({ s3_bucket: 'scones-images', s3_key: 'test/bicycle.png' });
 * payload.image_data; // ''
 */
export function parseImagePayload(body: Record<string, unknown>): ImagePayload {
  const result = v.safeParse(ImagePayloadSchema, body);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '(body)';
    return issue.received === 'undefined'
      ? `${path} is missing`
      : `${path} ${issue.message} (got ${issue.received})`;
  });
  throw new InvalidEventError(
    `Invalid event: ${problems.join('; ')}. Expected an object like ` +
      `{"s3_bucket": "scones-images", "s3_key": "test/bicycle.png", "image_data": ""}.`,
  );
}
