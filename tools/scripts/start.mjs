// `npm start`: the main job on the embedded local default. Until the local stack lands
// (packages/local), this says what it will run and what already works.
console.log(`Scones image-classification workflow

npm start will run the whole workflow on this machine: sample delivery photos go through
the real state machine (serialize -> classify -> threshold) against a local S3, a local
SageMaker-compatible endpoint and a local Step Functions interpreter.

The local stack is not built yet. What works today:
  npm test                      every package's tests, including the step Lambdas against a
                                real S3-compatible server and a SageMaker runtime server
  npx nx run-many -t build bundle   the libraries and each step's Lambda bundle
`);
