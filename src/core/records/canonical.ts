/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, like Array.prototype.sort), no
 * whitespace, strings and numbers exactly as JSON.stringify writes them. For the plain data in a
 * record this is the same text as RFC 8785 (JCS) produces.
 *
 * Why: the signature must be over bytes both sides can rebuild. A venue parses the file and
 * re-serialises the parsed record; insertion order and formatting are not data, so they must not
 * decide whether a signature holds. Sorted keys make the text depend only on the values, and
 * JSON.stringify's number form is the shortest round-trip form, so parse → stringify is stable.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const parts = Object.keys(obj)
      .filter((k) => obj[k] !== undefined) // as JSON.stringify does: an undefined field is absent
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}
