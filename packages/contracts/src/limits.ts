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
 * Images declaring more pixels than this are refused from their header, before anything decodes
 * them: a small compressed file can declare an enormous image (a decompression bomb). 40
 * megapixels is a large phone photo; the model server refuses the same.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Step Functions caps the data of a state (input, output, a task's result) at 256 KiB of UTF-8. */
export const STATE_PAYLOAD_MAX_BYTES = 256 * 1024;
