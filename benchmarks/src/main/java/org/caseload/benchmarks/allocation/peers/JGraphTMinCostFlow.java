package org.caseload.benchmarks.allocation.peers;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.benchmarks.allocation.AllocationModel;
import org.caseload.benchmarks.allocation.Answer;
import org.caseload.benchmarks.allocation.Contender;
import org.caseload.benchmarks.allocation.FlowNetwork;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * JGraphT's capacity-scaling min-cost flow on the equal-weight version: exact, with the costs as
 * doubles (no scaling). Same network as {@link OrToolsMinCostFlow}; a multigraph, since a worker
 * has one parallel unit arc to the sink per free place.
 *
 * <p>The costs are set as edge weights: {@code CapacityScalingMinimumCostFlow} ignores the arc cost
 * function of {@code MinimumCostFlowProblem} and reads the graph's edge weights (JGraphT issues
 * 1139 and 1150, open for 1.5.3); given only the function, it silently solves with every cost 1.
 */
public final class JGraphTMinCostFlow implements Contender {

  @Override
  public String name() {
    return "jgrapht mcf";
  }

  @Override
  public boolean accepts(AllocationModel model) {
    return model.isUnitWeight();
  }

  @Override
  public Answer solve(AllocationModel model) {
    FlowNetwork net = new FlowNetwork(model);
    Graph<Integer, Integer> g = new DirectedWeightedMultigraph<>(null, null);
    for (int v = 0; v < net.nodeCount(); v++) {
      g.addVertex(v);
    }
    for (int a = 0; a < net.arcs(); a++) {
      g.addEdge(net.tail(a), net.head(a), a);
      g.setEdgeWeight(a, net.cost(a));
    }
    MinimumCostFlowProblem<Integer, Integer> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(g,
        net::supply, net::capacity, e -> 0, net::cost);
    MinimumCostFlowAlgorithm.MinimumCostFlow<Integer> flow =
        new CapacityScalingMinimumCostFlow<Integer, Integer>().getMinimumCostFlow(problem);
    Map<Integer, Double> byArc = flow.getFlowMap();
    long[] f = new long[net.arcs()];
    for (int a = 0; a < f.length; a++) {
      f[a] = Math.round(byArc.getOrDefault(a, 0.0));
    }
    return new Answer(net.assignment(f), OptionalDouble.empty(), true, List.of(), flow);
  }
}
