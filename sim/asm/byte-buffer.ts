// A growable byte array for section contents: `.space 0x2000000` must not build a 32M-element JS array.
export class ByteBuffer {
  private buf = new Uint8Array(256);
  length = 0;

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  push(...bytes: number[]): void {
    this.ensure(bytes.length);
    for (const b of bytes) this.buf[this.length++] = b & 0xff;
  }

  /** Appends `count` copies of one byte. */
  fill(count: number, value = 0): void {
    this.ensure(count);
    this.buf.fill(value & 0xff, this.length, this.length + count);
    this.length += count;
  }

  set(off: number, value: number): void {
    this.buf[off] = value & 0xff;
  }

  get(off: number): number {
    return this.buf[off];
  }

  /** The contents (a view; copy it to keep it). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
