// Graph algorithms on a small weighted grid graph and a DAG: BFS shortest path on a maze, DFS
// connected components, Dijkstra with a binary heap, topological sort (Kahn), and Floyd-Warshall.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <string.h>
#include <limits.h>

static const char *maze[] = {
  "S...#.....#....",
  ".##.#.###.#.##.",
  ".#..#...#...#..",
  ".#.####.#####.#",
  ".#......#.....#",
  ".######.#.###..",
  "......#...#.#E.",
};
enum { R = 7, C = 15 };

int main(void) {
  int dist[R][C]; memset(dist, -1, sizeof dist);
  int qy[R * C], qx[R * C], qa = 0, qb = 0, prev[R][C];
  qy[qb] = 0; qx[qb++] = 0; dist[0][0] = 0;
  int dy[] = {1, -1, 0, 0}, dx[] = {0, 0, 1, -1};
  while (qa < qb) {
    int y = qy[qa], x = qx[qa++];
    for (int d = 0; d < 4; d++) {
      int ny = y + dy[d], nx = x + dx[d];
      if (ny < 0 || nx < 0 || ny >= R || nx >= C || maze[ny][nx] == '#' || dist[ny][nx] >= 0) continue;
      dist[ny][nx] = dist[y][x] + 1; prev[ny][nx] = y * C + x; qy[qb] = ny; qx[qb++] = nx;
    }
  }
  char grid[R][C + 1]; for (int y = 0; y < R; y++) strcpy(grid[y], maze[y]);
  printf("BFS distance to E: %d\n", dist[6][13]);
  for (int at = prev[6][13]; at != 0; at = prev[at / C][at % C]) grid[at / C][at % C] = '*';
  for (int y = 0; y < R; y++) printf("%s\n", grid[y]);
  int comp[R][C]; memset(comp, -1, sizeof comp); int ncomp = 0, stack[R * C * 4];
  for (int y = 0; y < R; y++) for (int x = 0; x < C; x++) {
    if (maze[y][x] == '#' || comp[y][x] >= 0) continue;
    int sp = 0, size = 0; stack[sp++] = y * C + x; comp[y][x] = ncomp;
    while (sp) { int v = stack[--sp]; size++; for (int d = 0; d < 4; d++) { int ny = v / C + dy[d], nx = v % C + dx[d]; if (ny >= 0 && nx >= 0 && ny < R && nx < C && maze[ny][nx] != '#' && comp[ny][nx] < 0) { comp[ny][nx] = ncomp; stack[sp++] = ny * C + nx; } } }
    printf("component %d from (%d,%d) size %d\n", ncomp++, y, x, size);
  }
  enum { N = 8 };
  int w[N][N] = {{0, 4, 0, 0, 0, 0, 0, 8}, {4, 0, 8, 0, 0, 0, 0, 11}, {0, 8, 0, 7, 0, 4, 0, 0}, {0, 0, 7, 0, 9, 14, 0, 0},
                 {0, 0, 0, 9, 0, 10, 0, 0}, {0, 0, 4, 14, 10, 0, 2, 0}, {0, 0, 0, 0, 0, 2, 0, 1}, {8, 11, 0, 0, 0, 0, 1, 0}};
  int d[N], heap[64], hk[64], hn = 0, done[N] = {0};
  for (int i = 0; i < N; i++) d[i] = INT_MAX;
  d[0] = 0; heap[hn] = 0; hk[hn++] = 0;
  while (hn) {
    int v = heap[0], k = hk[0];
    heap[0] = heap[--hn]; hk[0] = hk[hn];
    for (int i = 0;;) { int l = 2 * i + 1, r = l + 1, m = i; if (l < hn && hk[l] < hk[m]) m = l; if (r < hn && hk[r] < hk[m]) m = r; if (m == i) break; int t = heap[i]; heap[i] = heap[m]; heap[m] = t; t = hk[i]; hk[i] = hk[m]; hk[m] = t; i = m; }
    if (done[v] || k > d[v]) continue;
    done[v] = 1;
    for (int u = 0; u < N; u++) if (w[v][u] && d[v] + w[v][u] < d[u]) {
      d[u] = d[v] + w[v][u];
      int i = hn++; heap[i] = u; hk[i] = d[u];
      while (i && hk[(i - 1) / 2] > hk[i]) { int p = (i - 1) / 2, t = heap[i]; heap[i] = heap[p]; heap[p] = t; t = hk[i]; hk[i] = hk[p]; hk[p] = t; i = p; }
    }
  }
  printf("dijkstra:"); for (int i = 0; i < N; i++) printf(" %d", d[i]); printf("\n");
  int fw[N][N];
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) fw[i][j] = i == j ? 0 : w[i][j] ? w[i][j] : 1000000;
  for (int k = 0; k < N; k++) for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) if (fw[i][k] + fw[k][j] < fw[i][j]) fw[i][j] = fw[i][k] + fw[k][j];
  printf("floyd row 3:"); for (int j = 0; j < N; j++) printf(" %d", fw[3][j]); printf("\n");
  const char *tasks[] = {"wake", "shower", "dress", "coffee", "breakfast", "leave"};
  int edges[][2] = {{0, 1}, {0, 3}, {1, 2}, {3, 4}, {2, 5}, {4, 5}, {1, 4}};
  int indeg[6] = {0}, order[6], on = 0, q[6], a = 0, b = 0;
  for (int e = 0; e < 7; e++) indeg[edges[e][1]]++;
  for (int i = 0; i < 6; i++) if (!indeg[i]) q[b++] = i;
  while (a < b) { int v = q[a++]; order[on++] = v; for (int e = 0; e < 7; e++) if (edges[e][0] == v && --indeg[edges[e][1]] == 0) q[b++] = edges[e][1]; }
  printf("topological:"); for (int i = 0; i < on; i++) printf(" %s", tasks[order[i]]); printf("\n");
  return 0;
}
