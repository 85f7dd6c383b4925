import { jsonDepth, mediaType } from '../../../src/api/limits';
import { TokenBuckets } from '../../../src/api/rate-limit';

describe('jsonDepth', () => {
  it('counts nested arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepth('42')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth(String.raw`{"a":"\"[[[","b":[[1]]}`)).toBe(3);
    expect(jsonDepth(String.raw`["\\",[["x"]]]`)).toBe(3);
  });
});

describe('mediaType', () => {
  it('drops parameters and case', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType(null)).toBe('');
  });
});

describe('TokenBuckets', () => {
  it('grants a burst of its capacity, then one token every 60/capacity seconds, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(20); // one token back in 20 s
    expect(buckets.take('b')).toBe(0);
    now = 19_000;
    expect(buckets.take('a')).toBe(1);
    now = 20_000;
    expect(buckets.take('a')).toBe(0);
    now = 10 * 60_000; // long idle: full again, never more than the capacity
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([
      0, 0, 0, 20,
    ]);
  });
});
