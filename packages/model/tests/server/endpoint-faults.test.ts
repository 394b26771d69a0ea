// The model server's fault mode, through the real AWS SDK client: each injected fault reaches
// the client as a real SageMaker endpoint's would.
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import {
  ModelServer,
  drawEndpointFault,
  parseEndpointFaults,
  type EndpointFaults,
  type ImageModel,
} from '../../src/index.js';

// The faults are the server's; a fixed answer keeps these tests about them.
const model: ImageModel = { classify: async () => [0.25, 0.75] };

async function withServer(
  faults: EndpointFaults,
  test: (client: SageMakerRuntimeClient, server: ModelServer) => Promise<void>,
) {
  const server = await ModelServer.start({ model, faults });
  const client = new SageMakerRuntimeClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true },
  });
  try {
    await test(client, server);
  } finally {
    client.destroy();
    await server.close();
  }
}

const invoke = (client: SageMakerRuntimeClient) =>
  client.send(
    new InvokeEndpointCommand({
      EndpointName: 'scones-classifier',
      Body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      ContentType: 'image/png',
    }),
  );

describe('ModelServer with faults', () => {
  it.each([
    ['serverError', { serverError: 1 }, { $metadata: { httpStatusCode: 500 } }],
    [
      'throttle',
      { throttle: 1 },
      { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } },
    ],
    ['modelError', { modelError: 1 }, { name: 'ModelError', OriginalStatusCode: 400 }],
    ['slow', { slow: 1, slowMs: 1_000 }, { name: 'TimeoutError' }],
  ] as const)(
    'answers a %s fault as an endpoint would, and counts it',
    async (fault, faults, error) => {
      await withServer(faults, async (client, server) => {
        await expect(invoke(client)).rejects.toMatchObject(error);
        expect(server.faultsInjected[fault]).toBe(1);
      });
    },
  );

  it('answers normally outside the injected share', async () => {
    await withServer({ serverError: 0.5, random: () => 0.75 }, async (client, server) => {
      const answer = await invoke(client);
      expect(JSON.parse(Buffer.from(answer.Body).toString())).toEqual([0.25, 0.75]);
      expect(server.faultsInjected.serverError).toBe(0);
    });
  });
});

describe('drawEndpointFault', () => {
  it('gives each fault its share of the draws', () => {
    const faults = { serverError: 0.1, throttle: 0.2, modelError: 0.05, slow: 0.05 };
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const fault = drawEndpointFault({ ...faults, random: () => (i + 0.5) / 1000 }) ?? 'none';
      counts.set(fault, (counts.get(fault) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      serverError: 100,
      throttle: 200,
      modelError: 50,
      slow: 50,
      none: 600,
    });
  });
});

describe('parseEndpointFaults', () => {
  it('reads shares and the slow delay', () => {
    expect(parseEndpointFaults('500=0.1, 429=0.05,model-error=0.02,slow=0.02:3000')).toEqual({
      serverError: 0.1,
      throttle: 0.05,
      modelError: 0.02,
      slow: 0.02,
      slowMs: 3000,
    });
  });

  it.each([
    ['an unknown fault', '503=0.1', /not a fault/],
    ['a share over 1', '500=1.5', /not a fault/],
    ['a delay on a fault that is not slow', '500=0.1:100', /not a fault/],
    ['shares adding up past 1', '500=0.6,429=0.6', /add up to 1.2/],
  ])('refuses %s', (_case, spec, message) => {
    expect(() => parseEndpointFaults(spec)).toThrow(message);
  });
});
