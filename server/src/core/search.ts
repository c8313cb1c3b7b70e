// The one binary search the core uses: lines, paragraphs, sections and matches are all kept in text order.

/** The first index in [0, length) for which `reached(i)` holds, where it holds for every later index too; `length` if none. */
export function firstIndexWhere(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
