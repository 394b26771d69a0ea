// Drop-in, one Lambda at a time: state machines written in the wiring styles of the original
// system's public deployments (wirings.ts), run in the real ASL interpreter with our three
// adapters (real s3rver, a real HTTP endpoint), with their own three plain-Python-style
// Lambdas, and with ours replacing each of theirs in turn.
import { readInferencePayload } from '@scones/contracts';
import path from 'node:path';
import { LocalExecutor, type ExecutionResult, type LambdaHandler } from '@scones/executor';
import {
  generatedTable,
  markdownTable,
  tableCell,
} from '../../../../../tools/testing/generated-table';
import { makePng } from '../../../../../tools/testing/images';
import { probabilities } from '../../../../../tools/testing/sagemaker-runtime-server';
import { BUCKET, startLocalSteps, type LocalSteps } from '../local-steps';
import {
  FUNCTION_NAMES,
  JSONATA_DEFINITION,
  PHOTO,
  WIRINGS,
  type Step,
  type Wiring,
} from './wirings';

let steps: LocalSteps;

beforeAll(async () => {
  steps = await startLocalSteps();
  await steps.s3.put(BUCKET, PHOTO.s3_key, await makePng());
});

afterAll(() => steps.stop());

const STEPS: Step[] = ['serialize', 'classify', 'threshold'];
const input = { ...PHOTO, image_data: '' };

/** Whose Lambda runs each step: ours (`true`) or the wiring's own neighbour. */
type Cast = Record<Step, boolean>;
const ALL_OURS: Cast = { serialize: true, classify: true, threshold: true };
const CASTS: [string, Cast][] = [
  ['their three Lambdas', { serialize: false, classify: false, threshold: false }],
  ['our three Lambdas', ALL_OURS],
  ['our serialize between theirs', { serialize: true, classify: false, threshold: false }],
  ['our classify between theirs', { serialize: false, classify: true, threshold: false }],
  ['our threshold after theirs', { serialize: false, classify: false, threshold: true }],
];

function lambdasFor(wiring: Wiring, cast: Cast): Record<string, LambdaHandler> {
  const theirs = wiring.neighbours(steps);
  return Object.fromEntries(
    STEPS.map((step) => [
      FUNCTION_NAMES[step],
      cast[step] ? steps.ours({ BODY_FORMAT: wiring.bodyFormat[step] })[step] : theirs[step],
    ]),
  );
}

function run(wiring: Wiring, cast: Cast): Promise<ExecutionResult> {
  return new LocalExecutor(wiring.definition, { lambdas: lambdasFor(wiring, cast) }).execute(input);
}

describe.each(WIRINGS.map((wiring) => [wiring.name, wiring] as const))(
  'the %s wiring',
  (_name, wiring) => {
    it.each(CASTS)('classifies a confident photo with %s', async (_cast, cast) => {
      steps.sagemaker.answer(probabilities(0.96, 0.04));
      const result = await run(wiring, cast);
      if (result.status !== 'SUCCEEDED')
        throw new Error(`${result.status}: ${JSON.stringify(result)}`);
      // Whatever shape the last Lambda left, our tolerant reader finds the record in it.
      const record = readInferencePayload(result.output);
      expect(record.inferences).toEqual([0.96, 0.04]);
      expect(record.s3_key).toBe(PHOTO.s3_key);
    });

    it('fails a low-confidence photo with THRESHOLD_CONFIDENCE_NOT_MET, our threshold after theirs', async () => {
      steps.sagemaker.answer(probabilities(0.55, 0.45));
      const result = await run(wiring, { serialize: false, classify: false, threshold: true });
      expect(result).toMatchObject({ status: 'FAILED', error: 'ThresholdConfidenceNotMetError' });
      // Lambda reports {errorType, errorMessage}: the message starts with the original wording,
      // and the error is not a Lambda.* name that the machines' Retry would repeat.
      const cause = result.status === 'FAILED' ? JSON.parse(result.cause ?? '{}') : {};
      expect(cause.errorMessage).toMatch(/^THRESHOLD_CONFIDENCE_NOT_MET/);
      expect(result.status === 'FAILED' && result.error).not.toMatch(/^Lambda\./);
    });
  },
);

// A JSONata machine cannot run here (aws-local-stepfunctions implements JSONPath only): it is
// refused with a named error rather than run with its Arguments and Output ignored.
it('refuses a JSONata machine by name instead of running it as something else', () => {
  expect(
    () =>
      new LocalExecutor(JSONATA_DEFINITION, {
        lambdas: lambdasFor(WIRINGS[0] as Wiring, ALL_OURS),
      }),
  ).toThrow(
    expect.objectContaining({
      name: 'UnsupportedDefinitionError',
      message: expect.stringContaining('JSONata'),
    }),
  );
});

it('covers at least eight wiring styles', () => {
  expect(WIRINGS.length).toBeGreaterThanOrEqual(8);
});

// The root README's compatibility table is these wirings; UPDATE_WIRINGS=1 rewrites it.
it("lists every wiring in the README's table, with the BODY_FORMAT of each position", () => {
  const table = markdownTable(
    [
      'wiring',
      'what the machine does',
      '`BODY_FORMAT` of serialize',
      'of classify',
      'of threshold',
    ],
    WIRINGS.map((w) => [
      w.name,
      tableCell(w.style),
      ...STEPS.map((step) => `\`${w.bodyFormat[step]}\``),
    ]),
  );
  const { written, generated } = generatedTable(
    path.join(__dirname, '../../../../../README.md'),
    'wirings',
    table,
    'UPDATE_WIRINGS',
  );
  expect(written).toEqual(generated);
});
