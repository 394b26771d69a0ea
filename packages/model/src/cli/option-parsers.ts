import { InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseEndpointFaults } from '../server/endpoint-faults.js';

/** A TCP port, 0 (any free one) to 65535. */
export function port(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535)
    throw new InvalidArgumentError('It must be a port number from 0 to 65535.');
  return value;
}

/** A whole number from 1 to `max`. */
export function positiveInteger(max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max)
      throw new InvalidArgumentError(`It must be a whole number from 1 to ${max}.`);
    return value;
  };
}

/** A share in percent, 0 to 100. */
export function percent(raw: string): number {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value > 100)
    throw new InvalidArgumentError('It must be a number from 0 to 100.');
  return value;
}

/** A folder holding model.onnx and metadata.json. */
export function modelDir(raw: string): string {
  for (const file of ['model.onnx', 'metadata.json'])
    if (!existsSync(path.join(raw, file)))
      throw new InvalidArgumentError(`There is no ${file} in ${raw}.`);
  return raw;
}

/** A fault spec such as 500=0.1,slow=0.02:3000. */
export function faults(raw: string) {
  try {
    return parseEndpointFaults(raw);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** An s3://bucket/prefix URI. */
export function s3Uri(raw: string): string {
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(raw))
    throw new InvalidArgumentError('It must be an s3://bucket/prefix URI.');
  return raw;
}
