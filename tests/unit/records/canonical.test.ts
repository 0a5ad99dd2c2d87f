import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/records/canonical';
import { uuidV5 } from '../../../src/core/records/uuid';

describe('canonical JSON', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: '学习' } })).toBe(
      '{"a":{"c":"学习","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('is independent of key order and stable through parse and re-serialise', () => {
    const a = { x: 0.1 + 0.2, y: -0, name: 'a"b\\c\n', list: [1e21, 5e-7] };
    const b = { list: [1e21, 5e-7], name: 'a"b\\c\n', y: -0, x: 0.1 + 0.2 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(JSON.parse(canonicalJson(a)))).toBe(canonicalJson(a));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow();
    expect(() => canonicalJson({ n: Infinity })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe('name-based UUIDs', () => {
  it('match the RFC 9562 version 5 test vector', () => {
    // RFC 9562 appendix A.4: DNS namespace, "www.example.com"
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
