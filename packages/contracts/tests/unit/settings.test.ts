import {
  DEFAULT_CLASS_LABELS,
  InvalidConfigurationError,
  byteSizeSetting,
  millisecondsSetting,
  parseClassLabels,
  probabilitySetting,
  requiredSetting,
} from '../../src/index.js';

describe('parseClassLabels', () => {
  it('defaults to bicycle and motorcycle, in class-index order', () => {
    expect(parseClassLabels(undefined)).toEqual(['bicycle', 'motorcycle']);
    expect(parseClassLabels('  ')).toBe(DEFAULT_CLASS_LABELS);
  });

  it('reads a comma-separated list and trims it', () => {
    expect(parseClassLabels(' bike , motorbike,scooter ')).toEqual([
      'bike',
      'motorbike',
      'scooter',
    ]);
  });

  it.each([['bicycle'], ['bicycle,,motorcycle'], ['bicycle,bicycle']])('rejects "%s"', (value) => {
    expect(() => parseClassLabels(value)).toThrow(InvalidConfigurationError);
  });
});

describe('settings', () => {
  it('requires a setting and says what it is for', () => {
    expect(requiredSetting({ ENDPOINT_NAME: 'ep' }, 'ENDPOINT_NAME', 'x')).toBe('ep');
    expect(() => requiredSetting({}, 'ENDPOINT_NAME', 'the SageMaker endpoint')).toThrow(
      'ENDPOINT_NAME is not set: set it to the SageMaker endpoint.',
    );
  });

  it('reads byte sizes and rejects nonsense', () => {
    expect(byteSizeSetting({}, 'MAX_IMAGE_BYTES', 10)).toBe(10);
    expect(byteSizeSetting({ MAX_IMAGE_BYTES: '2048' }, 'MAX_IMAGE_BYTES', 10)).toBe(2048);
    for (const bad of ['0', '-1', '1.5', 'six']) {
      expect(() => byteSizeSetting({ MAX_IMAGE_BYTES: bad }, 'MAX_IMAGE_BYTES', 10)).toThrow(
        InvalidConfigurationError,
      );
    }
  });

  it('reads probabilities and rejects values outside 0..1', () => {
    expect(probabilitySetting({ THRESHOLD: '0.5' }, 'THRESHOLD', 0.93)).toBe(0.5);
    expect(probabilitySetting({}, 'THRESHOLD', 0.93)).toBe(0.93);
    for (const bad of ['1.01', '-0.1', 'high', 'NaN']) {
      expect(() => probabilitySetting({ THRESHOLD: bad }, 'THRESHOLD', 0.93)).toThrow(
        /from 0 to 1/,
      );
    }
  });
});

describe('millisecondsSetting', () => {
  it('reads whole milliseconds and refuses anything else, naming the setting', () => {
    expect(millisecondsSetting({}, 'T_MS', 12_000)).toBe(12_000);
    expect(millisecondsSetting({ T_MS: '250' }, 'T_MS', 12_000)).toBe(250);
    expect(() => millisecondsSetting({ T_MS: '1.5' }, 'T_MS', 1)).toThrow(
      /T_MS must be a whole number of milliseconds/,
    );
  });
});
