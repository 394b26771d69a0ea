// State machines in the wiring styles public deployments of the original system use, each with
// the neighbours written for it. A definition names its functions by ARN as a console export
// does; `bodyFormat` is the BODY_FORMAT our Lambda needs in each position for the neighbour
// after it (the final one is read by no Lambda).
import type { LambdaHandler } from '@scones/executor';
import type { LocalSteps } from '../local-steps';
import { locate, theirClassify, theirSerialize, theirThreshold, type Body } from './neighbours';

export type Step = 'serialize' | 'classify' | 'threshold';

export interface Wiring {
  name: string;
  /** What the style does, as its README would say it. */
  style: string;
  definition: object;
  bodyFormat: Record<Step, Body>;
  neighbours(steps: LocalSteps): Record<Step, LambdaHandler>;
}

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';
const NAMES: Record<Step, string> = {
  serialize: 'serializeImageData',
  classify: 'classifyImage',
  threshold: 'filterLowConfidence',
};
const STATE_NAMES: Record<Step, string> = {
  serialize: 'Serialize Image Data',
  classify: 'Image Classification',
  threshold: 'Filter Low Confidence Inferences',
};
const RETRY = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
  },
];

type TaskShape = {
  Payload?: unknown;
  'Payload.$'?: string;
  InputPath?: string;
  OutputPath?: string;
  ResultSelector?: object;
};

function task(step: Step, shape: TaskShape, next?: string) {
  const { Payload, 'Payload.$': payloadPath, ...paths } = shape;
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: {
      FunctionName: `${ARN}:${NAMES[step]}:$LATEST`,
      ...(Payload === undefined ? { 'Payload.$': payloadPath ?? '$' } : { Payload }),
    },
    ...paths,
    Retry: RETRY,
    ...(next ? { Next: next } : { End: true }),
  };
}

function definition(shapes: Record<Step, TaskShape>) {
  return {
    Comment: 'Scones Unlimited image classification',
    StartAt: STATE_NAMES.serialize,
    States: {
      [STATE_NAMES.serialize]: task('serialize', shapes.serialize, STATE_NAMES.classify),
      [STATE_NAMES.classify]: task('classify', shapes.classify, STATE_NAMES.threshold),
      [STATE_NAMES.threshold]: task('threshold', shapes.threshold),
    },
  };
}

/** The function name a wiring's definition gives each step. */
export const FUNCTION_NAMES = NAMES;

/** The photo every wiring classifies; static-payload machines name it in their definition. */
export const PHOTO = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png' };

export const WIRINGS: Wiring[] = [
  {
    name: 'console export',
    style:
      '`Payload.$: "$"` and `OutputPath: "$.Payload"` on every task; classify returns `json.dumps(event)`',
    definition: definition({
      serialize: { OutputPath: '$.Payload' },
      classify: { OutputPath: '$.Payload' },
      threshold: { OutputPath: '$.Payload' },
    }),
    bodyFormat: { serialize: 'object', classify: 'string', threshold: 'string' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.body, 'string', 'event'),
      threshold: theirThreshold(locate.bodyJson, 'string'),
    }),
  },
  {
    name: 'body out',
    style: '`OutputPath: "$.Payload.body"` on every task: each Lambda gets the bare record',
    definition: definition({
      serialize: { OutputPath: '$.Payload.body' },
      classify: { OutputPath: '$.Payload.body' },
      threshold: { OutputPath: '$.Payload.body' },
    }),
    bodyFormat: { serialize: 'object', classify: 'object', threshold: 'object' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.event, 'object', 'event'),
      threshold: theirThreshold(locate.event, 'object'),
    }),
  },
  {
    name: 'InputPath body',
    style:
      '`InputPath: "$.body"` in, `OutputPath: "$.Payload"` out; a string body reaches the next Lambda as a string',
    definition: definition({
      serialize: { OutputPath: '$.Payload' },
      classify: { InputPath: '$.body', OutputPath: '$.Payload' },
      threshold: { InputPath: '$.body', OutputPath: '$.Payload' },
    }),
    bodyFormat: { serialize: 'object', classify: 'string', threshold: 'string' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.event, 'string', 'record'),
      threshold: theirThreshold(locate.eventJson, 'string'),
    }),
  },
  {
    name: 'Payload from body',
    style: '`Payload.$: "$.body"` on the later tasks, `OutputPath: "$.Payload"` on every one',
    definition: definition({
      serialize: { OutputPath: '$.Payload' },
      classify: { 'Payload.$': '$.body', OutputPath: '$.Payload' },
      threshold: { 'Payload.$': '$.body', OutputPath: '$.Payload' },
    }),
    bodyFormat: { serialize: 'object', classify: 'object', threshold: 'object' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.event, 'object', 'record'),
      threshold: theirThreshold(locate.event, 'object'),
    }),
  },
  {
    name: 'field by field',
    style:
      'field-by-field `Parameters`: `{"image_data.$": "$.body.image_data", "inferences.$": "$.body.inferences"}` into classify, `inferences` and `s3_key` into threshold',
    definition: definition({
      serialize: { OutputPath: '$.Payload' },
      classify: {
        Payload: {
          'image_data.$': '$.body.image_data',
          's3_bucket.$': '$.body.s3_bucket',
          's3_key.$': '$.body.s3_key',
          'inferences.$': '$.body.inferences',
        },
        OutputPath: '$.Payload',
      },
      threshold: {
        Payload: { 'inferences.$': '$.body.inferences', 's3_key.$': '$.body.s3_key' },
        OutputPath: '$.Payload',
      },
    }),
    bodyFormat: { serialize: 'object', classify: 'object', threshold: 'object' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.event, 'object', 'record'),
      threshold: theirThreshold(locate.event, 'object'),
    }),
  },
  {
    name: 'StringToJson',
    style:
      'every Lambda returns `body` as a JSON string; `Payload.$: "States.StringToJson($.body)"` on the later tasks',
    definition: definition({
      serialize: { OutputPath: '$.Payload' },
      classify: { 'Payload.$': 'States.StringToJson($.body)', OutputPath: '$.Payload' },
      threshold: { 'Payload.$': 'States.StringToJson($.body)', OutputPath: '$.Payload' },
    }),
    bodyFormat: { serialize: 'string', classify: 'string', threshold: 'string' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'string'),
      classify: theirClassify(steps, locate.event, 'string', 'record'),
      threshold: theirThreshold(locate.event, 'string'),
    }),
  },
  {
    name: 'static Payload',
    style:
      'a static `Payload` naming the test photo on the first task, a `ResultSelector` keeping `$.Payload.body`, then `OutputPath: "$.Payload"`',
    definition: definition({
      serialize: { Payload: PHOTO, ResultSelector: { 'body.$': '$.Payload.body' } },
      classify: { OutputPath: '$.Payload' },
      threshold: { OutputPath: '$.Payload' },
    }),
    bodyFormat: { serialize: 'object', classify: 'object', threshold: 'object' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.body, 'object', 'record'),
      threshold: theirThreshold(locate.body, 'object'),
    }),
  },
  {
    name: 'whole invoke result',
    style:
      'no paths at all: each Lambda gets the whole `lambda:invoke` result and reads `Payload.body`',
    definition: definition({ serialize: {}, classify: {}, threshold: {} }),
    bodyFormat: { serialize: 'object', classify: 'object', threshold: 'object' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.payloadBody, 'object', 'record'),
      threshold: theirThreshold(locate.payloadBody, 'object'),
    }),
  },
  {
    name: 'mixed paths',
    style:
      '`OutputPath: "$.Payload.body"` out of the first, nothing on the second, `InputPath: "$.Payload.body"` into the last',
    definition: definition({
      serialize: { OutputPath: '$.Payload.body' },
      classify: {},
      threshold: { InputPath: '$.Payload.body', OutputPath: '$.Payload' },
    }),
    bodyFormat: { serialize: 'object', classify: 'object', threshold: 'object' },
    neighbours: (steps) => ({
      serialize: theirSerialize(steps, locate.event, 'object'),
      classify: theirClassify(steps, locate.event, 'object', 'record'),
      threshold: theirThreshold(locate.event, 'object'),
    }),
  },
];

/**
 * A JSONata machine as the console writes one now: `Arguments` with `{% $states.input %}` and
 * `Output` with `{% $states.result.Payload %}`. The local interpreter implements JSONPath only.
 */
export const JSONATA_DEFINITION = {
  Comment: 'Scones Unlimited image classification (JSONata)',
  QueryLanguage: 'JSONata',
  StartAt: STATE_NAMES.serialize,
  States: Object.fromEntries(
    (['serialize', 'classify', 'threshold'] as const).map((step, index, all) => [
      STATE_NAMES[step],
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: {
          FunctionName: `${ARN}:${NAMES[step]}:$LATEST`,
          Payload: '{% $states.input %}',
        },
        Output: '{% $states.result.Payload %}',
        ...(index < all.length - 1 ? { Next: STATE_NAMES[all[index + 1]!] } : { End: true }),
      },
    ]),
  ),
};
