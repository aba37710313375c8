package dev.slant.datasets.dedup;

import java.util.Arrays;

/** Disjoint sets over 0..n-1 that grow on demand; the root of a set is always its smallest member. */
final class UnionFind {
    private int[] parent = new int[1024];
    private int size;

    /** Adds a new singleton set and returns its element. */
    int add() {
        if (size == parent.length) {
            parent = Arrays.copyOf(parent, size * 2);
        }
        parent[size] = size;
        return size++;
    }

    int find(int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    }

    /** Joins the sets of a and b. */
    void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
