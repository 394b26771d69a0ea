// The training definition executed by the real interpreter, its SageMaker tasks mapped to local
// functions that record what they were asked.
import validateAsl from 'asl-validator';
import { LocalExecutor, type ServiceIntegration } from '@scones/executor';
import {
  MODEL_ACCURACY_TOO_LOW,
  TRAINING_STATES as S,
  buildTrainingDefinition,
  type TrainingOptions,
} from '../../src/index.js';

const options: TrainingOptions = {
  sageMakerRoleArn: 'arn:aws:iam::123456789012:role/scones-sagemaker',
  algorithmImage: '685385470294.dkr.ecr.eu-west-1.amazonaws.com/image-classification:1',
  outputPath: 's3://scones-images/models',
  endpointName: 'scones-classifier',
  minAccuracy: 0.8,
  dataCapture: { destination: 's3://scones-images/data_capture' },
};

function sagemaker(accuracy: number | undefined | 'absent', endpointExists: boolean) {
  const calls: [string, Record<string, unknown>][] = [];
  const record =
    (action: string, result: unknown = {}): ServiceIntegration =>
    (parameters) => {
      calls.push([action, parameters as Record<string, unknown>]);
      return result;
    };
  const services: Record<string, ServiceIntegration> = {
    'arn:aws:states:::sagemaker:createTrainingJob.sync': (parameters) => {
      calls.push(['createTrainingJob', parameters as Record<string, unknown>]);
      const job = (parameters as { TrainingJobName: string }).TrainingJobName;
      return {
        TrainingJobName: job,
        TrainingJobStatus: 'Completed',
        ModelArtifacts: {
          S3ModelArtifacts: `s3://scones-images/models/${job}/output/model.tar.gz`,
        },
        // DescribeTrainingJob may leave FinalMetricDataList out altogether
        // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html).
        ...(accuracy === 'absent'
          ? {}
          : {
              FinalMetricDataList:
                accuracy === undefined
                  ? []
                  : [
                      { MetricName: 'train:accuracy', Value: 0.99 },
                      { MetricName: 'validation:accuracy', Value: accuracy },
                    ],
            }),
      };
    },
    'arn:aws:states:::sagemaker:createModel': record('createModel'),
    'arn:aws:states:::sagemaker:createEndpointConfig': record('createEndpointConfig'),
    'arn:aws:states:::aws-sdk:sagemaker:describeEndpoint': (parameters) => {
      calls.push(['describeEndpoint', parameters as Record<string, unknown>]);
      if (!endpointExists)
        throw Object.assign(new Error('Could not find endpoint "scones-classifier".'), {
          name: 'SageMaker.ValidationException',
        });
      return { EndpointStatus: 'InService' };
    },
    'arn:aws:states:::sagemaker:createEndpoint': record('createEndpoint'),
    'arn:aws:states:::sagemaker:updateEndpoint': record('updateEndpoint'),
  };
  return { calls, services };
}

async function train(accuracy: number | undefined | 'absent', endpointExists: boolean) {
  const { calls, services } = sagemaker(accuracy, endpointExists);
  const executor = new LocalExecutor(buildTrainingDefinition(options), { lambdas: {}, services });
  const result = await executor.execute(
    { data: 's3://scones-images/training' },
    { Execution: { Name: 'run-7' } },
  );
  return { result, calls, actions: calls.map(([action]) => action) };
}

describe('buildTrainingDefinition', () => {
  it('passes asl-validator', () => {
    const { isValid, errorsText } = validateAsl(structuredClone(buildTrainingDefinition(options)));
    expect(errorsText('\n')).toBe('');
    expect(isValid).toBe(true);
  });

  it('trains with the original hyperparameters on the four channels', async () => {
    const { calls } = await train(0.9, true);
    expect(calls[0][1]).toMatchObject({
      TrainingJobName: 'scones-run-7',
      AlgorithmSpecification: { TrainingImage: options.algorithmImage, TrainingInputMode: 'File' },
      HyperParameters: {
        image_shape: '3,32,32',
        num_classes: '2',
        num_training_samples: '1000',
        epochs: '30',
        mini_batch_size: '128',
        learning_rate: '0.001',
      },
      OutputDataConfig: { S3OutputPath: 's3://scones-images/models' },
    });
    const channels = (
      calls[0][1]['InputDataConfig'] as {
        ChannelName: string;
        DataSource: { S3DataSource: { S3Uri: string } };
      }[]
    ).map((c) => [c.ChannelName, c.DataSource.S3DataSource.S3Uri]);
    expect(channels).toEqual([
      ['train', 's3://scones-images/training/train/'],
      ['validation', 's3://scones-images/training/validation/'],
      ['train_lst', 's3://scones-images/training/train_lst/'],
      ['validation_lst', 's3://scones-images/training/validation_lst/'],
    ]);
  });

  it('updates the existing endpoint when the model is accurate enough', async () => {
    const { result, actions, calls } = await train(0.86, true);
    expect(result.status).toBe('SUCCEEDED');
    expect(actions).toEqual([
      'createTrainingJob',
      'createModel',
      'createEndpointConfig',
      'describeEndpoint',
      'updateEndpoint',
    ]);
    expect(calls[1][1]).toMatchObject({
      ModelName: 'scones-run-7',
      PrimaryContainer: {
        ModelDataUrl: 's3://scones-images/models/scones-run-7/output/model.tar.gz',
      },
    });
    expect(calls[2][1]).toMatchObject({
      DataCaptureConfig: {
        EnableCapture: true,
        InitialSamplingPercentage: 100,
        DestinationS3Uri: 's3://scones-images/data_capture',
      },
    });
    expect(calls[4][1]).toEqual({
      EndpointName: 'scones-classifier',
      EndpointConfigName: 'scones-run-7',
    });
  });

  it('creates the endpoint when it does not exist yet', async () => {
    const { result, actions } = await train(0.8, false);
    expect(result.status).toBe('SUCCEEDED');
    expect(actions).toEqual([
      'createTrainingJob',
      'createModel',
      'createEndpointConfig',
      'describeEndpoint',
      'createEndpoint',
    ]);
  });

  it.each([
    ['below the minimum', 0.79],
    ['without a validation accuracy', undefined],
    ['when the job reports no FinalMetricDataList at all', 'absent' as const],
  ])(
    'fails with ModelAccuracyTooLowError %s and leaves the endpoint untouched',
    async (_case, accuracy) => {
      const { result, actions } = await train(accuracy, true);
      expect(result).toMatchObject({ status: 'FAILED', error: MODEL_ACCURACY_TOO_LOW });
      expect(actions).toEqual(['createTrainingJob']);
      expect(
        result.events.some((e) => e.type === 'StateEntered' && e.state?.name === S.tooInaccurate),
      ).toBe(true);
    },
  );
});
