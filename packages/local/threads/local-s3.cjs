// The local S3 on a thread of its own, so that serving objects does not queue behind the
// interpreter, the step handlers and the endpoint on the stack's event loop. Plain CommonJS over
// the built package, so the same file serves the package and its tests
// (src/stack/s3/local-s3-thread.ts starts it).
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { localS3Server } = require('../dist/stack/s3/local-s3-server.js');

const server = localS3Server(workerData);
server.run().then(
  ({ port }) => parentPort.postMessage({ type: 'listening', port }),
  (error) => parentPort.postMessage({ type: 'failed', code: error.code, message: error.message }),
);
parentPort.on('message', async (message) => {
  if (message.type !== 'close') return;
  await server.close();
  parentPort.close();
});
