// Each task builder declares the IAM its ASL needs. The pages these follow:
// https://docs.aws.amazon.com/step-functions/latest/dg/lambda-iam.html (Lambda),
// https://docs.aws.amazon.com/step-functions/latest/dg/sqs-iam.html and sns-iam.html (review),
// https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html (Distributed Map),
// https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html (training).
import {
  buildBatchWorkflow,
  buildImageClassificationWorkflow,
  buildTrainingWorkflow,
  OWN_STATE_MACHINE_NAME,
  type DefinitionWithPermissions,
  type State,
  type StateMachineFragment,
  type TaskPermission,
} from '../../src/index.js';

const functions = {
  serialize: '${SerializeFunctionArn}',
  classify: '${ClassifyFunctionArn}',
  threshold: '${ThresholdFunctionArn}',
};
const results = { bucket: '${ResultsBucket}', prefix: 'batch-results' };
const training = buildTrainingWorkflow({
  sageMakerRoleArn: '${SageMakerRoleArn}',
  algorithmImage: '${AlgorithmImage}',
  outputPath: 's3://scones-images/models',
  endpointName: 'Scones-Classifier',
  dataCapture: { destination: 's3://scones-images/data_capture' },
});

const ACCOUNT = 'arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:';
const inAccount = (service: string, resource: string) => ACCOUNT.replace('%s', service) + resource;

function tasksOf(fragment: StateMachineFragment): string[] {
  return Object.values(fragment.States).flatMap((state: State) =>
    state.Type === 'Task'
      ? [state.Resource]
      : state.Type === 'Map'
        ? tasksOf(state.ItemProcessor)
        : [],
  );
}

// arn:aws:states:::sagemaker:createTrainingJob.sync -> sagemaker:CreateTrainingJob, and
// arn:aws:states:::aws-sdk:sagemaker:describeEndpoint -> sagemaker:DescribeEndpoint; the
// optimized lambda:invoke is the one integration whose IAM action has another name.
function actionOf(resource: string): string {
  if (resource === 'arn:aws:states:::lambda:invoke') return 'lambda:InvokeFunction';
  const [service, api] = resource
    .replace(/^arn:aws:states:::(aws-sdk:)?/, '')
    .replace(/\.(sync|waitForTaskToken)$/, '')
    .split(':');
  return `${service}:${api[0].toUpperCase()}${api.slice(1)}`;
}

const actionsOf = (permissions: readonly TaskPermission[]) => permissions.flatMap((p) => p.actions);

describe('the permissions the workflows declare', () => {
  const workflows: [string, DefinitionWithPermissions][] = [
    ['single image', buildImageClassificationWorkflow({ functions })],
    [
      'single image with review',
      buildImageClassificationWorkflow({
        functions,
        lowConfidence: { mode: 'review', target: { topicArn: '${ReviewTopicArn}' } },
      }),
    ],
    ['batch', buildBatchWorkflow({ functions, results })],
    ['training', training],
  ];

  it.each(workflows)('cover the action of every task of the %s definition', (_name, workflow) => {
    const needed = new Set(tasksOf(workflow.definition).map(actionOf));
    expect(needed.size).toBeGreaterThan(0);
    for (const action of needed) expect(actionsOf(workflow.permissions)).toContain(action);
  });

  it.each(workflows)('give a reason for every wildcard of the %s definition', (_name, workflow) => {
    for (const permission of workflow.permissions) {
      if (permission.resources.some((resource) => resource.includes('*')))
        expect(permission.wildcardReason).toEqual(expect.any(String));
    }
  });

  it('let the single-image machine invoke exactly its three functions', () => {
    expect(buildImageClassificationWorkflow({ functions }).permissions).toEqual([
      { actions: ['lambda:InvokeFunction'], resources: [functions.serialize] },
      { actions: ['lambda:InvokeFunction'], resources: [functions.classify] },
      { actions: ['lambda:InvokeFunction'], resources: [functions.threshold] },
    ]);
  });

  it('name a function given by name by its ARN in the machine’s account', () => {
    const { permissions } = buildImageClassificationWorkflow({
      functions: { ...functions, serialize: 'scones-serialize' },
    });
    expect(permissions[0]?.resources).toEqual([inAccount('lambda', 'function:scones-serialize')]);
  });

  it('send to a review queue by its ARN, read from a literal queue URL', () => {
    const { permissions } = buildImageClassificationWorkflow({
      functions,
      lowConfidence: {
        mode: 'review',
        target: { queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/scones-review' },
      },
    });
    expect(permissions).toContainEqual({
      actions: ['sqs:SendMessage'],
      resources: ['arn:${AWS::Partition}:sqs:eu-west-1:123456789012:scones-review'],
    });
  });

  it('ask for the queue ARN when the queue URL is a placeholder', () => {
    expect(() =>
      buildImageClassificationWorkflow({
        functions,
        lowConfidence: { mode: 'review', target: { queueUrl: '${ReviewQueueUrl}' } },
      }),
    ).toThrow(/give queueArn/);
  });

  it('let the batch machine run its own children, list the source and write the results', () => {
    const { permissions } = buildBatchWorkflow({
      functions,
      results,
      source: { bucket: 'scones-images', prefix: 'incoming/' },
    });
    expect(permissions).toEqual(
      expect.arrayContaining([
        {
          actions: ['states:StartExecution'],
          resources: [inAccount('states', `stateMachine:${OWN_STATE_MACHINE_NAME}`)],
        },
        expect.objectContaining({
          actions: ['states:DescribeExecution', 'states:StopExecution'],
          resources: [inAccount('states', `execution:${OWN_STATE_MACHINE_NAME}/*`)],
        }),
        {
          actions: ['s3:ListBucket'],
          resources: ['arn:${AWS::Partition}:s3:::scones-images'],
          conditions: { StringLike: { 's3:prefix': ['incoming/*'] } },
        },
        expect.objectContaining({
          actions: expect.arrayContaining(['s3:PutObject', 's3:AbortMultipartUpload']),
          resources: ['arn:${AWS::Partition}:s3:::${ResultsBucket}/batch-results/*'],
        }),
        { actions: ['lambda:InvokeFunction'], resources: [functions.classify] },
      ]),
    );
  });

  it('let the batch machine list any bucket only when no source is given, and say why', () => {
    const listing = buildBatchWorkflow({ functions, results }).permissions.find((p) =>
      p.actions.includes('s3:ListBucket'),
    );
    expect(listing?.resources).toEqual(['arn:${AWS::Partition}:s3:::*']);
    expect(listing?.wildcardReason).toMatch(/execution input/);
  });

  it('let training tag its job, pass only the SageMaker role, and touch only the one endpoint', () => {
    const { permissions } = training;
    expect(permissions).toContainEqual(
      expect.objectContaining({
        actions: expect.arrayContaining(['sagemaker:AddTags', 'sagemaker:ListTags']),
        resources: [inAccount('sagemaker', 'training-job/scones-*')],
      }),
    );
    expect(permissions.filter((p) => p.actions.includes('iam:PassRole'))).toEqual([
      {
        actions: ['iam:PassRole'],
        resources: ['${SageMakerRoleArn}'],
        conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      },
    ]);
    const endpointGrants = permissions.filter((p) =>
      p.actions.some((action) => action.endsWith('Endpoint')),
    );
    for (const grant of endpointGrants)
      expect(grant.resources).toContain(inAccount('sagemaker', 'endpoint/scones-classifier'));
  });
});
