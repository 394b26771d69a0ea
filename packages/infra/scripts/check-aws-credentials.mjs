// Runs before `cdk deploy` and `cdk destroy` (the infra project's deploy and destroy targets):
// without credentials, CDK's own message ("Need to perform AWS calls for account..., but no
// credentials have been configured") does not say what to do. This finds them the way the AWS
// SDK and CDK do (environment, shared files, SSO, instance or task role) and, with none, says.
import { defaultProvider } from '@aws-sdk/credential-provider-node';

try {
  await defaultProvider({ timeout: 1000, maxRetries: 0 })();
} catch {
  console.error(
    'no AWS credentials: configure them (aws configure, aws sso login, or AWS_PROFILE / ' +
      'AWS_ACCESS_KEY_ID), then `cdk bootstrap` once per account and region ' +
      '(cd packages/infra && npx cdk bootstrap).',
  );
  process.exit(2);
}
