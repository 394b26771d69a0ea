import { InvalidEventError, ThresholdConfidenceNotMetError } from '@scones/contracts';
import { applyThreshold } from '../../src/index.js';

const payload = { s3_bucket: 'scones-images', s3_key: 'test/bicycle.png', image_data: 'iVBO' };

describe('applyThreshold', () => {
  it('passes a confident inference on and says why', () => {
    const body = applyThreshold({ ...payload, inferences: [0.95, 0.05] }, { threshold: 0.93 });
    expect(body).toEqual({
      ...payload,
      inferences: [0.95, 0.05],
      label: 'bicycle',
      confidence: 0.95,
      threshold: 0.93,
      meets_threshold: true,
    });
  });

  it('passes a confidence exactly equal to the threshold, as the original did', () => {
    expect(
      applyThreshold({ ...payload, inferences: [0.07, 0.93] }, { threshold: 0.93 }).meets_threshold,
    ).toBe(true);
  });

  it('rejects a confidence just below the threshold, naming both numbers and the label', () => {
    const attempt = () =>
      applyThreshold({ ...payload, inferences: [0.9299, 0.0701] }, { threshold: 0.93 });
    expect(attempt).toThrow(ThresholdConfidenceNotMetError);
    expect(attempt).toThrow(
      /^THRESHOLD_CONFIDENCE_NOT_MET: confidence 0.9299 for "bicycle" is below the threshold 0.93 \(s3:\/\/scones-images\/test\/bicycle.png\)\.$/,
    );
  });

  it('defaults to the original 0.93', () => {
    expect(() => applyThreshold({ ...payload, inferences: [0.92, 0.08] })).toThrow(
      ThresholdConfidenceNotMetError,
    );
    expect(applyThreshold({ ...payload, inferences: [0.94, 0.06] }).threshold).toBe(0.93);
  });

  it('lets the payload’s own threshold win over the function’s', () => {
    const body = applyThreshold(
      { ...payload, inferences: [0.6, 0.4], threshold: 0.5 },
      { threshold: 0.93 },
    );
    expect(body.threshold).toBe(0.5);
  });

  it('keeps the label classify chose and every other key', () => {
    const body = applyThreshold(
      { ...payload, inferences: [0.1, 0.9], label: 'motorbike', delivery_id: 'd-1' },
      { threshold: 0.5 },
    );
    expect(body).toMatchObject({ label: 'motorbike', delivery_id: 'd-1' });
  });

  it('names the class by index when the labels do not cover it', () => {
    expect(() =>
      applyThreshold({ ...payload, inferences: [0.2, 0.2, 0.6] }, { labels: ['a', 'b'] }),
    ).toThrow('confidence 0.6 for class 2');
  });

  it('asks for classify first when there are no inferences', () => {
    expect(() => applyThreshold(payload)).toThrow(InvalidEventError);
    expect(() => applyThreshold({ ...payload, inferences: [] })).toThrow(/Run the classify step/);
  });
});
