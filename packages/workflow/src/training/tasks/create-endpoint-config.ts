import { DATA_CAPTURE, DEFAULT_VARIANT_NAME } from '@scones/contracts';
import type { Transition } from '../../asl/types.js';
import type { TaskWithPermissions } from '../../permissions/task-permission.js';
import type { TrainingOptions } from '../training-options.js';
import { runResources, TRAINING_NAME_PREFIX } from './sagemaker-names.js';

/**
 * Creates an endpoint config, named after the training job, serving the new model with data
 * capture as every Scones endpoint has it ({@link DATA_CAPTURE}).
 *
 * @example
 * createEndpointConfigTask(options, { Next: 'Find endpoint' });
 */
export function createEndpointConfigTask(
  options: TrainingOptions,
  transition: Transition,
): TaskWithPermissions {
  return {
    state: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sagemaker:createEndpointConfig',
      Parameters: {
        'EndpointConfigName.$': '$.training.TrainingJobName',
        ProductionVariants: [
          {
            VariantName: DEFAULT_VARIANT_NAME,
            'ModelName.$': '$.training.TrainingJobName',
            InitialInstanceCount: options.endpointInstanceCount ?? 1,
            InstanceType: options.endpointInstanceType ?? 'ml.m5.large',
          },
        ],
        DataCaptureConfig: {
          EnableCapture: true,
          InitialSamplingPercentage:
            options.dataCapture.percentage ?? DATA_CAPTURE.samplingPercentage,
          DestinationS3Uri: options.dataCapture.destination,
          CaptureOptions: DATA_CAPTURE.captureModes.map((mode) => ({ CaptureMode: mode })),
          CaptureContentTypeHeader: {
            JsonContentTypes: [...DATA_CAPTURE.jsonContentTypes],
            CsvContentTypes: [...DATA_CAPTURE.csvContentTypes],
          },
        },
      },
      ResultPath: null,
      ...transition,
    },
    permissions: [
      {
        actions: ['sagemaker:CreateEndpointConfig'],
        resources: [runResources('endpoint-config')],
        wildcardReason: `Each run names its endpoint config after its training job (${TRAINING_NAME_PREFIX}<execution name>).`,
      },
    ],
  };
}
