import { AwsSetupError } from './cli-errors.js';

/**
 * Client settings for the commands that reach AWS (or any AWS-compatible endpoint): the SDK's
 * own configuration chain, plus AWS_DEFAULT_REGION, which the AWS CLI and boto3 read and the
 * JavaScript SDK does not.
 *
 * @example
 * const s3 = new S3Client(awsClientConfig());
 */
export function awsClientConfig(env: NodeJS.ProcessEnv = process.env): { region?: string } {
  const region = env['AWS_REGION'] || env['AWS_DEFAULT_REGION'];
  return region ? { region } : {};
}

interface ConfiguredClient {
  config: { region(): Promise<string>; credentials(): Promise<unknown> };
}

/**
 * Fails with what to set when the client has no region or no credentials, before anything is
 * uploaded or started (the SDK would otherwise fail on the first request, with a stack trace).
 */
export async function assertAwsConfigured(client: ConfiguredClient): Promise<void> {
  try {
    await client.config.region();
  } catch {
    throw new AwsSetupError(
      'No AWS region is set: export AWS_REGION (or AWS_DEFAULT_REGION), or use a profile with a region (AWS_PROFILE).',
    );
  }
  try {
    await client.config.credentials();
  } catch (error) {
    throw new AwsSetupError(
      `No AWS credentials were found (${(error as Error).message.split('\n')[0]}): run \`aws configure\` or \`aws sso login\`, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE).`,
    );
  }
}

/**
 * Turns the AWS errors a person can fix into an AwsSetupError naming the resource, by the error
 * codes AWS documents (S3's NoSuchBucket, Step Functions' StateMachineDoesNotExist and
 * InvalidArn, the credentials errors of STS/IAM); anything else is returned as it is.
 */
export function explainAwsError(
  error: unknown,
  resources: { bucket?: string; stateMachineArn?: string },
): unknown {
  const name = (error as { name?: string }).name;
  switch (name) {
    case 'NoSuchBucket':
      return new AwsSetupError(
        `No bucket named ${resources.bucket} in this account and region: create it, or pass the workflow's bucket with --bucket.`,
      );
    case 'StateMachineDoesNotExist':
      return new AwsSetupError(
        `No state machine ${resources.stateMachineArn}: check the ARN (\`aws stepfunctions list-state-machines\`) and the region.`,
      );
    case 'InvalidArn':
      return new AwsSetupError(
        `--state-machine-arn ${resources.stateMachineArn} is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).`,
      );
    case 'InvalidAccessKeyId':
    case 'SignatureDoesNotMatch':
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return new AwsSetupError(
        `AWS refused the credentials (${name}): check AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or log in again.`,
      );
    case 'AccessDenied':
    case 'AccessDeniedException':
      return new AwsSetupError(
        `AWS denied access (${name}: ${(error as Error).message}): these credentials need s3:PutObject on the bucket and states:StartExecution and states:DescribeExecution on the state machine.`,
      );
    default:
      return error;
  }
}
