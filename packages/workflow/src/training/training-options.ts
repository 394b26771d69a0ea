/** Options of {@link buildTrainingDefinition}. */
export interface TrainingOptions {
  /** The role SageMaker trains and serves with (any string: ARNs, CDK tokens, `${...}`). */
  sageMakerRoleArn: string;
  /** Container image of the built-in image-classification algorithm for the region. */
  algorithmImage: string;
  /** Where training writes the model artifact, `s3://bucket/prefix`. */
  outputPath: string;
  /** The endpoint to create or update. */
  endpointName: string;
  /** Below this final `validation:accuracy` the endpoint is left untouched. Default 0.8. */
  minAccuracy?: number;
  /** Hyperparameters; the original notebook's by default. */
  hyperparameters?: {
    epochs?: number;
    miniBatchSize?: number;
    learningRate?: number;
    numTrainingSamples?: number;
  };
  /** Default `ml.p3.2xlarge` (as the original notebook), one instance. */
  trainingInstanceType?: string;
  /** Default 3600 s. */
  maxTrainingSeconds?: number;
  /** Endpoint instances; default `ml.m5.large`, one. */
  endpointInstanceType?: string;
  endpointInstanceCount?: number;
  /** Data capture of the new endpoint config: destination `s3://bucket/data_capture`, percent. */
  dataCapture: { destination: string; percentage?: number };
}

/** The states of the training definition, by role. */
export const TRAINING_STATES = {
  train: 'Train model',
  gate: 'Accurate enough?',
  tooInaccurate: 'Model not accurate enough',
  createModel: 'Create model',
  createConfig: 'Create endpoint config',
  findEndpoint: 'Find endpoint',
  createEndpoint: 'Create endpoint',
  updateEndpoint: 'Update endpoint',
} as const;

/** The error the training definition fails with below the accuracy gate. */
export const MODEL_ACCURACY_TOO_LOW = 'ModelAccuracyTooLowError';
