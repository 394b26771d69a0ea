import * as contracts from '../../src/index.js';
import {
  ERROR_NAMES,
  EndpointThrottledError,
  InvalidEventError,
  RETRYABLE_ERROR_NAMES,
  SconesError,
  THRESHOLD_CONFIDENCE_NOT_MET,
  ThresholdConfidenceNotMetError,
  isRetryableErrorName,
  isSconesError,
} from '../../src/index.js';

describe('named errors', () => {
  it.each(ERROR_NAMES)('%s is exported as a class whose name is its own', (name) => {
    const ErrorClass = (contracts as unknown as Record<string, new (message: string) => Error>)[
      name
    ];
    const error = new ErrorClass('what happened');
    expect(error).toBeInstanceOf(SconesError);
    expect(error.name).toBe(name);
    expect(error.message).toBe('what happened');
    expect(String(error)).toBe(`${name}: what happened`);
  });

  it('marks exactly the throttled and unavailable endpoint and storage errors as retryable', () => {
    expect([...RETRYABLE_ERROR_NAMES].sort()).toEqual([
      'EndpointThrottledError',
      'EndpointUnavailableError',
      'StorageUnavailableError',
    ]);
    expect(new EndpointThrottledError('busy').retryable).toBe(true);
    expect(new InvalidEventError('bad').retryable).toBe(false);
    expect(isRetryableErrorName('EndpointUnavailableError')).toBe(true);
    expect(isRetryableErrorName('ImageNotFoundError')).toBe(false);
  });

  it('keeps the original wording for the threshold error', () => {
    expect(THRESHOLD_CONFIDENCE_NOT_MET).toBe('THRESHOLD_CONFIDENCE_NOT_MET');
    expect(new ThresholdConfidenceNotMetError('x').name).toBe('ThresholdConfidenceNotMetError');
  });

  it('tells named errors from others', () => {
    expect(isSconesError(new InvalidEventError('x'))).toBe(true);
    expect(isSconesError(new Error('x'))).toBe(false);
  });
});
