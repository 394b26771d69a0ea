/** SageMaker real-time endpoints accept request bodies up to 6 MB: no larger image can be classified. */
export const MAX_IMAGE_BYTES = 6 * 1024 * 1024;

/**
 * Images up to this size travel inline as base64 in `image_data`. Step Functions caps a state's
 * data at 256 KiB; base64 grows bytes by a third, so 180 KiB leaves room for the other fields.
 */
export const INLINE_IMAGE_MAX_BYTES = 180 * 1024;

/** The original system's confidence threshold. */
export const DEFAULT_THRESHOLD = 0.93;
