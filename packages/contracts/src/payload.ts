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

/**
 * Whether a value is a probability: the one rule every reader of probabilities applies (the
 * payload, the endpoint's answer, capture files, settings and flags).
 *
 * @example
 * isProbability(0.93); // true
 * isProbability(Number.NaN); // false
 */
export function isProbability(value: unknown): value is number {
  return v.is(ProbabilitySchema, value);
}

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
 * it received and adds its own. Where the image is (`s3_bucket`, `s3_key`) is required by the
 * steps that read it, not by the schema: a threshold step needs only the inferences.
 */
export const ImagePayloadSchema = v.looseObject({
  s3_bucket: v.optional(nonEmptyString),
  s3_key: v.optional(nonEmptyString),
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

/** A payload that says where its image is, as the steps that read the image need. */
export type LocatedImagePayload = ImagePayload & { s3_bucket: string; s3_key: string };

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
  throw invalidPayload(
    result.issues.map((issue) => {
      const path = v.getDotPath(issue) ?? '(body)';
      return issue.received === 'undefined'
        ? `${path} is missing`
        : `${path} ${issue.message} (got ${issue.received})`;
    }),
  );
}

/**
 * Checks that a payload says where its image is.
 *
 * @throws InvalidEventError naming what is missing.
 * @example
 * requireLocation(parseImagePayload({ s3_bucket: 'b', s3_key: 'k.png' })).s3_key; // 'k.png'
 */
export function requireLocation(payload: ImagePayload): LocatedImagePayload {
  const problems = [
    ...(payload.s3_bucket === undefined ? ['s3_bucket is missing'] : []),
    ...(payload.s3_key === undefined ? ['s3_key is missing'] : []),
  ];
  if (problems.length > 0) throw invalidPayload(problems);
  return payload as LocatedImagePayload;
}

function invalidPayload(problems: string[]): InvalidEventError {
  return new InvalidEventError(
    `Invalid event: ${problems.join('; ')}. Expected an object like ` +
      `{"s3_bucket": "scones-images", "s3_key": "test/bicycle.png", "image_data": ""}.`,
  );
}
