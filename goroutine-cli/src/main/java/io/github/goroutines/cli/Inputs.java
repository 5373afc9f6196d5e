package io.github.goroutines.cli;

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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads an input: a file, {@code -} for standard input, or an http(s) URL. Failures are
 * {@link Failure}s: exit code 1 for a file that cannot be read, 3 for a URL.
 */
final class Inputs {
  private final InputStream stdin;
  private final Duration timeout;
  private final long maxBytes;

  Inputs(InputStream stdin, Duration timeout, long maxBytes) {
    this.stdin = stdin;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  static boolean isUrl(String input) {
    return input.startsWith("http://") || input.startsWith("https://");
  }

  byte[] read(String input) {
    if (input.equals("-")) {
      return bounded(stdin, "standard input");
    }
    if (isUrl(input)) {
      return fetch(input);
    }
    Path path = Path.of(input);
    try (InputStream in = Files.newInputStream(path)) {
      return bounded(in, input);
    } catch (NoSuchFileException e) {
      throw new Failure("no such file: " + input, ExitCode.USAGE);
    } catch (IOException e) {
      throw new Failure("cannot read " + input + ": " + e.getMessage(), ExitCode.USAGE);
    }
  }

  private byte[] fetch(String url) {
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
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new Failure("the answer of " + url + " was cut short: " + e.getMessage(), ExitCode.FETCH);
    }
    if (body.length > maxBytes) {
      throw new Failure(url + " answered more than " + maxBytes
          + " bytes (raise --max-bytes)", ExitCode.FETCH);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200) {
      throw new Failure("HTTP " + response.statusCode() + " from " + url + ": "
          + firstLine(body), ExitCode.FETCH);
    }
    if (type.startsWith("text/html") || startsWithTag(body)) {
      throw new Failure(url + " answered with an HTML page, not a goroutine profile "
          + "(the endpoint is /debug/pprof/goroutine, with ?debug=1 or ?debug=2 for text)", ExitCode.FETCH);
    }
    return body;
  }

  private byte[] bounded(InputStream in, String name) {
    try {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (data.length > maxBytes) {
        throw new Failure(name + " is larger than " + maxBytes + " bytes (raise --max-bytes)",
            ExitCode.INPUT);
      }
      return data;
    } catch (IOException e) {
      throw new Failure("cannot read " + name + ": " + e.getMessage(), ExitCode.USAGE);
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
