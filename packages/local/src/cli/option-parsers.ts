import { isProbability } from '@scones/contracts';
import { InvalidArgumentError } from 'commander';

// Commander calls these as each flag is parsed and names the flag in the error it prints:
// `error: option '--threshold <n>' argument '2' is invalid. It must be a number from 0 to 1.`

/** A decimal number as a person writes it: not '', not 0x10, not 1e3. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

function decimal(raw: string, meaning: string): number {
  if (!DECIMAL.test(raw.trim())) throw new InvalidArgumentError(`It must be ${meaning}.`);
  return Number(raw);
}

/** A number in [min, max]. */
export function numberBetween(min: number, max: number) {
  const meaning = `a number from ${min} to ${max}`;
  return (raw: string): number => {
    const value = decimal(raw, meaning);
    if (value < min || value > max) throw new InvalidArgumentError(`It must be ${meaning}.`);
    return value;
  };
}

/** A probability, as every reader of probabilities checks one (a threshold, say). */
export function probability(raw: string): number {
  const value = decimal(raw, 'a number from 0 to 1');
  if (!isProbability(value)) throw new InvalidArgumentError('It must be a number from 0 to 1.');
  return value;
}

/** A whole number of at least `min`. */
export function wholeNumber(min: number, unit = '') {
  const meaning = `a whole number${unit ? ` of ${unit}` : ''} of at least ${min}`;
  return (raw: string): number => {
    const value = decimal(raw, meaning);
    if (!Number.isSafeInteger(value) || value < min)
      throw new InvalidArgumentError(`It must be ${meaning}.`);
    return value;
  };
}

/** A TCP port, 0 (any free one) to 65535. */
export function port(raw: string): number {
  const value = decimal(raw, 'a port number from 0 to 65535');
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new InvalidArgumentError('It must be a port number from 0 to 65535.');
  return value;
}

/** An ISO 8601 time, such as 2026-11-27T18:00:00Z. */
export function isoTime(raw: string): Date {
  const time = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(time.getTime()))
    throw new InvalidArgumentError('It must be an ISO time such as 2026-11-27T18:00:00Z.');
  return time;
}

/** Wraps a parser of this package (fault specs, class lists) so its message reaches commander. */
export function parsedBy<T>(parse: (raw: string) => T) {
  return (raw: string): T => {
    try {
      return parse(raw);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

/** An `s3://bucket/prefix` URI. */
export function s3Uri(raw: string): string {
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(raw))
    throw new InvalidArgumentError('It must be an s3://bucket/prefix URI.');
  return raw;
}
