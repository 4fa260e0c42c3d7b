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
    this.pushAll(bytes);
  }

  /** Appends the bytes of an array (of any length: no spread into arguments). */
  pushAll(bytes: ArrayLike<number>): void {
    this.ensure(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.buf[this.length++] = bytes[i] & 0xff;
  }

  /** Appends `repeat` copies of a short pattern, doubling what is written (no per-byte loop). */
  fillPattern(pattern: ArrayLike<number>, repeat: number): void {
    const n = pattern.length * repeat;
    if (n === 0) return;
    this.ensure(n);
    const start = this.length;
    for (let i = 0; i < pattern.length; i++) this.buf[start + i] = pattern[i] & 0xff;
    let done = pattern.length;
    while (done < n) {
      const k = Math.min(done, n - done);
      this.buf.copyWithin(start + done, start, start + k);
      done += k;
    }
    this.length += n;
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
