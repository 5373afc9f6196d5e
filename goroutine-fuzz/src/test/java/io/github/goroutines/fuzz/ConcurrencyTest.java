package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.JsonReports;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Parsers and analysis called from 8 threads at once on different inputs give the results of a
 * single thread, and one parsed profile can be shared by threads.
 */
class ConcurrencyTest {
  static String render(Profile p) {
    return JsonReports.profile(p) + TextReports.summary(Summary.of(List.of(p)), 10);
  }

  @Test
  void eightThreadsAgreeWithOne() throws Exception {
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    for (String v : Fixtures.GO_VERSIONS) {
      for (String f : List.of("first.debug0.pb.gz", "later.debug1.txt", "later.debug2.txt",
          "crash.panic.txt")) {
        inputs.put(v + "/" + f, Fixtures.read(v, f));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    inputs.forEach((k, v) -> expected.put(k, render(GoroutineProfiles.parse(v))));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
          Callable<Void> task = () -> {
            assertThat(render(GoroutineProfiles.parse(e.getValue()))).as(e.getKey())
                .isEqualTo(expected.get(e.getKey()));
            return null;
          };
          results.add(pool.submit(task));
        }
      }
      for (Future<?> f : results) {
        f.get(); // an AssertionError of a task fails here, naming its input
      }
      Profile shared = GoroutineProfiles.parse(Fixtures.read("1.27", "later.debug2.txt"));
      Profile first = GoroutineProfiles.parse(Fixtures.read("1.27", "first.debug0.pb.gz"));
      String diff = TextReports.diff(Diff.of(first, shared, Grouping.firstUserFrame()), 20);
      List<Future<String>> same = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        same.add(pool.submit(() -> TextReports.diff(Diff.of(first, shared, Grouping.firstUserFrame()), 20)
            + render(shared)));
      }
      for (Future<String> f : same) {
        assertThat(f.get()).isEqualTo(diff + render(shared));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
