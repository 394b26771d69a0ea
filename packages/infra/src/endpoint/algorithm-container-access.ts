import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from '../nag.js';

/**
 * What a SageMaker role needs to run the built-in image-classification container: pull its
 * image, get an ECR token, publish metrics, and write the logs under one log-group pattern
 * (`Endpoints/<name>` for an endpoint, `*` for jobs and endpoints alike).
 */
export function grantAlgorithmContainer(role: iam.Role, logGroups: string): void {
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        'ecr:BatchCheckLayerAvailability',
        'ecr:BatchGetImage',
        'ecr:GetDownloadUrlForLayer',
      ],
      resources: [`arn:${Aws.PARTITION}:ecr:${Aws.REGION}:*:repository/image-classification`],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['ecr:GetAuthorizationToken', 'cloudwatch:PutMetricData'],
      resources: ['*'],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'logs:DescribeLogStreams',
      ],
      resources: [
        `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/sagemaker/${logGroups}`,
      ],
    }),
  );
  const findings: [string, string][] = [
    [
      'Resource::*',
      'ecr:GetAuthorizationToken and cloudwatch:PutMetricData have no resource-level permissions.',
    ],
    [
      'Resource::arn:<AWS::Partition>:ecr:<AWS::Region>:*:repository/image-classification',
      'The algorithm image is in an AWS-owned account that differs by region; the grant names its repository.',
    ],
    [
      `Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/${logGroups}`,
      'SageMaker names its log groups and streams at run time; the grant stops at its own prefix.',
    ],
  ];
  for (const [finding, reason] of findings)
    acknowledge(role, `AwsSolutions-IAM5[${finding}]`, reason);
}
