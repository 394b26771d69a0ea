/** The region and credentials of the local stack; s3rver accepts only this access key. */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Where the local stand-ins listen. */
export interface LocalEndpoints {
  s3: string;
  sagemakerRuntime: string;
  stepFunctions?: string;
}

/**
 * The environment that points the AWS SDK (and the AWS CLI) at the local stack: only the SDK's
 * standard variables, so the step Lambdas run unchanged.
 *
 * @example
 * awsEnvironment({ s3: 'http://127.0.0.1:4569', sagemakerRuntime: 'http://127.0.0.1:8080' });
 */
export function awsEnvironment(endpoints: LocalEndpoints): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    // The AWS CLI and boto3 read this one rather than AWS_REGION.
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: endpoints.sagemakerRuntime,
    ...(endpoints.stepFunctions ? { AWS_ENDPOINT_URL_SFN: endpoints.stepFunctions } : {}),
    // s3rver stores streamed uploads with their aws-chunked framing unless checksums are off.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
  };
}
