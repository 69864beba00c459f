package org.caseload.simulation.random;

import java.util.random.RandomGenerator;

/**
 * The L64X128MixRandom algorithm of the LXM family, written out so that a stream is created with
 * a plain constructor call rather than through {@link java.util.random.RandomGeneratorFactory}
 * (which finds the JDK's class in the {@code jdk.random} module and builds it by reflection, at a
 * cost of the order of a microsecond — more than a whole event of the engine).
 *
 * <p>The algorithm (G. L. Steele Jr. and S. Vigna, "LXM: better splittable pseudorandom number
 * generators (and almost as fast)", Proc. ACM Program. Lang. 5, OOPSLA, 2021; specified in the
 * package documentation of {@code java.util.random} since JDK 17): the state is a 64-bit linear
 * congruential generator {@code s ← M s + a} (multiplier {@code M = 0xd1342543de82ef95}, additive
 * parameter {@code a} odd) and a xoroshiro128 generator {@code (x0, x1)} (version 1.0: rotations
 * 24 and 37, shift 16; Blackman and Vigna, 2018). Each output is Doug Lea's 64-bit mixing
 * function of {@code s + x0}, computed from the state before both parts advance. Period
 * 2<sup>64</sup>(2<sup>128</sup> − 1); the additive parameter chooses one of 2<sup>63</sup>
 * statistically independent streams.
 *
 * <p>Seeding from one 64-bit value follows the JDK's {@code L64X128MixRandom(long)} exactly: the
 * value is XORed with the silver-ratio constant {@code 0x6A09E667F3BCC909}; {@code a} is its
 * MurmurHash3 finaliser (forced odd), {@code s} is 1, {@code x0} is its Stafford variant-13
 * mix and {@code x1} the same mix of it plus the golden-ratio constant
 * {@code 0x9E3779B97F4A7C15}. Derived values ({@link #nextDouble()}, {@link #nextGaussian()}, {@link #nextExponential()},
 * bounded integers) are {@link RandomGenerator}'s own defaults. So a stream gives bit for bit
 * the numbers the JDK 17 generator gives for the same seed (a test checks it), and results
 * computed with streams from the factory are reproduced.
 *
 * <p>Not thread-safe: one generator per user.
 */
final class L64X128Mix implements RandomGenerator {
  private static final long M = 0xd1342543de82ef95L;
  private static final long GOLDEN_RATIO_64 = 0x9e3779b97f4a7c15L;
  private static final long SILVER_RATIO_64 = 0x6a09e667f3bcc909L;

  private long a;
  private long s;
  private long x0;
  private long x1;

  /** The stream for {@code seed}; the same seed always gives the same stream. */
  L64X128Mix(long seed) {
    reseed(seed);
  }

  /** Starts this generator again as the stream for {@code seed}, exactly as if newly created. */
  void reseed(long seed) {
    long z = seed ^ SILVER_RATIO_64;
    long first = stafford13(z);
    long second = stafford13(z + GOLDEN_RATIO_64);
    this.a = murmur64(z) | 1;
    this.s = 1;
    if ((first | second) == 0) {
      // The xoroshiro part must not be all zero; replace it as the JDK does (from s = 1).
      first = stafford13(1 + GOLDEN_RATIO_64);
      second = stafford13(1 + 2 * GOLDEN_RATIO_64);
    }
    this.x0 = first;
    this.x1 = second;
  }

  @Override
  public long nextLong() {
    long result = lea64(s + x0);
    s = M * s + a;
    long q0 = x0;
    long q1 = x1 ^ q0;
    x0 = Long.rotateLeft(q0, 24) ^ q1 ^ (q1 << 16);
    x1 = Long.rotateLeft(q1, 37);
    return result;
  }

  /** MurmurHash3's 64-bit finaliser. */
  static long murmur64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser (SplitMix64's output function). */
  static long stafford13(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Doug Lea's 64-bit mixing function, the output function of the LXM generators. */
  static long lea64(long z) {
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    return z ^ (z >>> 32);
  }
}
