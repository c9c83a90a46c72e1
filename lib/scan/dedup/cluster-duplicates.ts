export interface DuplicateClusters<T> {
  /** Connected components of the pair graph with two or more records, each in first-seen order. */
  clusters: T[][];
  /**
   * Share of the records that are redundant: keeping one record per cluster would remove
   * (records in clusters − clusters) of `recordCount`. 0 when there are no records.
   */
  duplicateRate: number;
}

/**
 * Clusters of duplicates: union-find (union by size, path halving; Tarjan & van Leeuwen 1984,
 * doi:10.1145/62.2160) over the pairs, so a ~ b and b ~ c put a, b, c together even when
 * a and c are not a pair themselves. Runs in O(pairs · α(records)).
 *
 * @example clusterDuplicates([{ a: "1", b: "2" }, { a: "2", b: "3" }], 10) // { clusters: [["1","2","3"]], duplicateRate: 0.2 }
 */
export function clusterDuplicates<T>(pairs: Iterable<{ a: T; b: T }>, recordCount: number): DuplicateClusters<T> {
  const indexOf = new Map<T, number>();
  const items: T[] = [];
  const parent: number[] = [];
  const size: number[] = [];
  const node = (item: T): number => {
    let index = indexOf.get(item);
    if (index === undefined) {
      index = items.length;
      indexOf.set(item, index);
      items.push(item);
      parent.push(index);
      size.push(1);
    }
    return index;
  };
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const { a, b } of pairs) {
    let rootA = find(node(a));
    let rootB = find(node(b));
    if (rootA === rootB) continue;
    if (size[rootA]! < size[rootB]!) [rootA, rootB] = [rootB, rootA];
    parent[rootB] = rootA;
    size[rootA]! += size[rootB]!;
  }
  const byRoot = new Map<number, T[]>();
  for (let i = 0; i < items.length; i++) {
    const root = find(i);
    const cluster = byRoot.get(root);
    if (cluster) cluster.push(items[i]!);
    else byRoot.set(root, [items[i]!]);
  }
  const clusters = [...byRoot.values()];
  const redundant = items.length - clusters.length;
  return { clusters, duplicateRate: recordCount > 0 ? redundant / recordCount : 0 };
}
