// The committed model's accuracy on its held-out validation split. Needs the training data,
// which is not part of the repository: without it the test is skipped, saying why.
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  ImageClassifier,
  evaluate,
  readModelMetadata,
  DEFAULT_MODEL_DIR,
} from '../../src/index.js';

const DATA_DIR = path.resolve(
  process.env['SCONES_DATA'] ?? path.join(__dirname, '../../../../../shared/data/cifar100-bikes'),
);
const present = existsSync(path.join(DATA_DIR, 'train.lst'));
if (!present) {
  console.warn(
    `Skipping the accuracy test: no training data at ${DATA_DIR} (set SCONES_DATA to a folder with train/ and train.lst).`,
  );
}

(present ? describe : describe.skip)('the committed model on its held-out split', () => {
  it('reaches at least 0.85 accuracy, as recorded in its metadata', async () => {
    const classifier = await ImageClassifier.load();
    try {
      const result = await evaluate(classifier, { dataDir: DATA_DIR });
      const metadata = await readModelMetadata(DEFAULT_MODEL_DIR);
      console.log(
        `validation accuracy ${result.accuracy.toFixed(4)} (${result.correct}/${result.total}); confusion ${JSON.stringify(result.confusion)}`,
      );
      expect(result.total).toBe(metadata.training['validation_images']);
      expect(result.accuracy).toBeGreaterThanOrEqual(0.85);
      expect(result.accuracy).toBeCloseTo(metadata.training.validation_accuracy, 2);
    } finally {
      await classifier.close();
    }
  }, 120_000);
});
