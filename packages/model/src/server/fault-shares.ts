/** Shares (0 to 1) of requests that get each fault; they add up to at most 1. */
export type FaultShares<Fault extends string> = Partial<Record<Fault, number>>;

/**
 * Which fault, if any, a request gets: one draw against the shares laid end to end.
 *
 * @example
 * drawFault({ throttle: 0.2 }); // 'throttle' one time in five, otherwise undefined
 */
export function drawFault<Fault extends string>(
  shares: FaultShares<Fault>,
  random: () => number = Math.random,
): Fault | undefined {
  let draw = random();
  for (const [fault, share] of Object.entries(shares) as [Fault, number | undefined][]) {
    if (draw < (share ?? 0)) return fault;
    draw -= share ?? 0;
  }
  return undefined;
}

/**
 * Reads `name=share` pairs separated by commas (`503=0.1,reset=0.05`), with `:ms` after the share
 * of a fault that delays (`slow=0.02:3000`), into shares keyed by `names`.
 *
 * @example
 * parseFaultShares('429=0.2,slow=0.1:1500', { '429': 'throttle', slow: 'slow' }, ['slow']);
 * // { shares: { throttle: 0.2, slow: 0.1 }, delayMs: 1500 }
 */
export function parseFaultShares<Fault extends string>(
  spec: string,
  names: Readonly<Record<string, Fault>>,
  delayed: readonly Fault[] = [],
): { shares: FaultShares<Fault>; delayMs?: number } {
  const shares: FaultShares<Fault> = {};
  let delayMs: number | undefined;
  let total = 0;
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([\w-]+)=([\d.]+)(?::(\d+))?$/.exec(part);
    const fault = match ? names[match[1]] : undefined;
    const share = Number(match?.[2]);
    if (!match || !fault || !(share >= 0 && share <= 1) || (match[3] && !delayed.includes(fault))) {
      const forms = Object.keys(names).map((name) =>
        delayed.includes(names[name]) ? `${name}=SHARE:MS` : `${name}=SHARE`,
      );
      throw new Error(
        `"${part}" is not a fault: write ${forms.join(', ')}, shares from 0 to 1, separated by commas.`,
      );
    }
    shares[fault] = share;
    if (match[3]) delayMs = Number(match[3]);
    total += share;
  }
  if (total > 1) throw new Error(`The fault shares add up to ${total}; at most 1.`);
  return { shares, ...(delayMs === undefined ? {} : { delayMs }) };
}
