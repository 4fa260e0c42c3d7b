// A recursive-descent expression evaluator with precedence and associativity (+ - * / % ^, unary
// minus, parentheses, functions sqrt/sin/max, variables), evaluating a list of expressions and
// reporting errors; deep parenthesis nesting exercises recursion.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <math.h>

static const char *s;
static int error;
static double vars[26];
static double expr(void);
static void skip(void) { while (*s == ' ') s++; }
static double primary(void) {
  skip();
  if (*s == '(') { s++; double v = expr(); skip(); if (*s == ')') s++; else error = 1; return v; }
  if (*s == '-') { s++; return -primary(); }
  if (isdigit((unsigned char)*s) || *s == '.') { char *end; double v = strtod(s, &end); s = end; return v; }
  if (isalpha((unsigned char)*s)) {
    char name[16]; int n = 0;
    while (isalpha((unsigned char)*s) && n < 15) name[n++] = *s++;
    name[n] = 0; skip();
    if (*s == '(') {
      s++; double a = expr(), b = 0; skip();
      if (*s == ',') { s++; b = expr(); skip(); }
      if (*s == ')') s++; else error = 1;
      if (!strcmp(name, "sqrt")) return sqrt(a);
      if (!strcmp(name, "sin")) return sin(a);
      if (!strcmp(name, "max")) return a > b ? a : b;
      error = 2; return 0;
    }
    if (n == 1 && islower((unsigned char)name[0])) return vars[name[0] - 'a'];
    error = 3; return 0;
  }
  error = 4; return 0;
}
static double power(void) { double b = primary(); skip(); if (*s == '^') { s++; return pow(b, power()); } return b; }
static double term(void) {
  double v = power();
  for (;;) { skip(); char op = *s; if (op != '*' && op != '/' && op != '%') return v; s++; double r = power(); v = op == '*' ? v * r : op == '/' ? v / r : fmod(v, r); }
}
static double expr(void) { double v = term(); for (;;) { skip(); char op = *s; if (op != '+' && op != '-') return v; s++; double r = term(); v = op == '+' ? v + r : v - r; } }

static void eval(const char *text) {
  s = text; error = 0;
  double v = expr(); skip();
  if (*s && !error) error = 5;
  if (error) printf("%-40s error %d at offset %td\n", text, error, s - text);
  else printf("%-40s = %.15g\n", text, v);
}

int main(void) {
  vars['x' - 'a'] = 2.5; vars['y' - 'a'] = -4;
  const char *list[] = {"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4 - 7 % 3", "sqrt(2) * sqrt(2)", "max(x, y) * y",
                        "sin(3.14159265358979 / 6)", "1 / 0", "-(-(-(1)))", "2 * (3 + 4) * (5 - (6 / (7 + 8)))", "1 +", "foo(1)", "3 4", "(1 + 2", "x * x + y * y"};
  for (unsigned i = 0; i < sizeof list / sizeof list[0]; i++) eval(list[i]);
  char deep[4200]; int n = 0;
  for (int i = 0; i < 1000; i++) deep[n++] = '(';
  n += sprintf(deep + n, "1+1");
  for (int i = 0; i < 1000; i++) deep[n++] = ')';
  deep[n] = 0;
  s = deep; error = 0;
  printf("1000-deep parentheses = %g error %d\n", expr(), error);
  return 0;
}
