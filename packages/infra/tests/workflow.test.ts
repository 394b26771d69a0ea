import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  BATCH_MAP_STATE,
  buildBatchDefinition,
  buildImageClassificationDefinition,
  buildTrainingDefinition,
  TRAINING_STATES,
} from '@scones/workflow';
import {
  batchDefinitionOptions,
  trainingDefinitionOptions,
  workflowDefinitionOptions,
} from '../src/index.js';
import { actionsOf, machineOf, resources, roleStatements, workflowApp } from './stack';

let template: Template;

beforeAll(() => {
  template = workflowApp().template();
});

const functionIds = () => Object.keys(resources(template, 'AWS::Lambda::Function'));

describe('the step Lambdas', () => {
  it('run each step’s bundle on nodejs24.x, arm64, with X-Ray and JSON logs to their own log group', () => {
    expect(functionIds()).toHaveLength(3);
    for (const fn of Object.values(resources(template, 'AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.stringMatching(/Logs/) } },
      });
    }
  });

  it('take their settings from the props, with timeouts below the state timeouts', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          ENDPOINT_NAME: 'Scones-Classifier',
          CLASS_LABELS: 'bicycle,motorcycle',
          MAX_IMAGE_BYTES: '6291456',
        },
      },
      Timeout: 45,
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { THRESHOLD: '0.93' } },
      Timeout: 5,
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { INLINE_IMAGE_MAX_BYTES: '184320', MAX_IMAGE_BYTES: '6291456' } },
      Timeout: 22,
    });
    const threshold = workflowApp({
      workflow: {
        endpoint: { existingEndpointName: 'e' },
        threshold: 0.8,
        classLabels: ['a', 'b'],
      },
    }).template();
    threshold.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { THRESHOLD: '0.8', CLASS_LABELS: 'a,b' } },
    });
  });
});

describe('IAM', () => {
  it('lets serialize only write its logs, trace, and read and list the bucket', () => {
    const statements = roleStatements(template, 'WorkflowStepsSerializeRole');
    expect(statements.flatMap(actionsOf).sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListBucket',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    const read = statements.find((s) => actionsOf(s).includes('s3:GetObject'));
    expect(read?.['Resource']).toEqual({
      'Fn::Join': [
        '',
        [{ 'Fn::GetAtt': [expect.stringMatching(/^WorkflowPhotosBucket/), 'Arn'] }, '/*'],
      ],
    });
  });

  it('lets classify invoke only its endpoint, by the lower-cased ARN, and read the bucket', () => {
    const statements = roleStatements(template, 'WorkflowStepsClassifyRole');
    expect(statements.flatMap(actionsOf).sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListBucket',
      'sagemaker:InvokeEndpoint',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    const invoke = statements.find((s) => actionsOf(s).includes('sagemaker:InvokeEndpoint'));
    expect(invoke?.['Resource']).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':sagemaker:eu-west-1:123456789012:endpoint/scones-classifier',
        ],
      ],
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html ("Permissions"): without
  // s3:ListBucket a missing key answers 403 AccessDenied, so a missing photo would not be
  // ImageNotFoundError.
  it('lets serialize and classify list the bucket, so S3 answers a missing photo 404', () => {
    for (const role of ['WorkflowStepsSerializeRole', 'WorkflowStepsClassifyRole']) {
      const list = roleStatements(template, role).find((s) =>
        actionsOf(s).includes('s3:ListBucket'),
      );
      expect(list?.['Resource']).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^WorkflowPhotosBucket/), 'Arn'],
      });
      expect(list?.['Condition']).toBeUndefined();
    }
  });

  it('limits that listing to photoPrefixes when they are set (an s3:prefix condition)', () => {
    const { template: prefixed } = workflowApp({
      workflow: {
        endpoint: { model: { modelDataUrl: 's3://models/scones/model.tar.gz' } },
        photoPrefixes: ['incoming/', 'test/'],
      },
    });
    const list = roleStatements(prefixed(), 'WorkflowStepsSerializeRole').find((s) =>
      actionsOf(s).includes('s3:ListBucket'),
    );
    expect(list?.['Condition']).toEqual({
      StringLike: { 's3:prefix': ['incoming/*', 'test/*'] },
    });
  });

  it('gives threshold nothing beyond its logs and traces', () => {
    expect(
      roleStatements(template, 'WorkflowStepsThresholdRole').flatMap(actionsOf).sort(),
    ).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  it('lets the state machine invoke exactly the three functions', () => {
    const invoke = roleStatements(template, 'WorkflowSingleImageStandardRole').filter((s) =>
      actionsOf(s).includes('lambda:InvokeFunction'),
    );
    expect(actionsOf(invoke[0]!)).toEqual(['lambda:InvokeFunction']);
    expect(invoke).toHaveLength(1);
    expect(invoke[0]['Resource']).toEqual(
      functionIds()
        .map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        .map(() => expect.anything()),
    );
    const arns = (invoke[0]['Resource'] as { 'Fn::GetAtt': [string, string] }[])
      .map((r) => r['Fn::GetAtt'][0])
      .sort();
    expect(arns).toEqual(functionIds().sort());
  });

  it('has no wildcard action anywhere, in any variant', () => {
    const variants = [
      template,
      workflowApp({
        workflow: {
          endpoint: { model: { modelDataUrl: 's3://models/scones/model.tar.gz' } },
          lowConfidence: { mode: 'review' },
        },
      }).template(),
      workflowApp({ bucketName: 'existing-photos' }).template(),
    ];
    for (const variant of variants) {
      const documents = [
        ...Object.values(resources(variant, 'AWS::IAM::Policy')).map(
          (p) => p.Properties['PolicyDocument'],
        ),
        ...Object.values(resources(variant, 'AWS::IAM::Role')).flatMap((r) =>
          ((r.Properties['Policies'] as { PolicyDocument: unknown }[]) ?? []).map(
            (p) => p.PolicyDocument,
          ),
        ),
        ...Object.values(resources(variant, 'AWS::S3::BucketPolicy')).map(
          (p) => p.Properties['PolicyDocument'],
        ),
      ] as { Statement: Record<string, unknown>[] }[];
      const actions = documents.flatMap((d) =>
        d.Statement.filter((s) => s['Effect'] === 'Allow').flatMap(actionsOf),
      );
      expect(actions.length).toBeGreaterThan(10);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
      for (const role of Object.values(resources(variant, 'AWS::IAM::Role')))
        expect(role.Properties['ManagedPolicyArns']).toBeUndefined();
    }
  });
});

describe('the state machine', () => {
  it('embeds the definition @scones/workflow builds for the same options, ARNs substituted', () => {
    const machine = machineOf(template, 'standard');
    expect(JSON.parse(machine.Properties['DefinitionString'] as string)).toEqual(
      buildImageClassificationDefinition(workflowDefinitionOptions('fail')),
    );
    expect(machine.Properties['DefinitionSubstitutions']).toEqual({
      SerializeFunctionArn: {
        'Fn::GetAtt': [expect.stringMatching(/^WorkflowStepsSerializeFunction/), 'Arn'],
      },
      ClassifyFunctionArn: {
        'Fn::GetAtt': [expect.stringMatching(/^WorkflowStepsClassifyFunction/), 'Arn'],
      },
      ThresholdFunctionArn: {
        'Fn::GetAtt': [expect.stringMatching(/^WorkflowStepsThresholdFunction/), 'Arn'],
      },
    });
  });

  it('is STANDARD, logs ALL with execution data, and traces', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [Match.objectLike({})],
      },
      TracingConfiguration: { Enabled: true },
    });
  });

  // https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html:
  // StartSyncExecution runs EXPRESS machines only.
  it('has an EXPRESS twin with the same definition, for StartSyncExecution, logged and traced as the other', () => {
    const [standard, express] = [machineOf(template, 'standard'), machineOf(template, 'express')];
    expect(standard.Properties['StateMachineType']).toBe('STANDARD');
    expect(express.Properties['StateMachineType']).toBe('EXPRESS');
    expect(express.Properties['DefinitionString']).toEqual(standard.Properties['DefinitionString']);
    expect(express.Properties['DefinitionSubstitutions']).toEqual(
      standard.Properties['DefinitionSubstitutions'],
    );
    expect(express.Properties).toMatchObject({
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: true },
      TracingConfiguration: { Enabled: true },
    });
    expect(Object.keys(template.findOutputs('ExpressStateMachineArn'))).toEqual([
      'ExpressStateMachineArn',
    ]);
  });

  it('leaves the EXPRESS twin out with express: false', () => {
    const without = workflowApp({
      workflow: { endpoint: { existingEndpointName: 'e' }, express: false },
    }).template();
    expect(
      Object.values(resources(without, 'AWS::StepFunctions::StateMachine')).map(
        (m) => m.Properties['StateMachineType'],
      ),
    ).not.toContain('EXPRESS');
  });

  it('sends low confidence to an encrypted review queue with a dead-letter queue, and may only send there', () => {
    const review = workflowApp({
      workflow: { endpoint: { existingEndpointName: 'e' }, lowConfidence: { mode: 'review' } },
    }).template();
    const machine = machineOf(review, 'standard');
    expect(JSON.parse(machine.Properties['DefinitionString'] as string)).toEqual(
      buildImageClassificationDefinition(workflowDefinitionOptions('queue')),
    );
    expect(machine.Properties['DefinitionSubstitutions']).toMatchObject({
      ReviewQueueUrl: { Ref: expect.stringMatching(/^WorkflowReviewQueue/) },
    });
    review.resourceCountIs('AWS::SQS::Queue', 2);
    review.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      RedrivePolicy: { maxReceiveCount: 5 },
    });
    const send = roleStatements(review, 'WorkflowSingleImageStandardRole').find((s) =>
      actionsOf(s).includes('sqs:SendMessage'),
    );
    expect(send?.['Resource']).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^WorkflowReviewQueue/), 'Arn'],
    });
  });
});

describe('the bucket, when created', () => {
  it('is encrypted, SSL-only, private, versioned, logged, and expires data capture', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'photos/' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'data_capture/', ExpirationInDays: 90, Status: 'Enabled' }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('is not created when an existing bucket is given', () => {
    const existing = workflowApp({ bucketName: 'existing-photos' }).template();
    existing.resourceCountIs('AWS::S3::Bucket', 0);
    const read = roleStatements(existing, 'WorkflowStepsSerializeRole').find((s) =>
      actionsOf(s).includes('s3:GetObject'),
    );
    expect(JSON.stringify(read?.['Resource'])).toContain(':s3:::existing-photos/*');
  });
});

describe('the endpoint, when created from a model', () => {
  const created = () =>
    workflowApp({
      workflow: {
        endpoint: {
          model: { modelDataUrl: 's3://models/scones/model.tar.gz', maxInstanceCount: 3 },
        },
      },
    }).template();

  it('captures 100% of traffic to the bucket’s data_capture/ prefix, images as base64 and JSON as JSON', () => {
    created().hasResourceProperties('AWS::SageMaker::EndpointConfig', {
      ProductionVariants: [
        Match.objectLike({
          VariantName: 'AllTraffic',
          InitialInstanceCount: 1,
          InstanceType: 'ml.m5.large',
        }),
      ],
      DataCaptureConfig: {
        EnableCapture: true,
        InitialSamplingPercentage: 100,
        DestinationS3Uri: Match.objectLike({
          'Fn::Join': [
            '',
            ['s3://', { Ref: Match.stringLikeRegexp('^WorkflowPhotosBucket') }, '/data_capture'],
          ],
        }),
        CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
        CaptureContentTypeHeader: {
          JsonContentTypes: ['application/json'],
          CsvContentTypes: ['text/csv'],
        },
      },
    });
  });

  it('captures as the endpoint configs the training machine creates do (one DATA_CAPTURE setting)', () => {
    const [config] = Object.values(resources(created(), 'AWS::SageMaker::EndpointConfig'));
    const { DestinationS3Uri: _deployed, ...deployed } = config!.Properties[
      'DataCaptureConfig'
    ] as Record<string, unknown>;
    const definition = buildTrainingDefinition(trainingDefinitionOptions('Scones-Classifier'));
    const createConfig = definition.States[TRAINING_STATES.createConfig];
    if (createConfig?.Type !== 'Task') throw new Error('no Create endpoint config task');
    const { DestinationS3Uri: _trained, ...trained } = createConfig.Parameters?.[
      'DataCaptureConfig'
    ] as Record<string, unknown>;
    expect(deployed).toEqual(trained);
  });

  it('runs the built-in image-classification image of the region, and scales on invocations per instance', () => {
    const t = created();
    const [model] = Object.values(resources(t, 'AWS::SageMaker::Model'));
    expect(model.Properties['PrimaryContainer']).toMatchObject({
      ModelDataUrl: 's3://models/scones/model.tar.gz',
    });
    expect(JSON.stringify(model.Properties['PrimaryContainer'])).toMatch(
      /"685385470294\.dkr\.ecr\.eu-west-1\.".*"\/image-classification:1"/,
    );
    t.hasResourceProperties('AWS::SageMaker::Endpoint', { EndpointName: 'scones-classifier' });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ResourceId: 'endpoint/scones-classifier/variant/AllTraffic',
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: 1,
      MaxCapacity: 3,
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance',
        },
        TargetValue: 600,
      },
    });
  });

  it('lets the model read only its artifact and write only data capture', () => {
    const statements = roleStatements(created(), 'WorkflowClassifierRole');
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.map((s) => [actionsOf(s), JSON.stringify(s['Resource'])])).toEqual([
      [['s3:GetObject'], expect.stringContaining(':s3:::models/scones/model.tar.gz')],
      [['s3:PutObject'], expect.stringContaining('/data_capture/*')],
    ]);
  });
});

describe('alarms', () => {
  it('alarm on failed executions and on the rate of low-confidence results', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ExecutionsFailed',
      Namespace: 'AWS/States',
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 20,
      EvaluationPeriods: 3,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(invocations > 0, 100 * low / invocations, 0)' }),
      ]),
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.errorType = "ThresholdConfidenceNotMetError" }',
      MetricTransformations: [
        Match.objectLike({ MetricNamespace: 'Scones', MetricName: 'LowConfidenceResults' }),
      ],
    });
  });
});

describe('the batch state machine', () => {
  const batchMachine = (t: Template) => machineOf(t, 'batch');

  it('embeds the Distributed Map definition @scones/workflow builds, results to the bucket', () => {
    const machine = batchMachine(template);
    expect(JSON.parse(machine.Properties['DefinitionString'] as string)).toEqual(
      buildBatchDefinition(batchDefinitionOptions('fail')),
    );
    expect(machine.Properties['DefinitionSubstitutions']).toMatchObject({
      ResultsBucket: { Ref: expect.stringMatching(/^WorkflowPhotosBucket/) },
    });
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL' },
    });
  });

  it('counts only errors against the tolerance: a low-confidence photo is a below_threshold result', () => {
    const definition = JSON.parse(batchMachine(template).Properties['DefinitionString'] as string);
    const children = definition.States[BATCH_MAP_STATE].ItemProcessor.States;
    expect(children['Below threshold']).toMatchObject({ Type: 'Pass', Result: 'below_threshold' });
  });

  it('may list the bucket, write the results prefix, and start and describe only its own executions', () => {
    const statements = roleStatements(template, 'WorkflowBatchMachineRole');
    const byAction = (action: string) => statements.filter((s) => actionsOf(s).includes(action));
    expect(byAction('lambda:InvokeFunction')).toHaveLength(1);
    // The bucket's ARN, as the definition's permission writes it: arn:<partition>:s3:::<name>.
    expect(byAction('s3:ListBucket')[0]['Resource']).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':s3:::',
          { Ref: expect.stringMatching(/^WorkflowPhotosBucket/) },
        ],
      ],
    });
    expect(actionsOf(byAction('s3:PutObject')[0]).sort()).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:ListMultipartUploadParts',
      's3:PutObject',
    ]);
    expect(JSON.stringify(byAction('s3:PutObject')[0]['Resource'])).toContain('/batch-results/*');
    const name = batchMachine(template).Properties['StateMachineName'] as string;
    expect(JSON.stringify(byAction('states:StartExecution')[0]['Resource'])).toContain(
      `:stateMachine:${name}"`,
    );
    expect(JSON.stringify(byAction('states:DescribeExecution')[0]['Resource'])).toContain(
      `:execution:${name}/*`,
    );
    expect(
      statements
        .flatMap(actionsOf)
        .filter((a) => a.startsWith('s3:'))
        .sort(),
    ).toEqual([
      's3:AbortMultipartUpload',
      's3:GetObject',
      's3:ListBucket',
      's3:ListMultipartUploadParts',
      's3:PutObject',
    ]);
  });

  it('restricts listing to an input prefix when given, and can be left out', () => {
    const scoped = workflowApp({
      workflow: { endpoint: { existingEndpointName: 'e' }, batch: { inputPrefix: 'incoming/' } },
    }).template();
    const list = roleStatements(scoped, 'WorkflowBatchMachineRole').find((s) =>
      actionsOf(s).includes('s3:ListBucket'),
    );
    expect(list?.['Condition']).toEqual({ StringLike: { 's3:prefix': ['incoming/*'] } });
    const without = workflowApp({
      workflow: { endpoint: { existingEndpointName: 'e' }, batch: false },
    }).template();
    expect(() => machineOf(without, 'batch')).toThrow(/0 resources/);
  });
});

describe('the training state machine', () => {
  const trainingMachine = () => machineOf(template, 'training');

  it('embeds the gated training definition @scones/workflow builds', () => {
    const machine = trainingMachine();
    expect(JSON.parse(machine.Properties['DefinitionString'] as string)).toEqual(
      buildTrainingDefinition(trainingDefinitionOptions('Scones-Classifier')),
    );
    expect(Object.keys(machine.Properties['DefinitionSubstitutions'] as object).sort()).toEqual([
      'AlgorithmImage',
      'DataCaptureUri',
      'ModelOutputPath',
      'SageMakerRoleArn',
    ]);
  });

  it('gives SageMaker a role limited to the bucket: read training data and models, write models and capture', () => {
    const statements = roleStatements(template, 'WorkflowTrainingSageMakerRole');
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.map((s) => actionsOf(s).join())).toEqual([
      's3:ListBucket',
      's3:GetObject',
      's3:PutObject',
    ]);
    for (const statement of s3) {
      const resources = [statement['Resource']].flat();
      for (const resource of resources)
        expect(JSON.stringify(resource)).toMatch(/WorkflowPhotosBucket/);
    }
    expect(JSON.stringify(s3[1]['Resource'])).toMatch(/\/training\/\*.*\/models\/\*/);
    expect(JSON.stringify(s3[2]['Resource'])).toMatch(/\/models\/\*.*\/data_capture\/\*/);
    expect(s3[0]['Condition']).toEqual({ StringLike: { 's3:prefix': ['training/*', 'models/*'] } });
  });

  it('lets the state machine manage only scones-* jobs, models and configs, the one endpoint, and pass only that role to SageMaker', () => {
    const statements = roleStatements(template, 'WorkflowTrainingMachineRole');
    const text = (action: string) =>
      JSON.stringify(statements.find((s) => actionsOf(s).includes(action))?.['Resource']);
    expect(text('sagemaker:CreateTrainingJob')).toContain(':training-job/scones-*');
    expect(text('sagemaker:CreateModel')).toContain(':model/scones-*');
    expect(text('sagemaker:UpdateEndpoint')).toContain(':endpoint/scones-classifier');
    const pass = statements.find((s) => actionsOf(s).includes('iam:PassRole'))!;
    expect(pass['Condition']).toEqual({
      StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
    });
    expect(JSON.stringify(pass['Resource'])).toMatch(/WorkflowTrainingSageMakerRole/);
  });

  // https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html: the policy for
  // createTrainingJob.sync includes sagemaker:AddTags and sagemaker:ListTags on the job.
  it('may tag and list the tags of its training jobs, as the .sync integration needs', () => {
    const statements = roleStatements(template, 'WorkflowTrainingMachineRole');
    const job = statements.find((s) => actionsOf(s).includes('sagemaker:CreateTrainingJob'))!;
    expect(actionsOf(job)).toEqual(
      expect.arrayContaining(['sagemaker:AddTags', 'sagemaker:ListTags']),
    );
    expect(JSON.stringify(job['Resource'])).toContain(':training-job/scones-*');
  });
});
