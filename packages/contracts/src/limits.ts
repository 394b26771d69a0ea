/** SageMaker real-time endpoints accept request bodies up to 6 MB: no larger image can be classified. */
export const MAX_IMAGE_BYTES = 6 * 1024 * 1024;

/**
 * Images up to this size travel inline as base64 in `image_data`. Step Functions caps a state's
 * data at 256 KiB; base64 grows bytes by a third, so 180 KiB leaves room for the other fields.
 */
export const INLINE_IMAGE_MAX_BYTES = 180 * 1024;

/** The original system's confidence threshold. */
export const DEFAULT_THRESHOLD = 0.93;

/**
 * The most pixels an image may decode to. A small compressed file can declare an enormous image
 * (a decompression bomb), so images are checked from their header before anything decodes them:
 * a PNG or progressive JPEG, decoded at full size, may declare at most this many; a baseline
 * JPEG, decoded at 1/8 scale when the model needs less (shrink-on-load), up to
 * `SHRINK_ON_LOAD_FACTOR` times as many (see `maxDeclaredPixels`). 40 megapixels of RGB is
 * about 120 MB.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** How many times fewer pixels a baseline JPEG decodes to at 1/8 scale: 8 x 8. */
export const SHRINK_ON_LOAD_FACTOR = 64;

/** Step Functions caps the data of a state (input, output, a task's result) at 256 KiB of UTF-8. */
export const STATE_PAYLOAD_MAX_BYTES = 256 * 1024;
