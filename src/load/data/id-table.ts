// The person ids of a staff file, each with its row's index: an open-addressing hash table over the
// ids' characters. A Map of a million fresh strings costs twice as much to fill and three times as
// much to probe (bench/.work figures: 360 vs 180 ms to fill, 350 vs 120 ms to probe 1M ids), and
// both are on the path of every `plan attainment` over a large staff file.

export class IdTable {
  private readonly keys: string[] = [];
  private slots = new Int32Array(1024).fill(-1);
  private mask = 1023;

  /** FNV-1a over the UTF-16 code units. */
  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The index `id` was added at, or undefined. */
  get(id: string): number | undefined {
    for (let i = IdTable.hash(id) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[i]!;
      if (k < 0) return undefined;
      if (this.keys[k] === id) return k;
    }
  }

  /** Adds `id` (not present: the caller has looked) at the next index, and returns it. */
  add(id: string): number {
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    this.place(id, this.keys.length);
    this.keys.push(id);
    return this.keys.length - 1;
  }

  private place(id: string, k: number): void {
    let i = IdTable.hash(id) & this.mask;
    while (this.slots[i]! >= 0) i = (i + 1) & this.mask;
    this.slots[i] = k;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    this.keys.forEach((id, k) => this.place(id, k));
  }
}
