package io.github.goroutines.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.goroutines.model.Ancestor;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Mapping;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileMetadata;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.Traceback;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.model.ValueType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * JSON output in the documented, versioned schema {@value #SCHEMA} (see {@code docs/json-schema.md}):
 * a profile with its records, groups, a diff, or the leak-hunting summary. Fields come in a fixed
 * order and are written with Jackson's streaming generator, so the model needs no annotations and
 * output is deterministic.
 *
 * <pre>{@code
 * String json = JsonReports.profile(profile);
 * JsonReports.groups(Groups.of(profile, Grouping.firstUserFrame()), writer);
 * }</pre>
 *
 * <p>Goroutine ids are unsigned 64-bit numbers and are written as JSON numbers. Thread-safe.
 */
public final class JsonReports {
  /** The schema identifier written as {@code "schema"} in every document. */
  public static final String SCHEMA = "goroutines/v1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReports() {}

  /** Writes one document. */
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static void document(Writer out, String kind, Body body) {
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("kind", kind);
      body.write(g);
      g.writeEndObject();
      g.flush();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String string(java.util.function.Consumer<Writer> write) {
    StringWriter w = new StringWriter();
    write.accept(w);
    return w.toString();
  }

  /**
   * Writes a profile with every record (kind {@code profile}).
   *
   * @param profile the profile
   * @param out where to write; not closed
   */
  public static void profile(Profile profile, Writer out) {
    document(out, "profile", g -> {
      g.writeStringField("format", profile.format().displayName());
      g.writeStringField("type", profile.type());
      g.writeNumberField("totalCount", profile.totalCount());
      optional(g, "declaredTotal", profile.declaredTotal());
      metadata(g, profile.metadata());
      diagnostics(g, profile.diagnostics());
      crash(g, profile);
      g.writeArrayFieldStart("records");
      for (Sample s : profile.samples()) {
        record(g, s);
      }
      g.writeEndArray();
    });
  }

  /**
   * Returns {@link #profile(Profile, Writer)} as a string.
   *
   * @param profile the profile
   * @return the JSON text
   */
  public static String profile(Profile profile) {
    return string(w -> profile(profile, w));
  }

  /**
   * Writes ranked groups (kind {@code groups}).
   *
   * @param groups the groups
   * @param limit the most groups written
   * @param out where to write; not closed
   */
  public static void groups(Groups groups, int limit, Writer out) {
    document(out, "groups", g -> {
      g.writeStringField("grouping", groups.grouping().name());
      g.writeNumberField("total", groups.total());
      g.writeNumberField("groupCount", groups.list().size());
      g.writeArrayFieldStart("groups");
      for (Group group : groups.top(limit)) {
        group(g, group);
      }
      g.writeEndArray();
    });
  }

  /**
   * Returns {@link #groups(Groups, int, Writer)} as a string.
   *
   * @param groups the groups
   * @param limit the most groups written
   * @return the JSON text
   */
  public static String groups(Groups groups, int limit) {
    return string(w -> groups(groups, limit, w));
  }

  /**
   * Writes a diff (kind {@code diff}).
   *
   * @param diff the diff
   * @param limit the most rows written
   * @param out where to write; not closed
   */
  public static void diff(Diff diff, int limit, Writer out) {
    document(out, "diff", g -> {
      g.writeStringField("grouping", diff.grouping().name());
      g.writeArrayFieldStart("totals");
      for (long t : diff.totals()) {
        g.writeNumber(t);
      }
      g.writeEndArray();
      if (diff.elapsed().isPresent()) {
        g.writeNumberField("elapsedSeconds", diff.elapsed().get().toMillis() / 1000.0);
      }
      g.writeBooleanField("reordered", diff.reordered());
      g.writeArrayFieldStart("rows");
      for (Diff.Row r : diff.rows().subList(0, Math.min(limit, diff.rows().size()))) {
        g.writeStartObject();
        g.writeStringField("key", r.key());
        g.writeArrayFieldStart("counts");
        for (long c : r.counts()) {
          g.writeNumber(c);
        }
        g.writeEndArray();
        g.writeNumberField("delta", r.delta());
        g.writeBooleanField("new", r.isNew());
        g.writeBooleanField("gone", r.isGone());
        if (diff.ratePerSecond(r).isPresent()) {
          g.writeNumberField("perSecond", Math.round(diff.ratePerSecond(r).getAsDouble() * 1e4) / 1e4);
        }
        frames(g, "stack", r.representative());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /**
   * Returns {@link #diff(Diff, int, Writer)} as a string.
   *
   * @param diff the diff
   * @param limit the most rows written
   * @return the JSON text
   */
  public static String diff(Diff diff, int limit) {
    return string(w -> diff(diff, limit, w));
  }

  /**
   * Writes the leak-hunting summary (kind {@code summary}): totals, goroutines by state class, top
   * sites and leak suspects.
   *
   * @param summary the computed summary
   * @param limit the most sites and suspects written
   * @param out where to write; not closed
   */
  public static void summary(Summary summary, int limit, Writer out) {
    Profile p = summary.latest();
    document(out, "summary", g -> {
      g.writeStringField("format", p.format().displayName());
      g.writeStringField("type", p.type());
      g.writeArrayFieldStart("totals");
      for (long total : summary.totals()) {
        g.writeNumber(total);
      }
      g.writeEndArray();
      if (summary.elapsed().isPresent()) {
        g.writeNumberField("elapsedSeconds", summary.elapsed().get().toMillis() / 1000.0);
      }
      g.writeBooleanField("reordered", summary.reordered());
      g.writeNumberField("ignored", summary.ignoredCount());
      g.writeBooleanField("deltaProfile", summary.isDelta());
      crash(g, p);
      g.writeObjectFieldStart("byState");
      for (Map.Entry<StateClass, Long> e : summary.byState().entrySet()) {
        g.writeNumberField(e.getKey().name(), e.getValue());
      }
      g.writeEndObject();
      g.writeStringField("grouping", summary.sites().grouping().name());
      g.writeArrayFieldStart("sites");
      for (Group group : summary.sites().top(limit)) {
        group(g, group);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("waiters");
      for (Group group : summary.waiters()) {
        group(g, group);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("suspects");
      List<Suspect> suspects = summary.suspects();
      for (Suspect s : suspects.subList(0, Math.min(limit, suspects.size()))) {
        g.writeStartObject();
        g.writeStringField("site", s.site());
        g.writeStringField("stateClass", s.stateClass().name());
        g.writeNumberField("count", s.count());
        g.writeNumberField("share", s.share());
        g.writeNumberField("score", s.score());
        g.writeArrayFieldStart("evidence");
        for (Suspect.Evidence e : s.evidence()) {
          g.writeStartObject();
          g.writeStringField("kind", e.kind().name());
          g.writeStringField("reason", e.reason());
          g.writeNumberField("points", Math.round(e.points() * 10) / 10.0);
          g.writeEndObject();
        }
        g.writeEndArray();
        creators(g, s.creators());
        frames(g, "stack", s.representative());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /**
   * Returns {@link #summary(Summary, int, Writer)} as a string.
   *
   * @param summary the computed summary
   * @param limit the most sites and suspects written
   * @return the JSON document
   */
  public static String summary(Summary summary, int limit) {
    return string(w -> summary(summary, limit, w));
  }

  private static void group(JsonGenerator g, Group group) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", group.key());
    g.writeNumberField("count", group.count());
    g.writeNumberField("share", group.share());
    if (group.waitCount() > 0) {
      g.writeObjectFieldStart("waitMinutes");
      g.writeNumberField("min", group.minWaitMinutes().getAsLong());
      g.writeNumberField("median", group.medianWaitMinutes().getAsLong());
      g.writeNumberField("max", group.maxWaitMinutes().getAsLong());
      g.writeNumberField("printedBy", group.waitCount());
      g.writeEndObject();
    }
    List<Long> ids = group.goroutineIds();
    if (!ids.isEmpty()) {
      g.writeArrayFieldStart("goroutineIds");
      for (long id : ids) {
        unsigned(g, id);
      }
      g.writeEndArray();
    }
    creators(g, group.creators());
    frames(g, "stack", group.representative());
    g.writeEndObject();
  }

  /** {@code crash: {lines, goroutineId?}}, left out when the dump is no crash's. */
  private static void crash(JsonGenerator g, Profile p) throws IOException {
    if (p.crash().isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("crash");
    g.writeArrayFieldStart("lines");
    for (String line : p.crash().get().lines()) {
      g.writeString(line);
    }
    g.writeEndArray();
    if (p.crash().get().goroutineId().isPresent()) {
      g.writeFieldName("goroutineId");
      unsigned(g, p.crash().get().goroutineId().getAsLong());
    }
    g.writeEndObject();
  }

  /** {@code creators: [{site, count}]}, left out when the format prints no creators. */
  private static void creators(JsonGenerator g, List<Group.Creator> creators) throws IOException {
    if (creators.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("creators");
    for (Group.Creator c : creators) {
      g.writeStartObject();
      g.writeStringField("site", c.site());
      g.writeNumberField("count", c.count());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void record(JsonGenerator g, Sample s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("count", s.count());
    if (s.goroutine().isPresent()) {
      Goroutine r = s.goroutine().get();
      if (r.idKnown()) {
        g.writeFieldName("id");
        unsigned(g, r.id());
      }
      g.writeStringField("state", r.state());
      g.writeStringField("stateClass", r.stateClass().name());
      optional(g, "waitMinutes", r.waitMinutes());
      g.writeBooleanField("lockedToThread", r.lockedToThread());
      if (r.leaked()) {
        g.writeBooleanField("leaked", true);
      }
      if (r.durable()) {
        g.writeBooleanField("durable", true);
      }
      if (r.scanning()) {
        g.writeBooleanField("scanning", true);
      }
      optional(g, "synctestBubble", r.synctestBubble());
      optional(g, "synctestGroup", r.synctestGroup());
      if (r.stackUnavailable()) {
        g.writeBooleanField("stackUnavailable", true);
      }
      if (r.incomplete()) {
        g.writeBooleanField("incomplete", true);
      }
    }
    labels(g, s.labels());
    frames(g, "frames", s.stack());
    elided(g, s.stack());
    long[] addresses = s.addresses().toArray();
    if (addresses.length > 0) {
      g.writeArrayFieldStart("addresses");
      for (long a : addresses) {
        g.writeString("0x" + Long.toHexString(a));
      }
      g.writeEndArray();
    }
    if (s.goroutine().isPresent()) {
      Goroutine r = s.goroutine().get();
      if (r.createdBy().isPresent()) {
        g.writeFieldName("createdBy");
        frame(g, r.createdBy().get(), r.creatorId());
      }
      if (!r.ancestors().isEmpty()) {
        g.writeArrayFieldStart("ancestors");
        for (Ancestor a : r.ancestors()) {
          g.writeStartObject();
          g.writeFieldName("goroutineId");
          unsigned(g, a.goroutineId());
          frames(g, "frames", a.stack());
          if (a.createdBy().isPresent()) {
            g.writeFieldName("createdBy");
            frame(g, a.createdBy().get(), OptionalLong.empty());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      traceback(g, r.traceback());
    }
    g.writeEndObject();
  }

  private static void traceback(JsonGenerator g, Traceback t) throws IOException {
    if (!t.headerFields().isEmpty()) {
      g.writeObjectFieldStart("headerFields");
      for (Map.Entry<String, String> e : t.headerFields().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    strings(g, "otherStateItems", t.otherStateItems());
    if (t.arguments().stream().anyMatch(a -> !a.isEmpty())) {
      strings(g, "arguments", t.arguments());
    }
    if (t.frameExtras().stream().anyMatch(a -> !a.isEmpty())) {
      strings(g, "frameExtras", t.frameExtras());
    }
    if (t.headerLine() > 0) {
      g.writeNumberField("headerLine", t.headerLine());
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void labels(JsonGenerator g, Labels labels) throws IOException {
    if (labels.isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("labels");
    String open = null;
    for (Label l : labels.list()) {
      if (!l.key().equals(open)) {
        if (open != null) {
          g.writeEndArray();
        }
        g.writeArrayFieldStart(l.key());
        open = l.key();
      }
      if (l.numeric()) {
        g.writeStartObject();
        g.writeNumberField("number", l.number());
        g.writeStringField("unit", l.unit());
        g.writeEndObject();
      } else {
        g.writeString(l.value());
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void frames(JsonGenerator g, String field, Stack stack) throws IOException {
    g.writeArrayFieldStart(field);
    for (Frame f : stack.frames()) {
      frame(g, f, OptionalLong.empty());
    }
    g.writeEndArray();
  }

  private static void elided(JsonGenerator g, Stack stack) throws IOException {
    if (stack.elided()) {
      g.writeObjectFieldStart("elided");
      g.writeNumberField("at", stack.elisionIndex().getAsInt());
      if (stack.elidedFrames().isPresent()) {
        g.writeNumberField("frames", stack.elidedFrames().getAsInt());
      }
      g.writeEndObject();
    }
  }

  private static void frame(JsonGenerator g, Frame f, OptionalLong goroutineId) throws IOException {
    g.writeStartObject();
    g.writeStringField("function", f.function());
    g.writeStringField("file", f.file());
    g.writeNumberField("line", f.line());
    if (f.inlined()) {
      g.writeBooleanField("inlined", true);
    }
    if (f.pc().isPresent()) {
      g.writeStringField("pc", "0x" + Long.toHexString(f.pc().getAsLong()));
    }
    if (f.entryOffset().isPresent()) {
      g.writeStringField("entryOffset", "0x" + Long.toHexString(f.entryOffset().getAsLong()));
    }
    if (goroutineId.isPresent()) {
      g.writeFieldName("goroutineId");
      unsigned(g, goroutineId.getAsLong());
    }
    g.writeEndObject();
  }

  private static void metadata(JsonGenerator g, ProfileMetadata m) throws IOException {
    if (m.equals(ProfileMetadata.empty())) {
      return;
    }
    g.writeObjectFieldStart("metadata");
    g.writeArrayFieldStart("sampleTypes");
    for (ValueType t : m.sampleTypes()) {
      g.writeString(t.toString());
    }
    g.writeEndArray();
    if (!m.periodType().isNone()) {
      g.writeStringField("periodType", m.periodType().toString());
    }
    g.writeNumberField("period", m.period());
    g.writeNumberField("timeNanos", m.timeNanos());
    g.writeNumberField("durationNanos", m.durationNanos());
    if (!m.comments().isEmpty()) {
      g.writeArrayFieldStart("comments");
      for (String c : m.comments()) {
        g.writeString(c);
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("mappings");
    for (Mapping map : m.mappings()) {
      g.writeStartObject();
      g.writeNumberField("id", map.id());
      g.writeStringField("filename", map.filename());
      g.writeStringField("buildId", map.buildId());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void diagnostics(JsonGenerator g, Diagnostics d) throws IOException {
    g.writeObjectFieldStart("diagnostics");
    g.writeNumberField("skippedLines", d.skippedLines());
    g.writeArrayFieldStart("firstSkippedLines");
    for (long l : d.firstSkippedLines()) {
      g.writeNumber(l);
    }
    g.writeEndArray();
    g.writeNumberField("incompleteBlocks", d.incompleteBlocks());
    g.writeArrayFieldStart("problems");
    for (String p : d.problems()) {
      g.writeString(p);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, OptionalLong v) throws IOException {
    if (v.isPresent()) {
      g.writeNumberField(field, v.getAsLong());
    }
  }

  private static void unsigned(JsonGenerator g, long v) throws IOException {
    if (v >= 0) {
      g.writeNumber(v);
    } else {
      g.writeNumber(new BigInteger(Long.toUnsignedString(v)));
    }
  }
}
