/** The states of the single-image definition, by role: what a person sees in the console. */
export const IMAGE_CLASSIFICATION_STATES = {
  serialize: 'Serialize image',
  classify: 'Classify image',
  dropImageData: 'Drop image data',
  threshold: 'Check confidence',
  passed: 'Classified',
  prepareReview: 'Prepare review',
  sendToReview: 'Send to review',
  needsReview: 'Needs review',
  imageRejected: 'Image rejected',
  endpointFailed: 'Endpoint failed',
  belowThreshold: 'Below threshold',
  stepFailed: 'Step failed',
} as const;
