// A Brainfuck interpreter with precomputed bracket jumps running embedded programs: hello world,
// the digits, a multiplication loop, and rot13 reading its input from a fixed string.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>

static unsigned char tape[30000];
static int jump[4096];
static const char *input; static size_t in_pos;

static long run(const char *prog) {
  size_t n = strlen(prog); int stack[256], sp = 0;
  for (size_t i = 0; i < n; i++) { if (prog[i] == '[') stack[sp++] = (int)i; else if (prog[i] == ']') { int j = stack[--sp]; jump[i] = j; jump[j] = (int)i; } }
  memset(tape, 0, sizeof tape);
  unsigned char *c = tape; long steps = 0;
  for (size_t pc = 0; pc < n; pc++, steps++) {
    switch (prog[pc]) {
      case '>': c++; break; case '<': c--; break; case '+': (*c)++; break; case '-': (*c)--; break;
      case '.': putchar(*c); break;
      case ',': *c = input[in_pos] ? (unsigned char)input[in_pos++] : 255; break; /* EOF is -1 */
      case '[': if (!*c) pc = (size_t)jump[pc]; break;
      case ']': if (*c) pc = (size_t)jump[pc]; break;
    }
  }
  return steps;
}

int main(void) {
  const char *hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.";
  printf("\nsteps %ld\n", run(hello));
  const char *digits = "++++++++[>++++++<-]>>++++++++++[<.+>-]++++++++++.";
  printf("steps %ld\n", run(digits));
  const char *mul = "+++++++[>++++++++<-]>.[-]++++++++++.";
  printf("steps %ld\n", run(mul));
  input = "Uryyb, Jbeyq! ROT13 vf vgf bja vairefr.";
  in_pos = 0;
  const char *rot13 = "-,+[-[>>++++[>++++++++<-]<+<-[>+>+>-[>>>]<[[>+<-]>>+>]<<<<<-]]>>>[-]+>--[-[<->+++[-]]]<[++++++++++++<[>-[>+>>]>[+[<+>-]>+>>]<<<<<-]>>[<+>-]>[-[-<<[-]>>]<<[<<->>-]>>]<<[<<+>>-]]<[-]<.[-]<-,+]";
  printf("steps %ld\n", run(rot13));
  return 0;
}
