import type { Transition } from '../../asl/types.js';
import { arnInAccount, type TaskWithPermissions } from '../../permissions/task-permission.js';
import type { TrainingOptions } from '../training-options.js';
import {
  passRoleToSageMaker,
  RUN_NAME,
  runResources,
  TRAINING_NAME_PREFIX,
} from './sagemaker-names.js';

const CHANNELS = ['train', 'validation', 'train_lst', 'validation_lst'] as const;

/**
 * Trains the built-in image-classification algorithm to completion (`createTrainingJob.sync`)
 * on the four channels under `$.data`, with the original notebook's hyperparameters by default,
 * and keeps the whole DescribeTrainingJob answer in `$.training`. Its permissions are the ones
 * "IAM policies for Amazon SageMaker AI" lists for the .sync integration, tags included, and the
 * EventBridge rule Step Functions follows the job with.
 *
 * @example
 * createTrainingJobTask(options, { Next: 'Accurate enough?' });
 */
export function createTrainingJobTask(
  options: TrainingOptions,
  transition: Transition,
): TaskWithPermissions {
  const hp = options.hyperparameters ?? {};
  return {
    state: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      Parameters: {
        'TrainingJobName.$': RUN_NAME,
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
        InputDataConfig: CHANNELS.map((channel) => ({
          ChannelName: channel,
          ContentType: 'application/x-image',
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
      ...transition,
    },
    permissions: [
      {
        actions: [
          'sagemaker:CreateTrainingJob',
          'sagemaker:DescribeTrainingJob',
          'sagemaker:StopTrainingJob',
          'sagemaker:AddTags',
          'sagemaker:ListTags',
        ],
        resources: [runResources('training-job')],
        wildcardReason: `Each run names its training job ${TRAINING_NAME_PREFIX}<execution name>.`,
      },
      passRoleToSageMaker(options.sageMakerRoleArn),
      {
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        resources: [
          arnInAccount('events', 'rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule'),
        ],
      },
    ],
  };
}
