package org.caseload.simulation.random;

import java.util.random.RandomGenerator;

/**
 * Independent random streams keyed by (seed, replication, process, entity). A stream is a fresh
 * L64X128MixRandom generator (the LXM family of JDK 17, chosen for speed and for the statistical
 * independence of generators with different seeds; our own implementation, {@link L64X128Mix},
 * gives the JDK's numbers without its reflective factory) seeded with a 64-bit mix of the four
 * keys; the same keys always give the same stream, whatever thread asks and in whatever
 * order. That is what makes results independent of the number of threads and gives common
 * random numbers between scenarios.
 *
 * <p>Immutable and thread-safe; the generators it returns are not thread-safe (one per user).
 */
public final class RandomStreams {
  private final long seed;

  /** Streams for one master seed. */
  public RandomStreams(long seed) {
    this.seed = seed;
  }

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /**
   * The stream for one entity of one process in one replication.
   *
   * @param replication replication number, from 0
   * @param kind the process
   * @param entity the entity's number within the process (a case's or worker's serial), from 0
   */
  public RandomGenerator stream(int replication, StreamKind kind, long entity) {
    return new L64X128Mix(key(seed, replication, kind.ordinal(), entity));
  }

  /**
   * The streams of one process in one replication, for an engine that creates many of them (a
   * stream per case): the same streams as {@link #stream(int, StreamKind, long)}, with the part
   * of the key that does not depend on the entity mixed once rather than for each stream.
   *
   * @param replication replication number, from 0
   * @param kind the process
   */
  public Process process(int replication, StreamKind kind) {
    return new Process(prefix(seed, replication, kind.ordinal()));
  }

  /**
   * The streams of one process in one replication (see {@link RandomStreams#process}), by entity.
   * Immutable and thread-safe; the generators it returns are not thread-safe (one per user).
   */
  public static final class Process {
    private final long prefix;

    private Process(long prefix) {
      this.prefix = prefix;
    }

    /** The stream of entity {@code entity}: the same numbers as {@link RandomStreams#stream(int, StreamKind, long)}. */
    public RandomGenerator stream(long entity) {
      return new L64X128Mix(entityKey(prefix, entity));
    }

    /**
     * The stream of entity {@code entity} in {@code reused} (a generator of these streams whose own
     * stream is no longer needed) rather than a new object, as
     * {@link RandomStreams#stream(RandomGenerator, int, StreamKind, long)}.
     */
    public RandomGenerator stream(RandomGenerator reused, long entity) {
      if (reused instanceof L64X128Mix g) {
        g.reseed(entityKey(prefix, entity));
        return g;
      }
      return stream(entity);
    }
  }

  /**
   * The stream for these keys, in {@code reused} (a generator this class returned, whose own
   * stream is no longer needed) rather than a new object: the same numbers as
   * {@link #stream(int, StreamKind, long)}, for engines that recycle per-entity state instead of
   * allocating it. A generator of another kind is not reused: a new stream is returned.
   */
  public RandomGenerator stream(RandomGenerator reused, int replication, StreamKind kind, long entity) {
    if (reused instanceof L64X128Mix g) {
      g.reseed(key(seed, replication, kind.ordinal(), entity));
      return g;
    }
    return stream(replication, kind, entity);
  }

  /**
   * A standard exponential draw (mean 1): {@link RandomGenerator#nextExponential()}, the JDK's
   * modified ziggurat (McFarland, 2016), which takes one 64-bit draw almost every time (more, rarely,
   * in the tail and the wedges) and no logarithm, so it costs a few nanoseconds where inversion,
   * −ln(1 − U), costs a logarithm — in the engine, one for every arrival and every stage length,
   * about a tenth of the time of a simple model. Callers scale it (a mean times the draw, or the
   * draw over a rate), so two scenarios that differ in a rate still see, from the same stream, the
   * same standard draws mapped to proportional times: common random numbers are kept as well as
   * with inversion.
   */
  public static double exponential(RandomGenerator rng) {
    return rng.nextExponential();
  }

  /** A 64-bit key mixing the four parts, each step a full-avalanche mix (SplitMix64's finaliser). */
  static long key(long seed, int replication, int kind, long entity) {
    return entityKey(prefix(seed, replication, kind), entity);
  }

  /** The key's first three steps: seed, replication and process. */
  private static long prefix(long seed, int replication, int kind) {
    long h = mix(seed + 0x9E3779B97F4A7C15L);
    h = mix(h ^ (replication * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL));
    return mix(h ^ (kind * 0xD6E8FEB86659FD93L + 0x2545F4914F6CDD1DL));
  }

  /** The key's last step: the entity. */
  private static long entityKey(long prefix, long entity) {
    return mix(prefix ^ (entity * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
  }

  private static long mix(long z) {
    return L64X128Mix.stafford13(z);
  }

  @Override
  public String toString() {
    return "RandomStreams[seed=" + seed + "]";
  }
}
