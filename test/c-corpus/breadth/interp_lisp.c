/* A tiny Lisp interpreter: reader, cons cells from an arena, environments, lambda with closures,
   recursion (factorial, fibonacci, map), quote/if/define/begin, and a printer.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

typedef enum { NUM, SYM, CONS, PRIM, LAMBDA, NIL } Tag;
typedef struct Obj { Tag t; long n; const char *s; struct Obj *car, *cdr, *env; struct Obj *(*prim)(struct Obj *); } Obj;
static Obj pool[200000]; static int used; static Obj nil = {NIL};
static Obj *mk(Tag t) { if (used == 200000) { puts("out of cells"); exit(3); } Obj *o = &pool[used++]; memset(o, 0, sizeof *o); o->t = t; return o; }
static Obj *num(long n) { Obj *o = mk(NUM); o->n = n; return o; }
static Obj *cons(Obj *a, Obj *d) { Obj *o = mk(CONS); o->car = a; o->cdr = d; return o; }
static const char *syms[256]; static int nsyms;
static Obj *sym(const char *s, int len) {
  for (int i = 0; i < nsyms; i++) if ((int)strlen(syms[i]) == len && !strncmp(syms[i], s, len)) { Obj *o = mk(SYM); o->s = syms[i]; return o; }
  char *c = malloc(len + 1); memcpy(c, s, len); c[len] = 0; syms[nsyms++] = c; Obj *o = mk(SYM); o->s = c; return o;
}
static const char *src;
static Obj *read_expr(void);
static Obj *read_list(void) {
  while (isspace((unsigned char)*src)) src++;
  if (*src == ')') { src++; return &nil; }
  Obj *a = read_expr(); return cons(a, read_list());
}
static Obj *read_expr(void) {
  while (isspace((unsigned char)*src)) src++;
  if (*src == '(') { src++; return read_list(); }
  if (*src == '\'') { src++; return cons(sym("quote", 5), cons(read_expr(), &nil)); }
  const char *b = src; while (*src && !isspace((unsigned char)*src) && *src != '(' && *src != ')') src++;
  if (isdigit((unsigned char)*b) || (*b == '-' && isdigit((unsigned char)b[1]))) return num(strtol(b, 0, 10));
  return sym(b, (int)(src - b));
}
static void print(Obj *o) {
  switch (o->t) {
  case NUM: printf("%ld", o->n); break; case SYM: printf("%s", o->s); break; case NIL: printf("()"); break;
  case PRIM: printf("<prim>"); break; case LAMBDA: printf("<lambda>"); break;
  case CONS: putchar('('); for (;;) { print(o->car); o = o->cdr; if (o->t != CONS) break; putchar(' '); }
    if (o->t != NIL) { printf(" . "); print(o); } putchar(')');
  }
}
static Obj *lookup(Obj *env, const char *s) {
  for (; env->t == CONS; env = env->cdr) if (env->car->car->s == s) return env->car;
  printf("unbound %s\n", s); exit(4);
}
static Obj *genv;
static Obj *eval(Obj *e, Obj *env);
static Obj *evlis(Obj *l, Obj *env) { return l->t == CONS ? cons(eval(l->car, env), evlis(l->cdr, env)) : &nil; }
static Obj *eval(Obj *e, Obj *env) {
  for (;;) {
    if (e->t == NUM || e->t == NIL) return e;
    if (e->t == SYM) return lookup(env, e->s)->cdr;
    Obj *h = e->car;
    if (h->t == SYM) {
      if (!strcmp(h->s, "quote")) return e->cdr->car;
      if (!strcmp(h->s, "if")) { e = eval(e->cdr->car, env)->t != NIL ? e->cdr->cdr->car : (e->cdr->cdr->cdr->t == CONS ? e->cdr->cdr->cdr->car : &nil); continue; }
      if (!strcmp(h->s, "define")) { Obj *v = eval(e->cdr->cdr->car, env); genv->cdr = cons(genv->car, genv->cdr); genv->car = cons(e->cdr->car, v); return v; }
      if (!strcmp(h->s, "lambda")) { Obj *l = mk(LAMBDA); l->car = e->cdr->car; l->cdr = e->cdr->cdr->car; l->env = env; return l; }
      if (!strcmp(h->s, "begin")) { Obj *r = &nil; for (Obj *b = e->cdr; b->t == CONS; b = b->cdr) { if (b->cdr->t != CONS) { e = b->car; goto tail; } r = eval(b->car, env); } return r; }
    }
    Obj *f = eval(h, env), *args = evlis(e->cdr, env);
    if (f->t == PRIM) return f->prim(args);
    Obj *ne = f->env;
    for (Obj *p = f->car; p->t == CONS; p = p->cdr, args = args->cdr) ne = cons(cons(p->car, args->car), ne);
    env = ne; e = f->cdr;
  tail:;
  }
}
static Obj *t_sym;
static Obj *p_add(Obj *a) { long s = 0; for (; a->t == CONS; a = a->cdr) s += a->car->n; return num(s); }
static Obj *p_sub(Obj *a) { long s = a->car->n; if (a->cdr->t == NIL) return num(-s); for (a = a->cdr; a->t == CONS; a = a->cdr) s -= a->car->n; return num(s); }
static Obj *p_mul(Obj *a) { long s = 1; for (; a->t == CONS; a = a->cdr) s *= a->car->n; return num(s); }
static Obj *p_lt(Obj *a) { return a->car->n < a->cdr->car->n ? t_sym : &nil; }
static Obj *p_eq(Obj *a) { return a->car->n == a->cdr->car->n ? t_sym : &nil; }
static Obj *p_cons(Obj *a) { return cons(a->car, a->cdr->car); }
static Obj *p_car(Obj *a) { return a->car->car; }
static Obj *p_cdr(Obj *a) { return a->car->cdr; }
static Obj *p_null(Obj *a) { return a->car->t == NIL ? t_sym : &nil; }
static void def(const char *n, Obj *(*f)(Obj *)) { Obj *p = mk(PRIM); p->prim = f; genv->cdr = cons(genv->car, genv->cdr); genv->car = cons(sym(n, (int)strlen(n)), p); }

int main(void) {
  t_sym = sym("t", 1);
  genv = cons(cons(t_sym, t_sym), &nil);
  def("+", p_add); def("-", p_sub); def("*", p_mul); def("<", p_lt); def("=", p_eq);
  def("cons", p_cons); def("car", p_car); def("cdr", p_cdr); def("null?", p_null);
  const char *progs[] = {
    "(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))", "(fact 20)",
    "(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))", "(fib 18)",
    "(define map (lambda (f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l))))))",
    "(map (lambda (x) (* x x)) '(1 2 3 4 5 6 7))",
    "(define make-adder (lambda (n) (lambda (x) (+ x n))))", "((make-adder 10) 32)",
    "(define loop (lambda (i acc) (if (= i 0) acc (loop (- i 1) (+ acc i)))))", "(loop 20000 0)",
    "(begin (define a 5) (define b (* a a)) (cons a (cons b '(x y . z))))", "(quote (nested (list) 1 -2))",
  };
  for (unsigned i = 0; i < sizeof progs / sizeof *progs; i++) { src = progs[i]; Obj *r = eval(read_expr(), genv); printf("> "); print(r); putchar('\n'); }
  printf("cells used: %d\n", used);
  return 0;
}
