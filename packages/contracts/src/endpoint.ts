/**
 * The SageMaker endpoint the workflow classifies with unless told otherwise: the infra package
 * creates it under this name and the local stand-in serves it.
 */
export const DEFAULT_ENDPOINT_NAME = 'scones-classifier';

/** The one production variant of the workflow's endpoint configs, as SageMaker names it in answers. */
export const DEFAULT_VARIANT_NAME = 'AllTraffic';

/**
 * How the workflow's endpoints capture their traffic (SageMaker `DataCaptureConfig`): every
 * request and answer, under `<bucket>/data_capture/`, JSON and CSV as text and everything else
 * (the images) as base64. Infra's endpoint, the training definition's endpoint config and the
 * local stand-in all use these, and `scones monitor` reads what they write.
 *
 * @example
 * `s3://scones-images/${DATA_CAPTURE.prefix}`; // where the capture files go
 */
export const DATA_CAPTURE = Object.freeze({
  prefix: 'data_capture',
  samplingPercentage: 100,
  captureModes: Object.freeze(['Input', 'Output'] as const),
  jsonContentTypes: Object.freeze(['application/json']),
  csvContentTypes: Object.freeze(['text/csv']),
});
