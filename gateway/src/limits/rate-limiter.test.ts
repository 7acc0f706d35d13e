import { RateLimiter } from './rate-limiter';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  test('allows a burst of perMinute, then refuses with the seconds until the next token', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perMinute: 6, now: clock.now });
    const burst = Array.from({ length: 6 }, () => limiter.take('a'));
    expect(burst).toEqual(Array(6).fill({ allowed: true }));
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock.advance(4_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    clock.advance(5_500);
    // 9.5 s of 10: rounded up, never 0.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  test('refills continuously up to perMinute, not beyond', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perMinute: 60, now: clock.now });
    for (let i = 0; i < 60; i += 1) limiter.take('a');
    clock.advance(30_000);
    const allowed = Array.from({ length: 40 }, () => limiter.take('a').allowed).filter(Boolean).length;
    expect(allowed).toBe(30);
    clock.advance(10 * 60_000);
    const afterRest = Array.from({ length: 100 }, () => limiter.take('a').allowed).filter(Boolean).length;
    expect(afterRest).toBe(60);
  });

  test('keeps one bucket per key', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perMinute: 1, now: clock.now });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('b')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  test('forgets keys idle for a minute, which start again with a full bucket', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perMinute: 2, now: clock.now });
    for (let i = 0; i < 1000; i += 1) limiter.take(`key-${i}`);
    expect(limiter.size).toBe(1000);
    clock.advance(59_999);
    limiter.take('fresh');
    expect(limiter.size).toBe(1001);
    clock.advance(1);
    limiter.take('fresh');
    expect(limiter.size).toBe(1);
    expect([limiter.take('key-0'), limiter.take('key-0'), limiter.take('key-0')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 30 },
    ]);
  });

  test('remembers at most maxKeys, forgetting the least recently seen', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perMinute: 1, maxKeys: 3, now: clock.now });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    clock.advance(1_000);
    limiter.take('a');
    limiter.take('d');
    expect(limiter.size).toBe(3);
    // 'b' was forgotten (a fresh bucket), 'a' was not (still empty).
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(limiter.take('b')).toEqual({ allowed: true });
  });

  test('refuses a rate that is not positive', () => {
    expect(() => new RateLimiter({ perMinute: 0 })).toThrow('perMinute must be positive');
  });
});
