// "Did you mean …?" for typos in keys, ids and enum values, at a bounded cost whatever the input:
// a long value gets no suggestion, the distance gives up beyond a typo's reach, each candidate list
// is indexed once, and each distinct value is looked up once.

/** No typo of an id, key or name is this long; a longer value gets no suggestion at all. */
export const MAX_SUGGEST_LENGTH = 64;

/** How far a word may be from a candidate and still be its typo. */
export function typoReach(length: number): number {
  return Math.max(2, Math.floor(length / 3));
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), or
 * `limit + 1` as soon as it is known to exceed `limit`: only a band of 2·limit+1 cells per row
 * is computed.
 */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  const big = limit + 1;
  let prev2 = new Array<number>(n + 1).fill(big);
  let prev = new Array<number>(n + 1).fill(big);
  let cur = new Array<number>(n + 1).fill(big);
  for (let j = 0; j <= Math.min(n, limit); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(n, i + limit);
    cur.fill(big);
    if (i <= limit) cur[0] = i;
    let rowMin = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = Math.min(v, big);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > limit) return big;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, big);
}

interface Index {
  /** Candidates as given, and lower-cased, in order. */
  names: string[];
  lower: string[];
  /** Per-value results: a value asked about again costs a map lookup. */
  cache: Map<string, string | undefined>;
}

// Candidate lists are indexed once per list object (a registry's Set of ids, an enum's array).
const indexes = new WeakMap<object, Index>();
const MAX_CACHED = 10_000;

function indexOf(candidates: Iterable<string>): Index {
  const isObject = typeof candidates === 'object' && candidates !== null;
  // An iterator (map.keys()) is new each call; a list or set is the same object each time.
  const reusable = isObject && (Array.isArray(candidates) || candidates instanceof Set);
  if (reusable) {
    const known = indexes.get(candidates as object);
    if (known && known.names.length === (Array.isArray(candidates) ? candidates.length : (candidates as Set<string>).size)) return known;
  }
  const names = [...candidates];
  const index: Index = { names, lower: names.map((c) => c.toLowerCase()), cache: new Map() };
  if (reusable) indexes.set(candidates as object, index);
  return index;
}

/** The closest candidate within a typo's reach, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGEST_LENGTH) return undefined;
  const index = indexOf(candidates);
  if (index.cache.has(word)) return index.cache.get(word);
  const w = word.toLowerCase();
  const reach = typoReach(w.length);
  let best: string | undefined;
  // Only a candidate closer than the best so far matters, so the band narrows as better ones turn up.
  let bestDistance = Math.min(reach, w.length - 1) + 1;
  for (let i = 0; i < index.names.length && bestDistance > 0; i++) {
    const c = index.lower[i]!;
    if (Math.abs(c.length - w.length) >= bestDistance) continue;
    const dist = editDistance(w, c, bestDistance - 1);
    if (dist < bestDistance) {
      best = index.names[i];
      bestDistance = dist;
    }
  }
  if (index.cache.size >= MAX_CACHED) index.cache.clear();
  index.cache.set(word, best);
  return best;
}
