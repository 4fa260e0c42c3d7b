// A small JSON parser (recursive descent over objects, arrays, strings with escapes incl. \u, numbers,
// true/false/null) building a tree, then pretty-printing it, querying paths and reporting syntax
// errors with their offset.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

enum kind { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };
struct json { enum kind k; double num; int b; char *str; struct json **items; char **keys; int n; };
static const char *src, *p;
static char err[128];

static struct json *node(enum kind k) { struct json *j = calloc(1, sizeof *j); j->k = k; return j; }
static void ws(void) { while (isspace((unsigned char)*p)) p++; }
static struct json *value(void);
static int fail(const char *msg) { if (!err[0]) snprintf(err, sizeof err, "%s at offset %td", msg, p - src); return 0; }
static char *string(void) {
  if (*p != '"') { fail("expected string"); return NULL; }
  p++;
  char *out = malloc(strlen(p) + 1); size_t o = 0;
  while (*p && *p != '"') {
    if (*p == '\\') {
      p++;
      switch (*p) {
        case 'n': out[o++] = '\n'; break; case 't': out[o++] = '\t'; break; case 'r': out[o++] = '\r'; break;
        case 'b': out[o++] = '\b'; break; case 'f': out[o++] = '\f'; break; case '/': out[o++] = '/'; break;
        case '\\': out[o++] = '\\'; break; case '"': out[o++] = '"'; break;
        case 'u': { unsigned cp; if (sscanf(p + 1, "%4x", &cp) != 1) { free(out); fail("bad \\u"); return NULL; } p += 4;
          if (cp < 0x80) out[o++] = (char)cp; else if (cp < 0x800) { out[o++] = (char)(0xc0 | cp >> 6); out[o++] = (char)(0x80 | (cp & 63)); }
          else { out[o++] = (char)(0xe0 | cp >> 12); out[o++] = (char)(0x80 | (cp >> 6 & 63)); out[o++] = (char)(0x80 | (cp & 63)); } break; }
        default: free(out); fail("bad escape"); return NULL;
      }
      p++;
    } else out[o++] = *p++;
  }
  if (*p != '"') { free(out); fail("unterminated string"); return NULL; }
  p++; out[o] = 0; return out;
}
static struct json *value(void) {
  ws();
  if (*p == '{' || *p == '[') {
    int obj = *p++ == '{';
    struct json *j = node(obj ? J_OBJ : J_ARR);
    ws();
    if (*p == (obj ? '}' : ']')) { p++; return j; }
    for (;;) {
      char *key = NULL;
      if (obj) { ws(); if (!(key = string())) return NULL; ws(); if (*p++ != ':') { p--; fail("expected ':'"); return NULL; } }
      struct json *v = value();
      if (!v) return NULL;
      j->items = realloc(j->items, sizeof *j->items * (size_t)(j->n + 1)); j->keys = realloc(j->keys, sizeof *j->keys * (size_t)(j->n + 1));
      j->items[j->n] = v; j->keys[j->n++] = key;
      ws();
      if (*p == ',') { p++; continue; }
      if (*p == (obj ? '}' : ']')) { p++; return j; }
      fail(obj ? "expected ',' or '}'" : "expected ',' or ']'"); return NULL;
    }
  }
  if (*p == '"') { char *s = string(); if (!s) return NULL; struct json *j = node(J_STR); j->str = s; return j; }
  if (!strncmp(p, "true", 4)) { p += 4; struct json *j = node(J_BOOL); j->b = 1; return j; }
  if (!strncmp(p, "false", 5)) { p += 5; return node(J_BOOL); }
  if (!strncmp(p, "null", 4)) { p += 4; return node(J_NULL); }
  if (*p == '-' || isdigit((unsigned char)*p)) { char *end; struct json *j = node(J_NUM); j->num = strtod(p, &end); p = end; return j; }
  fail("unexpected character"); return NULL;
}
static void print(const struct json *j, int ind) {
  switch (j->k) {
    case J_NULL: printf("null"); break; case J_BOOL: printf(j->b ? "true" : "false"); break;
    case J_NUM: printf("%.17g", j->num); break;
    case J_STR: putchar('"'); for (const char *s = j->str; *s; s++) { if (*s == '"' || *s == '\\') printf("\\%c", *s); else if ((unsigned char)*s < 32) printf("\\u%04x", *s); else putchar(*s); } putchar('"'); break;
    case J_ARR: case J_OBJ:
      printf(j->k == J_ARR ? "[" : "{");
      for (int i = 0; i < j->n; i++) { printf("%s\n%*s", i ? "," : "", ind + 2, ""); if (j->k == J_OBJ) printf("\"%s\": ", j->keys[i]); print(j->items[i], ind + 2); }
      if (j->n) printf("\n%*s", ind, "");
      printf(j->k == J_ARR ? "]" : "}");
  }
}
static const struct json *get(const struct json *j, const char *path) {
  char part[32];
  while (j && *path) {
    size_t n = strcspn(path, "."); memcpy(part, path, n); part[n] = 0; path += n + (path[n] == '.');
    const struct json *next = NULL;
    if (j->k == J_OBJ) { for (int i = 0; i < j->n; i++) if (!strcmp(j->keys[i], part)) next = j->items[i]; }
    else if (j->k == J_ARR) { int idx = atoi(part); if (idx >= 0 && idx < j->n) next = j->items[idx]; }
    j = next;
  }
  return j;
}
static void release(struct json *j) { for (int i = 0; i < j->n; i++) { release(j->items[i]); free(j->keys[i]); } free(j->items); free(j->keys); free(j->str); free(j); }
static struct json *parse(const char *text) { src = p = text; err[0] = 0; struct json *j = value(); if (j) { ws(); if (*p) { fail("trailing characters"); release(j); return NULL; } } return j; }

int main(void) {
  const char *doc = "{\"name\": \"wplab\", \"version\": 1.5, \"tags\": [\"ppc\", \"linux\", \"\\u00e9t\\u00e9\"], \"nested\": {\"ok\": true, \"none\": null, "
                    "\"list\": [1, -2.5e3, 3e-2, {\"deep\": [[], {}]}]}, \"esc\": \"line\\nbreak \\\"q\\\" tab\\t\"}";
  struct json *j = parse(doc);
  if (!j) { printf("error: %s\n", err); return 1; }
  print(j, 0); printf("\n");
  const char *paths[] = {"name", "tags.2", "nested.list.1", "nested.list.3.deep", "nested.ok", "missing.x", "tags.9"};
  for (int i = 0; i < 7; i++) { const struct json *v = get(j, paths[i]); printf("%s => ", paths[i]); if (v) print(v, 0); else printf("(none)"); printf("\n"); }
  release(j);
  const char *bad[] = {"{\"a\": }", "[1, 2", "{\"a\" 1}", "\"unterminated", "[1] x", "{\"k\": \"\\q\"}", "tru"};
  for (int i = 0; i < 7; i++) { struct json *b = parse(bad[i]); printf("%-18s -> %s\n", bad[i], b ? "parsed?!" : err); if (b) release(b); }
  return 0;
}
