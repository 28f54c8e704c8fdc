// Records keyed by ids that visitors can type ("__proto__", "constructor"): read only own keys
// and build new records with computed keys, so an id never reaches Object.prototype.
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set (a computed key defines an own property, even "__proto__"). */
export function withKey<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V> {
  return { ...record, [key]: value };
}

export function withoutKeys<V>(record: Readonly<Record<string, V>>, drop: (key: string, value: V) => boolean): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([k, v]) => !drop(k, v)));
}
