import type { Transition } from '../../asl/types.js';
import type { TaskWithPermissions } from '../../permissions/task-permission.js';
import type { TrainingOptions } from '../training-options.js';
import { passRoleToSageMaker, runResources, TRAINING_NAME_PREFIX } from './sagemaker-names.js';

/**
 * Creates a model, named after the training job, from the artifact it wrote.
 *
 * @example
 * createModelTask(options, { Next: 'Create endpoint config' });
 */
export function createModelTask(
  options: TrainingOptions,
  transition: Transition,
): TaskWithPermissions {
  return {
    state: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createModel',
      Parameters: {
        'ModelName.$': '$.training.TrainingJobName',
        ExecutionRoleArn: options.sageMakerRoleArn,
        PrimaryContainer: {
          Image: options.algorithmImage,
          'ModelDataUrl.$': '$.training.ModelArtifacts.S3ModelArtifacts',
        },
      },
      ResultPath: null,
      ...transition,
    },
    permissions: [
      {
        actions: ['sagemaker:CreateModel'],
        resources: [runResources('model')],
        wildcardReason: `Each run names its model after its training job (${TRAINING_NAME_PREFIX}<execution name>).`,
      },
      passRoleToSageMaker(options.sageMakerRoleArn),
    ],
  };
}
