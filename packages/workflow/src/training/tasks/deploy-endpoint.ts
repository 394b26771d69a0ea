import type { Transition } from '../../asl/types.js';
import type { TaskWithPermissions } from '../../permissions/task-permission.js';
import type { TrainingOptions } from '../training-options.js';
import { endpointArn, runResources, TRAINING_NAME_PREFIX } from './sagemaker-names.js';
/**
 * Creates the endpoint on, or moves it to, the endpoint config named after the training job.
 *
 * @example
 * deployEndpointTask('updateEndpoint', options, { End: true });
 */
export function deployEndpointTask(
  action: 'createEndpoint' | 'updateEndpoint',
  options: TrainingOptions,
  transition: Transition,
): TaskWithPermissions {
  return {
    state: {
      Type: 'Task',
      Resource: `arn:aws:states:::sagemaker:${action}`,
      Parameters: {
        EndpointName: options.endpointName,
        'EndpointConfigName.$': '$.training.TrainingJobName',
      },
      ResultPath: null,
      ...transition,
    },
    permissions: [
      {
        actions: [
          action === 'createEndpoint' ? 'sagemaker:CreateEndpoint' : 'sagemaker:UpdateEndpoint',
        ],
        // Both actions authorize against the endpoint and the endpoint config they use.
        resources: [endpointArn(options.endpointName), runResources('endpoint-config')],
        wildcardReason: `Each run names its endpoint config after its training job (${TRAINING_NAME_PREFIX}<execution name>).`,
      },
    ],
  };
}
