/**
 * Three-way merge of one section's form values after a save conflict: `base` is what this
 * editor started from, `mine` what is on screen, `theirs` what was saved meanwhile. A field
 * only one side changed takes that side; a field both changed differently keeps mine and is
 * reported, so the accountant sees every place where their value overrode another.
 */

type Value = unknown;

const isObject = (v: Value): v is Record<string, Value> => typeof v === "object" && v !== null && !Array.isArray(v);

export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  // An empty box and a missing value read the same on screen.
  if ((a === "" || a === undefined || a === null) && (b === "" || b === undefined || b === null)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

export interface MergeResult {
  merged: Value;
  /** Form field names (dot paths) both sides changed differently; mine was kept. */
  conflicts: string[];
}

export function mergeValues(base: Value, mine: Value, theirs: Value, path = ""): MergeResult {
  if (sameValue(mine, theirs)) return { merged: mine, conflicts: [] };
  if (sameValue(mine, base)) return { merged: theirs, conflicts: [] };
  if (sameValue(theirs, base)) return { merged: mine, conflicts: [] };
  const join = (k: string | number) => (path === "" ? String(k) : `${path}.${k}`);
  if (isObject(mine) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const merged: Record<string, Value> = {};
    const conflicts: string[] = [];
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const r = mergeValues(b[k], mine[k], theirs[k], join(k));
      merged[k] = r.merged;
      conflicts.push(...r.conflicts);
    }
    return { merged, conflicts };
  }
  // Lists merge item by item only while both kept the same rows; otherwise mine stands whole.
  if (Array.isArray(mine) && Array.isArray(theirs) && Array.isArray(base) && mine.length === theirs.length && mine.length === base.length) {
    const results = mine.map((m, i) => mergeValues(base[i], m, theirs[i], join(i)));
    return { merged: results.map((r) => r.merged), conflicts: results.flatMap((r) => r.conflicts) };
  }
  return { merged: mine, conflicts: [path] };
}

export interface LeafDifference {
  /** Form field name (dot path). */
  field: string;
  theirs: string;
  mine: string;
}

const shown = (v: Value) => (v === undefined || v === null || v === "" ? "（空）" : typeof v === "boolean" ? (v ? "是" : "否") : String(v));

/** Every field whose value differs, theirs beside mine (a list of another length counts as one row per item). */
export function differences(theirs: Value, mine: Value, path = ""): LeafDifference[] {
  if (sameValue(theirs, mine)) return [];
  const join = (k: string | number) => (path === "" ? String(k) : `${path}.${k}`);
  if (isObject(theirs) && isObject(mine)) {
    return [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].flatMap((k) => differences(theirs[k], mine[k], join(k)));
  }
  if (Array.isArray(theirs) && Array.isArray(mine)) {
    return Array.from({ length: Math.max(theirs.length, mine.length) }, (_, i) => differences(theirs[i], mine[i], join(i))).flat();
  }
  if (isObject(theirs) || isObject(mine)) {
    return [{ field: path, theirs: isObject(theirs) ? "（有此行）" : shown(theirs), mine: isObject(mine) ? "（有此行）" : shown(mine) }];
  }
  return [{ field: path, theirs: shown(theirs), mine: shown(mine) }];
}
