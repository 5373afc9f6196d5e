package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON schema goroutines/v1 (docs/json-schema.md) on real dumps. */
class JsonReportsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode read(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  @Test
  void profileOfADump() throws Exception {
    Profile p = GoroutineProfiles.parse(Fixtures.read("1.27", "later.debug2.txt"));
    JsonNode doc = read(JsonReports.profile(p));
    assertThat(doc.get("schema").asText()).isEqualTo("goroutines/v1");
    assertThat(doc.get("kind").asText()).isEqualTo("profile");
    assertThat(doc.get("format").asText()).isEqualTo("debug=2");
    assertThat(doc.get("totalCount").asLong()).isEqualTo(403);
    assertThat(doc.has("declaredTotal")).isFalse();
    assertThat(doc.get("diagnostics").get("skippedLines").asLong()).isZero();
    assertThat(doc.get("records")).hasSize(403);
    JsonNode ticker = null;
    for (JsonNode r : doc.get("records")) {
      for (JsonNode f : r.get("frames")) {
        if (f.get("function").asText().equals("main.ticker")) {
          ticker = r;
        }
      }
    }
    assertThat(ticker).isNotNull();
    assertThat(ticker.get("count").asLong()).isEqualTo(1);
    assertThat(ticker.get("state").asText()).isEqualTo("sync.WaitGroup.Wait");
    assertThat(ticker.get("stateClass").asText()).isEqualTo("WAIT_GROUP");
    assertThat(ticker.get("waitMinutes").asLong()).isEqualTo(1);
    assertThat(ticker.get("lockedToThread").asBoolean()).isFalse();
    assertThat(ticker.get("createdBy").get("function").asText()).isEqualTo("main.setup");
    assertThat(ticker.get("createdBy").get("goroutineId").asLong()).isEqualTo(1);
    assertThat(ticker.get("frames").get(0).get("file").asText()).isEqualTo("runtime/sema.go");
    JsonNode labelled = null;
    for (JsonNode r : doc.get("records")) {
      if (r.has("labels") && r.get("labels").has("user")) {
        labelled = r;
      }
    }
    assertThat(labelled.get("labels").get("req").get(0).asText()).isEqualTo("a \"q\" é\n\t");
    JsonNode deep = null;
    for (JsonNode r : doc.get("records")) {
      if (r.has("elided")) {
        deep = r;
      }
    }
    assertThat(deep.get("elided").get("frames").asInt()).isEqualTo(51);
    assertThat(deep.get("elided").get("at").asInt()).isEqualTo(50);
  }

  @Test
  void profileOfAProtobuf() throws Exception {
    Profile p = GoroutineProfiles.parse(Fixtures.read("1.23", "first.debug0.pb.gz"));
    JsonNode doc = read(JsonReports.profile(p));
    assertThat(doc.get("format").asText()).isEqualTo("debug=0");
    assertThat(doc.get("metadata").get("sampleTypes").get(0).asText()).isEqualTo("goroutine/count");
    assertThat(doc.get("metadata").get("timeNanos").asLong()).isEqualTo(p.metadata().timeNanos());
    long sum = 0;
    for (JsonNode r : doc.get("records")) {
      sum += r.get("count").asLong();
      assertThat(r.has("id")).isFalse();
    }
    assertThat(sum).isEqualTo(323);
  }

  @Test
  void groupsDiffAndSummary() throws Exception {
    Profile first = GoroutineProfiles.parse(Fixtures.read("1.23", "first.debug2.txt"));
    Profile later = GoroutineProfiles.parse(Fixtures.read("1.23", "later.debug2.txt"));
    JsonNode groups = read(JsonReports.groups(Groups.of(later, Grouping.firstUserFrame()), 3));
    assertThat(groups.get("grouping").asText()).isEqualTo("site");
    assertThat(groups.get("groups")).hasSize(3);
    JsonNode pool = groups.get("groups").get(0);
    assertThat(pool.get("count").asLong()).isEqualTo(150);
    assertThat(pool.get("waitMinutes").get("max").asLong()).isEqualTo(1);
    assertThat(pool.get("goroutineIds")).hasSize(150);
    JsonNode diff = read(JsonReports.diff(Diff.of(first, later, Grouping.firstUserFrame()), 5));
    assertThat(diff.get("totals").get(1).asLong()).isEqualTo(403);
    assertThat(diff.get("rows").get(0).get("delta").asLong()).isEqualTo(80);
    JsonNode summary = read(JsonReports.summary(Summary.of(List.of(first, later)), 5));
    assertThat(summary.get("totals").get(0).asLong()).isEqualTo(323);
    assertThat(summary.get("byState").get("MUTEX").asLong()).isEqualTo(152);
    assertThat(summary.get("byState").get("WAIT_GROUP").asLong()).isEqualTo(1);
    assertThat(summary.get("suspects").get(0).get("site").asText())
        .isEqualTo("main.handleRequest.func1 example.com/leaky/v2/main.go:87");
    JsonNode growth = summary.get("suspects").get(0).get("evidence").get(0);
    assertThat(growth.get("reason").asText()).isEqualTo("grew 40 -> 120 (+80) over 2 snapshots");
    assertThat(growth.get("points").asDouble()).isEqualTo(40.0);
  }
}
