// The kernel's random bytes (getrandom, AT_RANDOM, /dev/urandom): a fixed-seed generator, so that
// every run of a program sees the same bytes (SCENARIOS.md section 7). SplitMix64.

const M64 = 0xffffffffffffffffn;

export class KernelRandom {
  private state: bigint;
  constructor(seed = 0x5eed_1e55_c0ffee00n) {
    this.state = seed & M64;
  }
  private next64(): bigint {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & M64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
    return z ^ (z >> 31n);
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 8) {
      let v = this.next64();
      for (let k = 0; k < 8 && i + k < n; k++) {
        out[i + k] = Number(v & 0xffn);
        v >>= 8n;
      }
    }
    return out;
  }
}
