import { isSconesError, type ImagePayload, type ObjectReader } from '@scones/contracts';
import { serializeImage } from '@scones/serialize';
import { applyThreshold } from '@scones/threshold';

// Your own storage: anything that returns an object's bytes (a 1x1 PNG here).
const photos = new Map([
  [
    'deliveries/4711.png',
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
      'base64',
    ),
  ],
]);
const readObject: ObjectReader = async ({ key }) => photos.get(key) ?? new Uint8Array(0);

const payload: ImagePayload = {
  s3_bucket: 'in-memory',
  s3_key: 'deliveries/4711.png',
  image_data: '',
};
const serialized = await serializeImage(payload, { readObject });
console.log(serialized.content_type, serialized.image_size); // image/png 69

// Your own classifier's probabilities, judged by the workflow's threshold rule.
const confident = applyThreshold({ ...serialized, inferences: [0.97, 0.03] }, { threshold: 0.93 });
console.log(confident.label, confident.meets_threshold); // bicycle true
try {
  applyThreshold({ ...serialized, inferences: [0.6, 0.4] }, { threshold: 0.93 });
} catch (error) {
  if (!isSconesError(error)) throw error;
  console.log(error.name, error.retryable); // ThresholdConfidenceNotMetError false
}
