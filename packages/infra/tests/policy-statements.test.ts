import { App, Stack } from 'aws-cdk-lib';
import { policyStatements } from '../src/index.js';

const stack = () =>
  new Stack(new App(), 'Policies', { env: { account: '123456789012', region: 'eu-west-1' } });
const json = (statements: { toStatementJson(): unknown }[]) =>
  statements.map((statement) => stack().resolve(statement.toStatementJson()));

describe('policyStatements', () => {
  it('fills in the machine’s partition, region and account and the given placeholders', () => {
    const s = stack();
    const { statements } = policyStatements(
      s,
      [
        { actions: ['lambda:InvokeFunction'], resources: ['${SerializeArn}'] },
        {
          actions: ['sagemaker:DescribeEndpoint'],
          resources: [
            'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/e',
          ],
        },
      ],
      { SerializeArn: 'arn:aws:lambda:eu-west-1:123456789012:function:serialize' },
    );
    expect(json(statements)).toEqual([
      {
        Action: 'lambda:InvokeFunction',
        Effect: 'Allow',
        Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:serialize',
      },
      {
        Action: 'sagemaker:DescribeEndpoint',
        Effect: 'Allow',
        Resource: {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':sagemaker:eu-west-1:123456789012:endpoint/e'],
          ],
        },
      },
    ]);
  });

  it('puts actions on the same resources, and resources with the same actions, in one statement', () => {
    const { statements } = policyStatements(
      stack(),
      [
        { actions: ['sagemaker:CreateEndpoint'], resources: ['a', 'b'] },
        { actions: ['sagemaker:UpdateEndpoint'], resources: ['a', 'b'] },
        { actions: ['lambda:InvokeFunction'], resources: ['f1'] },
        { actions: ['lambda:InvokeFunction'], resources: ['f2'] },
        {
          actions: ['lambda:InvokeFunction'],
          resources: ['f3'],
          conditions: { Bool: { x: 'true' } },
        },
      ],
      {},
    );
    expect(json(statements)).toEqual([
      {
        Action: ['sagemaker:CreateEndpoint', 'sagemaker:UpdateEndpoint'],
        Effect: 'Allow',
        Resource: ['a', 'b'],
      },
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: ['f1', 'f2'] },
      {
        Action: 'lambda:InvokeFunction',
        Effect: 'Allow',
        Resource: 'f3',
        Condition: { Bool: { x: 'true' } },
      },
    ]);
  });

  it('returns each wildcard with its reason, and refuses one without a reason', () => {
    const { wildcards } = policyStatements(
      stack(),
      [
        {
          actions: ['s3:PutObject'],
          resources: ['arn:aws:s3:::b/results/*'],
          wildcardReason: 'generated names',
        },
      ],
      {},
    );
    expect(wildcards).toEqual([
      { resource: 'arn:aws:s3:::b/results/*', reason: 'generated names' },
    ]);
    expect(() =>
      policyStatements(
        stack(),
        [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/*'] }],
        {},
      ),
    ).toThrow(/wildcard and no reason/);
  });

  it('names a placeholder nobody filled in', () => {
    expect(() =>
      policyStatements(
        stack(),
        [{ actions: ['sns:Publish'], resources: ['${ReviewTopicArn}'] }],
        {},
      ),
    ).toThrow(/\$\{ReviewTopicArn\}, which this state machine does not define/);
  });
});
