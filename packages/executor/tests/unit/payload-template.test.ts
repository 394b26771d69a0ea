// Payload templates as a Map state resolves them: ItemSelector and ItemReader Parameters
// (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemselector.html).
import { resolveTemplate } from '../../src/index.js';

const input = { s3_bucket: 'scones-images', options: { threshold: 0.9 } };
const item = { Index: 7, Value: { Key: 'incoming/a.png', Size: 69 } };

describe('resolveTemplate', () => {
  it('takes `.$` keys from the state input and from the item, and copies the rest', () => {
    expect(
      resolveTemplate(
        {
          's3_bucket.$': '$.s3_bucket',
          's3_key.$': '$$.Map.Item.Value.Key',
          'index.$': '$$.Map.Item.Index',
          image_data: '',
        },
        { input, item },
      ),
    ).toEqual({ s3_bucket: 'scones-images', s3_key: 'incoming/a.png', index: 7, image_data: '' });
  });

  it('resolves nested templates and paths into nested fields, and `$` as the whole input', () => {
    expect(
      resolveTemplate(
        {
          settings: { 'threshold.$': '$.options.threshold' },
          'all.$': '$',
          'item.$': '$$.Map.Item.Value',
        },
        { input, item },
      ),
    ).toEqual({ settings: { threshold: 0.9 }, all: input, item: item.Value });
  });

  it.each([
    ['a field the input lacks', { 'x.$': '$.s3_prefix' }, /matches nothing/],
    [
      'the item outside an ItemSelector',
      { 'x.$': '$$.Map.Item.Value' },
      /only defined in an ItemSelector/,
    ],
    ['a path it does not understand', { 'x.$': 'States.Format($.a)' }, /not a path/],
  ])('refuses %s with a message naming the path', (_case, template, message) => {
    expect(() => resolveTemplate(template, { input })).toThrow(message);
  });
});
