/* getopt_long on argv: short options with arguments, optional arguments, long options, --, permutation.
   args: -v --name=alpha input1 -n 3 --verbose -x -o out.txt --count 7 -- -notanopt tail
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <getopt.h>

int main(int argc, char **argv) {
  static struct option longs[] = {
    {"verbose", no_argument, 0, 'v'}, {"name", required_argument, 0, 'N'},
    {"count", required_argument, 0, 'c'}, {"opt", optional_argument, 0, 'O'}, {0, 0, 0, 0}};
  int verbose = 0, c, idx; opterr = 0;
  while ((c = getopt_long(argc, argv, "vn:o:O::c:", longs, &idx)) != -1) {
    switch (c) {
    case 'v': verbose++; printf("verbose %d\n", verbose); break;
    case 'n': printf("n=%d\n", atoi(optarg)); break;
    case 'o': printf("o=%s\n", optarg); break;
    case 'N': printf("name=%s (long %s)\n", optarg, longs[idx].name); break;
    case 'c': printf("count=%s\n", optarg); break;
    case '?': printf("unknown option -%c\n", optopt); break;
    default: printf("? %d\n", c);
    }
  }
  printf("optind=%d argc=%d\n", optind, argc);
  for (int i = optind; i < argc; i++) printf("operand %s\n", argv[i]);
  for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
  return 0;
}
