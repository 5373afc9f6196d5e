package io.github.goroutines.junit;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ProfileParseException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A service's goroutine profile over HTTP: each {@link #take()} is one snapshot. */
final class Endpoint {
  /** One client for every check: it keeps its connection to each service alive between polls. */
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int EXCERPT = 120;

  private final URI uri;

  Endpoint(URI uri) {
    this.uri = uri;
  }

  /**
   * The profile's URL: {@code /debug/pprof/goroutine} when the URL has no path, {@code debug=2}
   * when it has no {@code debug} parameter.
   */
  static URI normalize(String url, String source) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new ExtensionConfigurationException(source + " is not a URL: " + url, e);
    }
    if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())
        || u.getHost() == null) {
      throw new ExtensionConfigurationException(source + " is not an http(s) URL with a host: "
          + url);
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")
        ? "/debug/pprof/goroutine" : u.getRawPath();
    String query = u.getRawQuery();
    boolean hasDebug = query != null && ("&" + query).contains("&debug=");
    query = hasDebug ? query : (query == null || query.isEmpty() ? "" : query + "&") + "debug=2";
    return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path + "?" + query);
  }

  /**
   * Takes a snapshot.
   *
   * @throws IllegalStateException when the service cannot be reached, answers other than 200, or
   *     sends something that is not a goroutine profile
   */
  Snapshot take() throws IllegalStateException {
    HttpResponse<byte[]> response;
    try {
      response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("goroutine leak check: cannot take a snapshot of " + uri
          + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("goroutine leak check: interrupted while taking a snapshot "
          + "of " + uri, e);
    }
    byte[] body = response.body();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("goroutine leak check: cannot take a snapshot of " + uri
          + ": HTTP " + response.statusCode() + ": " + excerpt(body));
    }
    try {
      return new Snapshot(uri, body, GoroutineProfiles.parse(body));
    } catch (ProfileParseException e) {
      String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
      throw new IllegalStateException("goroutine leak check: " + uri + " sent no goroutine "
          + "profile (" + type + ", " + body.length + " bytes: " + excerpt(body) + "): "
          + e.getMessage(), e);
    }
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
        .strip().replaceAll("\\s+", " ");
    StringBuilder sb = new StringBuilder();
    text.codePoints().limit(EXCERPT).forEach(c -> sb.appendCodePoint(
        Character.isISOControl(c) ? '?' : c));
    return "\"" + sb + (text.codePointCount(0, text.length()) > EXCERPT ? "…" : "") + "\"";
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
