package org.caseload.simulation.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A JDK random generator seen as a Commons Math one, for Commons Math's distributions. Setting
 * the seed is refused: streams are seeded once, by {@link RandomStreams}.
 */
public final class CommonsMathAdapter implements RandomGenerator {
  private final java.util.random.RandomGenerator rng;

  public CommonsMathAdapter(java.util.random.RandomGenerator rng) {
    this.rng = rng;
  }

  @Override
  public void setSeed(int seed) {
    throw new UnsupportedOperationException("streams are seeded by RandomStreams, not reseeded");
  }

  @Override
  public void setSeed(int[] seed) {
    throw new UnsupportedOperationException("streams are seeded by RandomStreams, not reseeded");
  }

  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("streams are seeded by RandomStreams, not reseeded");
  }

  @Override
  public void nextBytes(byte[] bytes) {
    rng.nextBytes(bytes);
  }

  @Override
  public int nextInt() {
    return rng.nextInt();
  }

  @Override
  public int nextInt(int n) {
    return rng.nextInt(n);
  }

  @Override
  public long nextLong() {
    return rng.nextLong();
  }

  @Override
  public boolean nextBoolean() {
    return rng.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return rng.nextFloat();
  }

  @Override
  public double nextDouble() {
    return rng.nextDouble();
  }

  @Override
  public double nextGaussian() {
    return rng.nextGaussian();
  }
}
