// SDK call < Lambda < state: every wait inside a function, at its worst, ends before the
// function's timeout, and every function timeout before its state's. Computed from the
// constants the step packages and the AWS SDK export, against the synthesized functions.
import { MAXIMUM_RETRY_DELAY, Retry } from '@smithy/core/retry';
import { S3_READER_DEFAULTS, maxReadDurationMs } from '@scones/s3-reader';
import { DEFAULT_TASK_TIMEOUTS, buildImageClassificationDefinition } from '@scones/workflow';
import * as classify from '@scones/classify/lambda';
import { resources, workflowApp } from './stack';
import { workflowDefinitionOptions } from '../src/index.js';

type Step = 'serialize' | 'classify' | 'threshold';

function functionTimeoutsMs(): Record<Step, number> {
  const functions = Object.values(resources(workflowApp().template(), 'AWS::Lambda::Function'));
  const timeoutOf = (setting: string) => {
    const fn = functions.find((f) =>
      Object.keys(
        (f.Properties['Environment'] as { Variables: Record<string, string> }).Variables,
      ).includes(setting),
    );
    return Number(fn?.Properties['Timeout']) * 1000;
  };
  return {
    serialize: timeoutOf('INLINE_IMAGE_MAX_BYTES'),
    classify: timeoutOf('ENDPOINT_NAME'),
    threshold: timeoutOf('THRESHOLD'),
  };
}

// The AWS SDK waits before retry n (from 1) at most min(20 s, base * 2^n); throttling has the
// larger base.
function sdkBackoffCeilingMs(attempts: number): number {
  let total = 0;
  for (let retry = 1; retry < attempts; retry += 1) {
    total += Math.min(MAXIMUM_RETRY_DELAY, Retry.throttlingDelay() * 2 ** retry);
  }
  return total;
}

describe('the timeout chain', () => {
  it('ends every S3 read and endpoint call, with their retries, before the function times out', () => {
    const functions = functionTimeoutsMs();
    const read = maxReadDurationMs(S3_READER_DEFAULTS);
    const endpointCall =
      classify.ENDPOINT_MAX_ATTEMPTS *
        (classify.ENDPOINT_CONNECT_TIMEOUT_MS + classify.DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS) +
      sdkBackoffCeilingMs(classify.ENDPOINT_MAX_ATTEMPTS);
    expect(read).toBeLessThan(functions.serialize);
    // Classify reads a large image from S3 first, then calls the endpoint.
    expect(read + endpointCall).toBeLessThan(functions.classify);
  });

  it('ends every function before its state times out', () => {
    const functions = functionTimeoutsMs();
    const definition = buildImageClassificationDefinition(workflowDefinitionOptions('fail'));
    const stateTimeout = (step: Step) =>
      Object.values(definition.States).find(
        (state) =>
          state.Type === 'Task' &&
          JSON.stringify(state).includes(workflowDefinitionOptions('fail').functions[step]),
      );
    for (const step of ['serialize', 'classify', 'threshold'] as const) {
      const state = stateTimeout(step) as { TimeoutSeconds?: number } | undefined;
      expect(state?.TimeoutSeconds).toBe(DEFAULT_TASK_TIMEOUTS[step]);
      expect(functions[step]).toBeLessThan(DEFAULT_TASK_TIMEOUTS[step] * 1000);
    }
  });
});
