/**
 * Edits a parsed JSON document by path ("projects[1].indicators[0].note"), for tests that break
 * a package on purpose: the values set are of the wrong type on purpose, so the document is
 * walked as unknown, not through the package's types.
 */
export type JsonObject = Record<string, unknown>;

function steps(path: string): (string | number)[] {
  return path.split(/\.|(?=\[)/).map((s) => (s.startsWith("[") ? Number(s.slice(1, -1)) : s));
}

function parentOf(doc: unknown, path: string): { parent: Record<string | number, unknown>; key: string | number } {
  const keys = steps(path);
  let at = doc as Record<string | number, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  return { parent: at, key: keys[keys.length - 1]! };
}

export function setAt(doc: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(doc, path);
  parent[key] = value;
}

export function deleteAt(doc: unknown, path: string): void {
  const { parent, key } = parentOf(doc, path);
  delete parent[key];
}

export function getAt(doc: unknown, path: string): unknown {
  const { parent, key } = parentOf(doc, path);
  return parent[key];
}
