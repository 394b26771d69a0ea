import type { PayloadTemplate, StateMachineDefinition, TaskState } from '../asl/types.js';
import {
  MODEL_ACCURACY_TOO_LOW,
  TRAINING_STATES as S,
  type TrainingOptions,
} from './training-options.js';

// The built-in algorithm reports a handful of final metrics; the gate looks at this many.
const MAX_METRICS = 8;

const CHANNELS = [
  ['train', 'application/x-image'],
  ['validation', 'application/x-image'],
  ['train_lst', 'application/x-image'],
  ['validation_lst', 'application/x-image'],
] as const;

/**
 * The training workflow: train SageMaker's built-in image-classification algorithm to completion
 * (the original notebook's hyperparameters by default) on the four channels under `$.data`, gate
 * on the job's final `validation:accuracy`, then create the model and an endpoint config with
 * data capture and update the endpoint (or create it when it does not exist). Below the minimum
 * it fails with `ModelAccuracyTooLowError` and leaves the serving endpoint untouched. Input:
 * `{ "data": "s3://scones-images/training" }`; the execution name names the job, model and config.
 *
 * @example
 * buildTrainingDefinition({ sageMakerRoleArn, algorithmImage, outputPath: 's3://b/models', endpointName: 'scones-classifier',
 *   dataCapture: { destination: 's3://b/data_capture' } });
 */
export function buildTrainingDefinition(options: TrainingOptions): StateMachineDefinition {
  const hp = options.hyperparameters ?? {};
  const name = { 'Name.$': "States.Format('scones-{}', $$.Execution.Name)" };
  const sagemaker = (
    action: string,
    parameters: PayloadTemplate,
    next: Partial<TaskState>,
  ): TaskState =>
    ({
      Type: 'Task',
      Resource: `arn:aws:states:::sagemaker:${action}`,
      Parameters: parameters,
      ResultPath: null,
      ...next,
    }) as TaskState;

  return {
    Comment:
      'Scones training: train, gate on validation accuracy, then create or update the endpoint.',
    StartAt: S.train,
    States: {
      [S.train]: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
        Parameters: {
          'TrainingJobName.$': name['Name.$'],
          AlgorithmSpecification: {
            TrainingImage: options.algorithmImage,
            TrainingInputMode: 'File',
          },
          RoleArn: options.sageMakerRoleArn,
          HyperParameters: {
            image_shape: '3,32,32',
            num_classes: '2',
            num_training_samples: String(hp.numTrainingSamples ?? 1000),
            epochs: String(hp.epochs ?? 30),
            mini_batch_size: String(hp.miniBatchSize ?? 128),
            learning_rate: String(hp.learningRate ?? 0.001),
          },
          InputDataConfig: CHANNELS.map(([channel, contentType]) => ({
            ChannelName: channel,
            ContentType: contentType,
            DataSource: {
              S3DataSource: {
                S3DataType: 'S3Prefix',
                'S3Uri.$': `States.Format('{}/${channel}/', $.data)`,
                S3DataDistributionType: 'FullyReplicated',
              },
            },
          })),
          OutputDataConfig: { S3OutputPath: options.outputPath },
          ResourceConfig: {
            InstanceType: options.trainingInstanceType ?? 'ml.p3.2xlarge',
            InstanceCount: 1,
            VolumeSizeInGB: 5,
          },
          StoppingCondition: { MaxRuntimeInSeconds: options.maxTrainingSeconds ?? 3600 },
        },
        // The whole DescribeTrainingJob answer, kept as it is: it may lack FinalMetricDataList,
        // and a ResultSelector path to a missing field fails the run with States.Runtime.
        ResultPath: '$.training',
        Next: S.gate,
      },
      [S.gate]: {
        Type: 'Choice',
        Comment:
          'Passes when some final metric is validation:accuracy at or above the minimum; without metrics, it does not.',
        Choices: [
          {
            Or: Array.from({ length: MAX_METRICS }, (_, i) => ({
              And: [
                { Variable: `$.training.FinalMetricDataList[${i}]`, IsPresent: true },
                {
                  Variable: `$.training.FinalMetricDataList[${i}].MetricName`,
                  StringEquals: 'validation:accuracy',
                },
                {
                  Variable: `$.training.FinalMetricDataList[${i}].Value`,
                  NumericGreaterThanEquals: options.minAccuracy ?? 0.8,
                },
              ],
            })),
            Next: S.createModel,
          },
        ],
        Default: S.tooInaccurate,
      },
      [S.tooInaccurate]: {
        Type: 'Fail',
        Error: MODEL_ACCURACY_TOO_LOW,
        Cause: `The trained model's validation accuracy is below ${options.minAccuracy ?? 0.8}, or the training job reported none: the serving endpoint was left as it was.`,
      },
      [S.createModel]: sagemaker(
        'createModel',
        {
          'ModelName.$': '$.training.TrainingJobName',
          ExecutionRoleArn: options.sageMakerRoleArn,
          PrimaryContainer: {
            Image: options.algorithmImage,
            'ModelDataUrl.$': '$.training.ModelArtifacts.S3ModelArtifacts',
          },
        },
        { Next: S.createConfig },
      ),
      [S.createConfig]: sagemaker(
        'createEndpointConfig',
        {
          'EndpointConfigName.$': '$.training.TrainingJobName',
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              'ModelName.$': '$.training.TrainingJobName',
              InitialInstanceCount: options.endpointInstanceCount ?? 1,
              InstanceType: options.endpointInstanceType ?? 'ml.m5.large',
            },
          ],
          DataCaptureConfig: {
            EnableCapture: true,
            InitialSamplingPercentage: options.dataCapture.percentage ?? 100,
            DestinationS3Uri: options.dataCapture.destination,
            CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
            CaptureContentTypeHeader: {
              JsonContentTypes: ['application/json'],
              CsvContentTypes: ['text/csv'],
            },
          },
        },
        { Next: S.findEndpoint },
      ),
      [S.findEndpoint]: {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:sagemaker:describeEndpoint',
        Parameters: { EndpointName: options.endpointName },
        ResultPath: null,
        // DescribeEndpoint answers ValidationException for an endpoint that does not exist.
        Catch: [
          {
            ErrorEquals: ['SageMaker.SageMakerException', 'SageMaker.ValidationException'],
            ResultPath: null,
            Next: S.createEndpoint,
          },
        ],
        Next: S.updateEndpoint,
      },
      [S.createEndpoint]: sagemaker(
        'createEndpoint',
        {
          EndpointName: options.endpointName,
          'EndpointConfigName.$': '$.training.TrainingJobName',
        },
        { End: true },
      ),
      [S.updateEndpoint]: sagemaker(
        'updateEndpoint',
        {
          EndpointName: options.endpointName,
          'EndpointConfigName.$': '$.training.TrainingJobName',
        },
        { End: true },
      ),
    },
  };
}
