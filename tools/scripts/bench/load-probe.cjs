// Prints how long requiring a module takes, in milliseconds, measured inside a fresh process.
const started = process.hrtime.bigint();
require(process.argv[2]);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
