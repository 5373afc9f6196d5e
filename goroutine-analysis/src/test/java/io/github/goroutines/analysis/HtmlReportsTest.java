package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.testing.Fixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The page's layout and text, without a browser (HtmlBrowserIT opens it in one). */
class HtmlReportsTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  /** Every node is as wide as its goroutines, and its children fit in it, at every depth. */
  @ParameterizedTest
  @MethodSource("versions")
  void childrenFitTheirParentAndTheRootIsEveryGoroutine(String version) {
    Profile p = GoroutineProfiles.parse(Fixtures.read(version, "later.debug2.txt"));
    for (boolean fold : new boolean[] {false, true}) {
      HtmlReports.Node root = HtmlReports.tree(p, fold);
      assertThat(root.count).isEqualTo(p.totalCount());
      assertFits(root);
      List<String> rects = HtmlReports.rectangles(root, root.count, null);
      assertThat(rects).hasSize(nodes(root));
      // the rectangles of one depth never overlap and never pass the graph's width
      double[] end = new double[200];
      Pattern r = Pattern.compile("<rect x=\"([\\d.]+)\" y=\"(\\d+)\" width=\"([\\d.]+)\"");
      for (String g : rects) {
        Matcher m = r.matcher(g);
        assertThat(m.find()).isTrue();
        double x = Double.parseDouble(m.group(1));
        int depth = Integer.parseInt(m.group(2)) / HtmlReports.ROW;
        double w = Double.parseDouble(m.group(3));
        assertThat(x).isGreaterThanOrEqualTo(end[depth] - 0.011);
        end[depth] = x + w;
        assertThat(x + w).isLessThanOrEqualTo(HtmlReports.WIDTH + 0.011);
      }
    }
  }

  private static void assertFits(HtmlReports.Node node) {
    long sum = node.children.values().stream().mapToLong(c -> c.count).sum();
    assertThat(sum).isLessThanOrEqualTo(node.count);
    assertThat(node.states.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(node.count);
    node.children.values().forEach(HtmlReportsTest::assertFits);
  }

  private static int nodes(HtmlReports.Node node) {
    return 1 + node.children.values().stream().mapToInt(HtmlReportsTest::nodes).sum();
  }

  @Test
  void eachStateHasItsColourAndEachRectangleItsStatesColour() {
    Set<String> colours = new HashSet<>();
    for (StateClass s : StateClass.values()) {
      colours.add(HtmlReports.colour(s));
    }
    assertThat(colours).hasSize(StateClass.values().length);
    Profile p = GoroutineProfiles.parse(Fixtures.read("1.27", "later.debug2.txt"));
    String page = HtmlReports.of(Summary.of(List.of(p)), 10);
    // the workers wait in chan receive; the pool workers on a mutex
    assertThat(page).containsPattern("data-fn=\"main.worker\"[^>]*><rect [^>]*fill=\""
        + HtmlReports.colour(StateClass.CHAN_RECEIVE) + "\"");
    assertThat(page).containsPattern("data-fn=\"main.poolWorker\"[^>]*><rect [^>]*fill=\""
        + HtmlReports.colour(StateClass.MUTEX) + "\"");
  }

  @Test
  void namesAndLabelsAreEscapedAndThePageNeedsNoNetwork() {
    Stack stack = Stack.of(List.of(Frame.of("main.<b>x</b>", "/a\"b.go", 3),
        Frame.of("main.main", "/m.go", 1)));
    Labels labels = Labels.of(List.of(Label.of("user", "</script><script>alert(1)</script>")));
    Profile p = Profile.builder(ProfileFormat.DEBUG1).add(Sample.of(2, stack, labels)).build();
    String page = HtmlReports.of(Summary.of(List.of(p)), 10);
    assertThat(page).doesNotContain("<b>x</b>").doesNotContain("alert(1)</script>")
        .contains("main.&lt;b&gt;x&lt;/b&gt;").contains("/a&quot;b.go:3")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.indexOf("<script>")).isEqualTo(page.lastIndexOf("<script>"));
    assertThat(page).contains("Content-Security-Policy\" content=\"default-src 'none';")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//");
  }

  @Test
  void theSizeDependsOnStacksNotGoroutines() {
    Profile p = GoroutineProfiles.parse(Fixtures.read("1.27", "later.debug2.txt"));
    Stack s = p.samples().get(5).stack();
    Profile few = Profile.builder(ProfileFormat.PROTO).add(Sample.of(10, s, Labels.empty()))
        .build();
    Profile many = Profile.builder(ProfileFormat.PROTO)
        .add(Sample.of(1_000_000, s, Labels.empty())).build();
    int small = HtmlReports.of(Summary.of(List.of(few)), 10).length();
    int large = HtmlReports.of(Summary.of(List.of(many)), 10).length();
    assertThat(large - small).isLessThan(200);
  }
}
