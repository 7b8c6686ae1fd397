package io.convener.core.internal.graph;

/** Connected components of the undirected graph, numbered in order of their smallest node. */
final class Components {
  final int[] component;
  final int[] size;

  private Components(int[] component, int[] size) {
    this.component = component;
    this.size = size;
  }

  static Components of(InteractionGraph g) {
    int n = g.n;
    int[] comp = new int[n];
    java.util.Arrays.fill(comp, -1);
    int[] queue = new int[n];
    int[] sizes = new int[Math.max(1, n)];
    int count = 0;
    for (int s = 0; s < n; s++) {
      if (comp[s] >= 0) {
        continue;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      comp[s] = count;
      while (head < tail) {
        int v = queue[head++];
        for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
          int w = g.targets[e];
          if (comp[w] < 0) {
            comp[w] = count;
            queue[tail++] = w;
          }
        }
      }
      sizes[count++] = tail;
    }
    return new Components(comp, java.util.Arrays.copyOf(sizes, count));
  }

  int count() {
    return size.length;
  }
}
