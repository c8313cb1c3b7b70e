// Deep equality of plain JSON values: a diagnostic's data, compared between two versions of a document
// (the checker's reuse of unchanged findings, the server's "unchanged" answers).

/** Deep equality of plain JSON values (diagnostics): arrays in order, objects by their own keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], y[i])) return false;
    return true;
  }
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** The same own keys, and the same values under them. */
function sameFields(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  // Keys counted, not listed: no arrays made for the thousands of objects compared per edit.
  let keys = 0;
  for (const k in x) {
    if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
    keys++;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.prototype.hasOwnProperty.call(y, k)) keys--;
  return keys === 0;
}
