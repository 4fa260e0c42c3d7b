// Function pointers and callbacks (tables of operations, qsort-style generic map/reduce, pointers to
// pointers to functions, returning function pointers), and computed goto (labels as values) driving
// a small bytecode loop.
// SPDX-License-Identifier: MIT
#include <stdio.h>

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int imax(int a, int b) { return a > b ? a : b; }
static const struct { const char *name; binop fn; } ops[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {"max", imax}};

static int reduce(const int *v, int n, binop f, int init) { for (int i = 0; i < n; i++) init = f(init, v[i]); return init; }
static void map(int *v, int n, int (*f)(int)) { for (int i = 0; i < n; i++) v[i] = f(v[i]); }
static int sq(int x) { return x * x; }
static int neg(int x) { return -x; }
static binop choose(char c) { return c == '+' ? add : c == '-' ? sub : c == '*' ? mul : NULL; }
typedef void (*visitor)(void *ctx, int value);
static void walk(const int *v, int n, visitor cb, void *ctx) { for (int i = 0; i < n; i++) cb(ctx, v[i]); }
static void count_even(void *ctx, int v) { if (v % 2 == 0) ++*(int *)ctx; }
static void sum_cb(void *ctx, int v) { *(long *)ctx += v; }

static long run_vm(const unsigned char *code) {
  static void *labels[] = {&&op_halt, &&op_push, &&op_add, &&op_mul, &&op_dup, &&op_dec, &&op_jnz, &&op_swap, &&op_drop, &&op_over};
  long stack[16]; int sp = 0; const unsigned char *pc = code;
#define NEXT goto *labels[*pc++]
  NEXT;
op_push: stack[sp++] = *pc++; NEXT;
op_add: sp--; stack[sp - 1] += stack[sp]; NEXT;
op_mul: sp--; stack[sp - 1] *= stack[sp]; NEXT;
op_dup: stack[sp] = stack[sp - 1]; sp++; NEXT;
op_dec: stack[sp - 1]--; NEXT;
op_swap: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } NEXT;
op_drop: sp--; NEXT;
op_over: stack[sp] = stack[sp - 2]; sp++; NEXT;
op_jnz: { signed char off = (signed char)*pc++; if (stack[sp - 1]) pc += off; } NEXT;
op_halt: return stack[sp - 1];
#undef NEXT
}

int main(void) {
  int v[] = {3, -1, 4, 1, -5, 9, 2, 6};
  for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) printf("%s: %d\n", ops[i].name, reduce(v, 8, ops[i].fn, i == 2 ? 1 : 0));
  map(v, 8, sq); printf("sq:"); for (int i = 0; i < 8; i++) printf(" %d", v[i]); printf("\n");
  map(v, 8, neg); printf("neg:"); for (int i = 0; i < 8; i++) printf(" %d", v[i]); printf("\n");
  const char *expr = "+-*?";
  for (const char *p = expr; *p; p++) { binop f = choose(*p); printf("%c -> %s %d\n", *p, f ? "fn" : "null", f ? f(7, 3) : 0); }
  binop table[2][2] = {{add, sub}, {mul, imax}};
  binop *row = table[1];
  binop (*pt)[2] = table;
  printf("table %d %d %d\n", row[0](6, 7), pt[0][1](6, 7), (*table[1][1])(6, 7));
  int evens = 0; long total = 0;
  walk(v, 8, count_even, &evens);
  walk(v, 8, sum_cb, &total);
  printf("evens %d total %ld\n", evens, total);
  /* stack machine programs: [acc n] loop { swap over OP swap dec jnz loop } drop halt */
  const unsigned char fact[] = {1, 1, 1, 10, 7, 9, 3, 7, 5, 6, (unsigned char)-7, 8, 0};
  const unsigned char sum[] = {1, 0, 1, 100, 7, 9, 2, 7, 5, 6, (unsigned char)-7, 8, 0};
  const unsigned char countdown[] = {1, 50, 5, 6, (unsigned char)-3, 1, 42, 2, 0};
  printf("vm fact(10) %ld sum(1..100) %ld countdown %ld\n", run_vm(fact), run_vm(sum), run_vm(countdown));
  return 0;
}
