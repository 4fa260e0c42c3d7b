// Unions (type punning float<->int, overlapping members), bit-fields (signed/unsigned, widths
// crossing bytes, packing, overflow on store), packed structs, offsetof and alignment.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

union pun { float f; uint32_t u; unsigned char b[4]; };
union dpun { double d; uint64_t u; int32_t half[2]; };
struct flags { unsigned a : 1; unsigned b : 3; signed c : 4; unsigned d : 12; unsigned e : 20; int f : 5; };
struct __attribute__((packed)) packed { char c; int i; short s; double d; };
struct padded { char c; int i; short s; double d; };
struct tagged { enum { T_INT, T_DBL, T_STR } kind; union { int i; double d; const char *s; } as; };

static void show(struct tagged t) {
  switch (t.kind) {
    case T_INT: printf("int %d\n", t.as.i); break;
    case T_DBL: printf("dbl %g\n", t.as.d); break;
    case T_STR: printf("str %s\n", t.as.s); break;
  }
}

int main(void) {
  union pun p; p.f = 1.0f;
  printf("1.0f = %08x bytes %02x %02x %02x %02x\n", p.u, p.b[0], p.b[1], p.b[2], p.b[3]);
  p.u = 0x40490fdb;
  printf("0x40490fdb = %.9g\n", (double)p.f);
  union dpun d; d.d = -2.5;
  printf("-2.5 = %016llx halves %08x %08x\n", (unsigned long long)d.u, (uint32_t)d.half[0], (uint32_t)d.half[1]);
  struct flags fl;
  memset(&fl, 0, sizeof fl);
  fl.a = 1; fl.b = 9; fl.c = -3; fl.d = 4095; fl.e = 0xABCDE; fl.f = 17;
  printf("bitfields a=%u b=%u c=%d d=%u e=%x f=%d size %zu\n", fl.a, fl.b, fl.c, fl.d, fl.e, fl.f, sizeof fl);
  fl.c = 7; fl.c++;
  fl.d += 2;
  printf("after overflow c=%d d=%u\n", fl.c, fl.d);
  unsigned char raw[sizeof fl];
  memcpy(raw, &fl, sizeof fl);
  printf("raw");
  for (size_t i = 0; i < sizeof fl; i++) printf(" %02x", raw[i]);
  printf("\n");
  printf("packed size %zu offsets %zu %zu %zu; padded size %zu offsets %zu %zu %zu align %zu\n", sizeof(struct packed), offsetof(struct packed, i), offsetof(struct packed, s),
         offsetof(struct packed, d), sizeof(struct padded), offsetof(struct padded, i), offsetof(struct padded, s), offsetof(struct padded, d), _Alignof(struct padded));
  struct packed pk = {'x', 0x12345678, -2, 6.25};
  pk.i += 1; pk.d *= 2;
  printf("packed access %c %x %d %g\n", pk.c, pk.i, pk.s, pk.d);
  struct tagged ts[] = {{T_INT, {.i = 42}}, {T_DBL, {.d = 0.125}}, {T_STR, {.s = "union"}}};
  for (int i = 0; i < 3; i++) show(ts[i]);
  printf("sizeof tagged %zu, union %zu\n", sizeof(struct tagged), sizeof ts[0].as);
  return 0;
}
