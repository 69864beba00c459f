package org.caseload.benchmarks.allocation.peers;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import org.caseload.benchmarks.allocation.AllocationModel;
import org.caseload.benchmarks.allocation.Answer;
import org.caseload.benchmarks.allocation.Contender;
import org.caseload.benchmarks.allocation.FlowNetwork;

/**
 * Google OR-Tools' min-cost flow ({@code SimpleMinCostFlow}, as {@code MinCostFlow} in Java) on
 * the equal-weight version: exact, with costs as integers (objective × 10⁶, rounded: see
 * {@link FlowNetwork#COST_SCALE}). The time includes building the network, as ours includes
 * compiling the request.
 */
public final class OrToolsMinCostFlow implements Contender {

  static {
    Loader.loadNativeLibraries();
  }

  @Override
  public String name() {
    return "or-tools mcf";
  }

  @Override
  public boolean accepts(AllocationModel model) {
    return model.isUnitWeight();
  }

  @Override
  public Answer solve(AllocationModel model) {
    FlowNetwork net = new FlowNetwork(model);
    MinCostFlow flow = new MinCostFlow(net.nodeCount(), net.arcs());
    try {
      for (int a = 0; a < net.arcs(); a++) {
        flow.addArcWithCapacityAndUnitCost(net.tail(a), net.head(a), net.capacity(a), net.scaledCost(a));
      }
      for (int v = 0; v < net.nodeCount(); v++) {
        if (net.supply(v) != 0) {
          flow.setNodeSupply(v, net.supply(v));
        }
      }
      MinCostFlowBase.Status status = flow.solve();
      if (status != MinCostFlowBase.Status.OPTIMAL) {
        throw new IllegalStateException("OR-Tools min-cost flow ended with status " + status + " on " + net);
      }
      long[] f = new long[net.arcs()];
      for (int a = 0; a < f.length; a++) {
        f[a] = flow.getFlow(a);
      }
      return new Answer(net.assignment(f), java.util.OptionalDouble.empty(), true, java.util.List.of(), net);
    } finally {
      flow.delete();
    }
  }
}
