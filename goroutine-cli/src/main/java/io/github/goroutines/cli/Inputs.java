package io.github.goroutines.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens an input: a file, {@code -} for standard input, or an http(s) URL. Failures are
 * {@link Failure}s: exit code 1 for a file that cannot be opened, 3 for a URL.
 */
final class Inputs {
  private final InputStream stdin;
  private final Duration timeout;

  Inputs(InputStream stdin, Duration timeout) {
    this.stdin = stdin;
    this.timeout = timeout;
  }

  static boolean isUrl(String input) {
    return input.startsWith("http://") || input.startsWith("https://");
  }

  /**
   * Opens an input for reading; the caller closes it (closing standard input's stream leaves
   * standard input open). The size limit applies where it is parsed.
   */
  InputStream open(String input) {
    if (input.equals("-")) {
      return new FilterInputStream(stdin) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    if (isUrl(input)) {
      return fetch(input);
    }
    try {
      return Files.newInputStream(Path.of(input));
    } catch (NoSuchFileException e) {
      throw new Failure("no such file: " + input, ExitCode.USAGE);
    } catch (IOException | InvalidPathException e) {
      throw new Failure("cannot read " + input + ": " + e.getMessage(), ExitCode.USAGE);
    }
  }

  /** The body of a 200 answer that is not an HTML page, as it arrives. */
  private InputStream fetch(String url) {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new Failure("not a valid URL: " + url, ExitCode.FETCH);
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("cannot connect to " + hostPort(uri) + ": timed out after "
          + human(timeout), ExitCode.FETCH);
    } catch (HttpTimeoutException e) {
      throw new Failure("no answer from " + url + " within " + human(timeout)
          + " (raise --timeout)", ExitCode.FETCH);
    } catch (ConnectException e) {
      throw new Failure("cannot connect to " + hostPort(uri) + ": connection refused "
          + "(is the service running, and net/http/pprof imported?)", ExitCode.FETCH);
    } catch (IOException e) {
      throw new Failure("cannot fetch " + url + ": " + e, ExitCode.FETCH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while fetching " + url, ExitCode.FETCH);
    }
    BufferedInputStream body = new BufferedInputStream(response.body());
    byte[] head;
    try {
      body.mark(HEAD);
      head = body.readNBytes(HEAD);
      body.reset();
    } catch (IOException e) {
      throw new Failure("the answer of " + url + " was cut short: " + e.getMessage(), ExitCode.FETCH);
    }
    if (response.statusCode() != 200) {
      close(body);
      throw new Failure("HTTP " + response.statusCode() + " from " + url + ": " + firstLine(head),
          ExitCode.FETCH);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.startsWith("text/html") || startsWithTag(head)) {
      close(body);
      throw new Failure(url + " answered with an HTML page, not a goroutine profile "
          + "(the endpoint is /debug/pprof/goroutine, with ?debug=1 or ?debug=2 for text)",
          ExitCode.FETCH);
    }
    return body;
  }

  private static final int HEAD = 200;

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // the failure being reported matters more
    }
  }

  /** "500 ms", "30 s". */
  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String hostPort(URI uri) {
    return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
  }

  private static boolean startsWithTag(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(java.util.Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  private static String firstLine(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    int nl = text.indexOf('\n');
    return text.isEmpty() ? "(empty body)" : nl < 0 ? text : text.substring(0, nl);
  }
}
