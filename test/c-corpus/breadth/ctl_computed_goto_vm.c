/* A bytecode virtual machine dispatched with computed goto (labels as values), the way interpreters are
   written: a stack machine running loops, calls and a Fibonacci program; switch dispatch cross-check.
   SPDX-License-Identifier: MIT */
#include <stdio.h>

enum { PUSH, ADD, SUB, MUL, LT, JZ, JMP, DUP, SWAP, OVER, DROP, PRINT, CALL, RET, HALT, LOAD, STORE };
static long run_goto(const long *code) {
  static void *tbl[] = {&&push, &&add, &&sub, &&mul, &&lt, &&jz, &&jmp, &&dup, &&swap, &&over, &&drop, &&print, &&call, &&ret, &&halt, &&load, &&store};
  long st[256], rs[64], vars[8] = {0}; int sp = 0, rp = 0; const long *ip = code; long steps = 0;
#define NEXT do { steps++; goto *tbl[*ip++]; } while (0)
  NEXT;
push: st[sp++] = *ip++; NEXT;
add: sp--; st[sp - 1] += st[sp]; NEXT;
sub: sp--; st[sp - 1] -= st[sp]; NEXT;
mul: sp--; st[sp - 1] *= st[sp]; NEXT;
lt: sp--; st[sp - 1] = st[sp - 1] < st[sp]; NEXT;
jz: if (st[--sp] == 0) ip = code + *ip; else ip++; NEXT;
jmp: ip = code + *ip; NEXT;
dup: st[sp] = st[sp - 1]; sp++; NEXT;
swap: { long t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; } NEXT;
over: st[sp] = st[sp - 2]; sp++; NEXT;
drop: sp--; NEXT;
print: printf("%ld ", st[--sp]); NEXT;
call: rs[rp++] = ip - code + 1; ip = code + *ip; NEXT;
ret: ip = code + rs[--rp]; NEXT;
load: st[sp++] = vars[*ip++]; NEXT;
store: vars[*ip++] = st[--sp]; NEXT;
halt: printf("\n"); return steps;
}
static long run_switch(const long *code) {
  long st[256], rs[64], vars[8] = {0}; int sp = 0, rp = 0; const long *ip = code; long steps = 0;
  for (;;) {
    steps++;
    switch (*ip++) {
    case PUSH: st[sp++] = *ip++; break;
    case ADD: sp--; st[sp - 1] += st[sp]; break;
    case SUB: sp--; st[sp - 1] -= st[sp]; break;
    case MUL: sp--; st[sp - 1] *= st[sp]; break;
    case LT: sp--; st[sp - 1] = st[sp - 1] < st[sp]; break;
    case JZ: if (st[--sp] == 0) ip = code + *ip; else ip++; break;
    case JMP: ip = code + *ip; break;
    case DUP: st[sp] = st[sp - 1]; sp++; break;
    case SWAP: { long t = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = t; } break;
    case OVER: st[sp] = st[sp - 2]; sp++; break;
    case DROP: sp--; break;
    case PRINT: printf("%ld ", st[--sp]); break;
    case CALL: rs[rp++] = ip - code + 1; ip = code + *ip; break;
    case RET: ip = code + rs[--rp]; break;
    case LOAD: st[sp++] = vars[*ip++]; break;
    case STORE: vars[*ip++] = st[--sp]; break;
    case HALT: printf("\n"); return steps;
    }
  }
}

static long code[256]; static int pc;
static void emit(long v) { code[pc++] = v; }
static int here(void) { return pc; }

int main(void) {
  /* vars: 0 = i, 1 = a, 2 = b, 3 = scratch. for (i = 0; i < 31; i++) { print a; (a, b) = (b, a + b); } */
  emit(PUSH); emit(0); emit(STORE); emit(0);
  emit(PUSH); emit(0); emit(STORE); emit(1);
  emit(PUSH); emit(1); emit(STORE); emit(2);
  int top = here();
  emit(LOAD); emit(0); emit(PUSH); emit(31); emit(LT); emit(JZ); int exit_fix = here(); emit(0);
  emit(LOAD); emit(1); emit(PRINT);
  emit(LOAD); emit(1); emit(LOAD); emit(2); emit(ADD); emit(LOAD); emit(2); emit(STORE); emit(1); emit(STORE); emit(2);
  emit(LOAD); emit(0); emit(PUSH); emit(1); emit(ADD); emit(STORE); emit(0); emit(JMP); emit(top);
  code[exit_fix] = here();
  /* factorial(15) by a subroutine: n on the stack -> n! on the stack */
  emit(PUSH); emit(15); emit(CALL); int call_fix = here(); emit(0); emit(PRINT);
  emit(PUSH); emit(20); emit(CALL); int call_fix2 = here(); emit(0); emit(PRINT); emit(HALT);
  int fact = here(); code[call_fix] = fact; code[call_fix2] = fact;
  emit(STORE); emit(3); emit(PUSH); emit(1);            /* acc = 1 */
  int loop = here();
  emit(LOAD); emit(3); emit(JZ); int done_fix = here(); emit(0);
  emit(LOAD); emit(3); emit(MUL);                       /* acc *= n */
  emit(LOAD); emit(3); emit(PUSH); emit(1); emit(SUB); emit(STORE); emit(3);
  emit(JMP); emit(loop);
  code[done_fix] = here(); emit(RET);
  long a = run_goto(code), b = run_switch(code);
  printf("steps goto=%ld switch=%ld same=%d\n", a, b, a == b);
  /* unused opcodes exercised once */
  pc = 0; emit(PUSH); emit(2); emit(PUSH); emit(9); emit(OVER); emit(SWAP); emit(DUP); emit(PRINT); emit(PRINT); emit(DROP); emit(PRINT); emit(HALT);
  printf("small: %ld\n", run_goto(code));
  return 0;
}
