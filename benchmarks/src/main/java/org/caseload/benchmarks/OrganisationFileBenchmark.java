package org.caseload.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.caseload.core.capacity.CapacityReport;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.Organisation;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long it takes to load an organisation file and to build its capacity report, on the
 * generated instance families of DESIGN.md. Targets for {@code NATIONAL} (30,000 workers,
 * 400,000 cases): load under 5 s, report under 2 s, all within a 1 GiB heap — so each fork runs
 * with {@code -Xmx1g}, and a run that needed more would fail with OutOfMemoryError.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class OrganisationFileBenchmark {

  /** A JSON file of a generated organisation, written once per trial. */
  @State(Scope.Benchmark)
  public static class File {
    @Param({"LA_M", "NATIONAL"})
    public InstanceFamily family;

    Path path;

    @Setup(Level.Trial)
    public void write() throws IOException {
      path = Files.createTempFile("caseload-" + family, ".json");
      OrganisationFiles.save(SyntheticOrganisations.generate(family, 1L), path);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(path);
    }
  }

  /** A generated organisation held in memory. */
  @State(Scope.Benchmark)
  public static class InMemory {
    @Param({"LA_M", "NATIONAL"})
    public InstanceFamily family;

    Organisation organisation;

    @Setup(Level.Trial)
    public void generate() {
      organisation = SyntheticOrganisations.generate(family, 1L);
    }
  }

  /** Reads and validates the whole file. */
  @Benchmark
  public Organisation loadJson(File file) {
    return OrganisationFiles.load(file.path);
  }

  /** Builds the capacity report of every service and team. */
  @Benchmark
  public CapacityReport capacityReport(InMemory in) {
    return CapacityReport.of(in.organisation);
  }
}
