// Plain-Python-style neighbours: the three Lambdas of the original system as its public
// deployments wrote them, emulated in a few lines each. Each reads its event where its own
// state machine puts the record and returns the original envelope; the classifier calls the
// real local endpoint over HTTP and the serializer reads the real local S3.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { LambdaHandler } from '@scones/executor';
import type { LocalSteps } from '../local-steps';

type Json = Record<string, unknown>;

/** Where a neighbour finds its record in the event its state machine gives it. */
export type Locate = (event: unknown) => Json;

/** How a neighbour writes `body`: an object, or `json.dumps(...)`. */
export type Body = 'object' | 'string';

/** `event` itself, `event['body']`, `json.loads(event)`, ... as the neighbour's code does. */
export const locate = {
  event: (event: unknown) => event as Json,
  body: (event: unknown) => (event as Json)['body'] as Json,
  bodyJson: (event: unknown) => JSON.parse((event as Json)['body'] as string) as Json,
  eventJson: (event: unknown) => JSON.parse(event as string) as Json,
  payloadBody: (event: unknown) => ((event as Json)['Payload'] as Json)['body'] as Json,
} satisfies Record<string, Locate>;

const write = (body: Json, format: Body) => ({
  statusCode: 200,
  body: format === 'string' ? JSON.stringify(body) : body,
});

/** The original serializer: `s3.download_file`, `base64.b64encode`, `inferences: []`. */
export function theirSerialize(steps: LocalSteps, find: Locate, format: Body): LambdaHandler {
  return async (event) => {
    const { s3_bucket: bucket, s3_key: key } = find(event) as { s3_bucket: string; s3_key: string };
    const object = await steps.s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    const bytes = await object.Body.transformToByteArray();
    return write(
      {
        image_data: Buffer.from(bytes).toString('base64'),
        s3_bucket: bucket,
        s3_key: key,
        inferences: [],
      },
      format,
    );
  };
}

/**
 * The original classifier: decodes `image_data`, posts it to the endpoint, and sets
 * `event["inferences"] = json.loads(answer)` on what it was given (`whole`: the whole event,
 * as the course template does, or only the record it found).
 */
export function theirClassify(
  steps: LocalSteps,
  find: Locate,
  format: Body,
  whole: 'event' | 'record',
): LambdaHandler {
  return async (event) => {
    const record = find(event);
    const answer = await fetch(
      `${steps.sagemaker.endpoint}/endpoints/scones-classifier/invocations`,
      {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: Buffer.from(String(record['image_data']), 'base64'),
      },
    );
    const inferences = JSON.parse(await answer.text()) as number[];
    const out = whole === 'event' ? { ...(event as Json), inferences } : { ...record, inferences };
    return write(out, format);
  };
}

/** The original filter: `max(inferences) >= THRESHOLD` or `raise Exception("THRESHOLD_CONFIDENCE_NOT_MET")`. */
export function theirThreshold(find: Locate, format: Body): LambdaHandler {
  return async (event) => {
    const record = find(event);
    const inferences = record['inferences'] as number[];
    if (Math.max(...inferences) < 0.93) {
      throw Object.assign(new Error('THRESHOLD_CONFIDENCE_NOT_MET'), { name: 'Exception' });
    }
    return write(event as Json, format);
  };
}
