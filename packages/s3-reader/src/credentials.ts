import { InvalidConfigurationError, type Environment } from '@scones/contracts';

/** An AWS key pair, with the session token that temporary credentials carry. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Gives the credentials to sign a request with; asked before every request. */
export type CredentialsSource = () => AwsCredentials | Promise<AwsCredentials>;

/**
 * Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`: where
 * Lambda puts the function role's credentials. Read on every request, never cached.
 *
 * @example
 * const credentials = credentialsFromEnvironment(process.env);
 */
export function credentialsFromEnvironment(env: Environment): CredentialsSource {
  return () => {
    const accessKeyId = env['AWS_ACCESS_KEY_ID'];
    const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
    if (!accessKeyId || !secretAccessKey) {
      throw new InvalidConfigurationError(
        'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set: Lambda sets them from the ' +
          "function's role; elsewhere, export credentials or read objects with the AWS SDK instead.",
      );
    }
    const sessionToken = env['AWS_SESSION_TOKEN'];
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  };
}
