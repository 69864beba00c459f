package org.caseload.core.allocation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Worker;

/**
 * Every worker's load, in weighted cases, keyed by worker id in the organisation's order of
 * workers: an unmodifiable map over the array a plan computes anyway, looked up through the
 * organisation's index of workers, instead of a hash map of every worker built for each plan (the
 * larger part of the work of a plan for a few cases in a large organisation).
 */
final class WorkerLoads extends AbstractMap<String, Double> {
  private final Organisation organisation;
  private final List<Worker> workers;
  private final double[] load;
  private final Set<Map.Entry<String, Double>> entries = new Entries();

  /**
   * @param organisation the organisation whose workers these are
   * @param load each worker's load, in the order of its workers (owned by this map from now on)
   */
  WorkerLoads(Organisation organisation, double[] load) {
    this.organisation = organisation;
    this.workers = organisation.workers();
    this.load = load;
  }

  @Override
  public int size() {
    return load.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String id && organisation.indexOf(id) >= 0;
  }

  @Override
  public Double get(Object key) {
    int w = key instanceof String id ? organisation.indexOf(id) : -1;
    return w < 0 ? null : load[w];
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return entries;
  }

  /** The entries, in the order of the workers. */
  private final class Entries extends AbstractSet<Map.Entry<String, Double>> {
    @Override
    public int size() {
      return load.length;
    }

    @Override
    public Iterator<Map.Entry<String, Double>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < load.length;
        }

        @Override
        public Map.Entry<String, Double> next() {
          if (next >= load.length) {
            throw new NoSuchElementException();
          }
          int w = next++;
          return new AbstractMap.SimpleImmutableEntry<>(workers.get(w).id(), load[w]);
        }
      };
    }
  }
}
