/**
 * A uniform sample of at most `size` items from a stream of unknown length (Vitter's
 * algorithm R), with a seeded generator so the same stream gives the same sample.
 *
 * @example
 * const sample = new Reservoir<number>(2);
 * for (const n of [1, 2, 3, 4]) sample.add(n);
 * sample.items.length; // 2
 */
export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  private state: number;

  constructor(
    private readonly size: number,
    seed = 0x5c0e5,
  ) {
    this.state = seed >>> 0;
  }

  /** How many items were offered. */
  get offered(): number {
    return this.seen;
  }

  add(item: T): void {
    this.seen += 1;
    if (this.items.length < this.size) {
      this.items.push(item);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.items[slot] = item;
  }

  // mulberry32: small, fast, and good enough to pick sample slots.
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
}
