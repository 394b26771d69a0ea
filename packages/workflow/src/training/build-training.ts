import type { StateMachineDefinition } from '../asl/types.js';
import {
  collectStates,
  type DefinitionWithPermissions,
} from '../permissions/definition-with-permissions.js';
import { createEndpointConfigTask } from './tasks/create-endpoint-config.js';
import { createModelTask } from './tasks/create-model.js';
import { createTrainingJobTask } from './tasks/create-training-job.js';
import { deployEndpointTask } from './tasks/deploy-endpoint.js';
import { describeEndpointTask } from './tasks/describe-endpoint.js';
import {
  MODEL_ACCURACY_TOO_LOW,
  TRAINING_STATES as S,
  type TrainingOptions,
} from './training-options.js';

// The built-in algorithm reports a handful of final metrics; the gate looks at this many.
const MAX_METRICS = 8;

/**
 * The training workflow: train SageMaker's built-in image-classification algorithm to completion
 * (the original notebook's hyperparameters by default) on the four channels under `$.data`, gate
 * on the job's final `validation:accuracy`, then create the model and an endpoint config with
 * data capture and update the endpoint (or create it when it does not exist). Below the minimum
 * it fails with `ModelAccuracyTooLowError` and leaves the serving endpoint untouched. Input:
 * `{ "data": "s3://scones-images/training" }`; the execution name names the job, model and config.
 * Beside the definition, the permissions its SageMaker tasks need.
 *
 * @example
 * const { definition, permissions } = buildTrainingWorkflow({ sageMakerRoleArn, algorithmImage,
 *   outputPath: 's3://b/models', endpointName: 'scones-classifier', dataCapture: { destination: 's3://b/data_capture' } });
 */
export function buildTrainingWorkflow(options: TrainingOptions): DefinitionWithPermissions {
  const minAccuracy = options.minAccuracy ?? 0.8;
  const { States, permissions } = collectStates({
    [S.train]: createTrainingJobTask(options, { Next: S.gate }),
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
                NumericGreaterThanEquals: minAccuracy,
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
      Cause: `The trained model's validation accuracy is below ${minAccuracy}, or the training job reported none: the serving endpoint was left as it was.`,
    },
    [S.createModel]: createModelTask(options, { Next: S.createConfig }),
    [S.createConfig]: createEndpointConfigTask(options, { Next: S.findEndpoint }),
    [S.findEndpoint]: describeEndpointTask(
      options,
      // DescribeEndpoint answers ValidationException for an endpoint that does not exist.
      [
        {
          ErrorEquals: ['SageMaker.SageMakerException', 'SageMaker.ValidationException'],
          ResultPath: null,
          Next: S.createEndpoint,
        },
      ],
      { Next: S.updateEndpoint },
    ),
    [S.createEndpoint]: deployEndpointTask('createEndpoint', options, { End: true }),
    [S.updateEndpoint]: deployEndpointTask('updateEndpoint', options, { End: true }),
  });
  return {
    definition: {
      Comment:
        'Scones training: train, gate on validation accuracy, then create or update the endpoint.',
      StartAt: S.train,
      States,
    },
    permissions,
  };
}

/**
 * The definition of {@link buildTrainingWorkflow} alone.
 *
 * @example
 * buildTrainingDefinition({ sageMakerRoleArn, algorithmImage, outputPath: 's3://b/models', endpointName: 'scones-classifier',
 *   dataCapture: { destination: 's3://b/data_capture' } });
 */
export function buildTrainingDefinition(options: TrainingOptions): StateMachineDefinition {
  return buildTrainingWorkflow(options).definition;
}
