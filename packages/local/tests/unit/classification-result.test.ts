import { toClassificationResult } from '../../src/classify/execution-outcome.js';
import { resultsTable } from '../../src/cli/results-table.js';

const lambdaCause = (errorType: string, errorMessage: string) =>
  JSON.stringify({ errorType, errorMessage });

describe('toClassificationResult', () => {
  it('reads a passed image from the output', () => {
    const result = toClassificationResult('a.png', {
      status: 'SUCCEEDED',
      output: { label: 'bicycle', confidence: 0.97, inferences: [0.97, 0.03], status: 'passed' },
    });
    expect(result).toEqual({
      file: 'a.png',
      status: 'passed',
      label: 'bicycle',
      confidence: 0.97,
      inferences: [0.97, 0.03],
      error: null,
    });
  });

  it('reads a low-confidence image from the payload that reached the Fail state', () => {
    const result = toClassificationResult('b.png', {
      status: 'FAILED',
      error: 'ThresholdConfidenceNotMetError',
      cause: lambdaCause(
        'ThresholdConfidenceNotMetError',
        'THRESHOLD_CONFIDENCE_NOT_MET: confidence 0.6 ...',
      ),
      failedStateInput: { label: 'motorcycle', confidence: 0.6, inferences: [0.4, 0.6] },
    });
    expect(result).toEqual({
      file: 'b.png',
      status: 'below_threshold',
      label: 'motorcycle',
      confidence: 0.6,
      inferences: [0.4, 0.6],
      error: {
        name: 'ThresholdConfidenceNotMetError',
        message: 'THRESHOLD_CONFIDENCE_NOT_MET: confidence 0.6 ...',
      },
    });
  });

  it('reports other failures with the step’s error and message, and no classification', () => {
    const result = toClassificationResult('c.png', {
      status: 'FAILED',
      error: 'ImageNotFoundError',
      cause: lambdaCause('ImageNotFoundError', 's3://b/c.png not found'),
      failedStateInput: { s3_key: 'c.png', inferences: [] },
    });
    expect(result).toEqual({
      file: 'c.png',
      status: 'failed',
      label: null,
      confidence: null,
      inferences: null,
      error: { name: 'ImageNotFoundError', message: 's3://b/c.png not found' },
    });
  });

  it('keeps a cause that is not Lambda’s JSON as the message', () => {
    const result = toClassificationResult('d.png', {
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: 'took too long',
    });
    expect(result.error).toEqual({ name: 'States.Timeout', message: 'took too long' });
  });
});

describe('resultsTable', () => {
  it('lines up file, label, confidence and outcome, then counts outcomes and lists failures', () => {
    const table = resultsTable([
      {
        file: 'bike.png',
        status: 'passed',
        label: 'bicycle',
        confidence: 0.9712,
        inferences: [0.9712, 0.0288],
        error: null,
      },
      {
        file: 'moto.jpg',
        status: 'below_threshold',
        label: 'motorcycle',
        confidence: 0.6,
        inferences: [0.4, 0.6],
        error: { name: 'ThresholdConfidenceNotMetError', message: 'm' },
      },
      {
        file: 'note.png',
        status: 'failed',
        label: null,
        confidence: null,
        inferences: null,
        error: { name: 'UnsupportedImageError', message: 'Not a PNG or JPEG image' },
      },
    ]);
    expect(table.split('\n')).toEqual([
      'file      label       confidence  outcome',
      '--------  ----------  ----------  -----------------------------',
      'bike.png  bicycle         0.9712  passed',
      'moto.jpg  motorcycle      0.6000  below threshold',
      'note.png  -                    -  failed: UnsupportedImageError',
      '',
      '3 images: 1 passed, 1 below threshold, 1 failed',
      '',
      'Failures:',
      '  note.png: UnsupportedImageError: Not a PNG or JPEG image',
    ]);
  });
});
