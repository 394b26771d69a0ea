import type { Catcher, Transition } from '../../asl/types.js';
import type { TaskWithPermissions } from '../../permissions/task-permission.js';
import type { TrainingOptions } from '../training-options.js';
import { endpointArn } from './sagemaker-names.js';

/**
 * Asks SageMaker whether the endpoint exists (`aws-sdk:sagemaker:describeEndpoint`); the catch
 * decides what a missing one means.
 *
 * @example
 * describeEndpointTask(options, [{ ErrorEquals: ['SageMaker.ValidationException'], Next: 'Create endpoint' }], { Next: 'Update endpoint' });
 */
export function describeEndpointTask(
  options: TrainingOptions,
  catchers: Catcher[],
  transition: Transition,
): TaskWithPermissions {
  return {
    state: {
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:sagemaker:describeEndpoint',
      Parameters: { EndpointName: options.endpointName },
      ResultPath: null,
      Catch: catchers,
      ...transition,
    },
    permissions: [
      { actions: ['sagemaker:DescribeEndpoint'], resources: [endpointArn(options.endpointName)] },
    ],
  };
}
