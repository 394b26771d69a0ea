import { arnInAccount, type TaskPermission } from '../../permissions/task-permission.js';

/**
 * Every run names its training job, model and endpoint config `scones-<execution name>`, so
 * the permissions can be limited to names with this prefix.
 */
export const TRAINING_NAME_PREFIX = 'scones-';

/** The `Name.$` of a run's training job, model and endpoint config. */
export const RUN_NAME = `States.Format('${TRAINING_NAME_PREFIX}{}', $$.Execution.Name)`;

/** The ARN pattern of a run's SageMaker resources of one kind (`training-job`, `model`, ...). */
export function runResources(kind: string): string {
  return arnInAccount('sagemaker', `${kind}/${TRAINING_NAME_PREFIX}*`);
}

/** An endpoint's ARN: IAM matches SageMaker endpoint ARNs in lower case. */
export function endpointArn(endpointName: string): string {
  return arnInAccount('sagemaker', `endpoint/${endpointName.toLowerCase()}`);
}

/** Passing the SageMaker role to SageMaker, which a task that names it in its request needs. */
export function passRoleToSageMaker(roleArn: string): TaskPermission {
  return {
    actions: ['iam:PassRole'],
    resources: [roleArn],
    conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
  };
}
