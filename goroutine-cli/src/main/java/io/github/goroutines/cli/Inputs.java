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

/** Reads an input: a file, {@code -} for standard input, or an http(s) URL. */
final class Inputs {
  /** A fetch or read failure; exit code 3 for URLs, 1 for files. */
  static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean fetch;

    InputException(String message, boolean fetch) {
      super(message);
      this.fetch = fetch;
    }
  }

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

  byte[] read(String input) throws InputException {
    if (input.equals("-")) {
      return bounded(stdin, "standard input", false);
    }
    if (isUrl(input)) {
      return fetch(input);
    }
    Path path = Path.of(input);
    try (InputStream in = Files.newInputStream(path)) {
      return bounded(in, input, false);
    } catch (NoSuchFileException e) {
      throw new InputException("no such file: " + input, false);
    } catch (IOException e) {
      throw new InputException("cannot read " + input + ": " + e.getMessage(), false);
    }
  }

  private byte[] fetch(String url) throws InputException {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InputException("not a valid URL: " + url, true);
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new InputException("cannot connect to " + hostPort(uri) + ": timed out after "
          + timeout.toSeconds() + " s", true);
    } catch (HttpTimeoutException e) {
      throw new InputException("no answer from " + url + " within " + timeout.toSeconds()
          + " s (raise --timeout)", true);
    } catch (ConnectException e) {
      throw new InputException("cannot connect to " + hostPort(uri) + ": connection refused "
          + "(is the service running, and net/http/pprof imported?)", true);
    } catch (IOException e) {
      throw new InputException("cannot fetch " + url + ": " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted while fetching " + url, true);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new InputException("the answer of " + url + " was cut short: " + e.getMessage(), true);
    }
    if (body.length > maxBytes) {
      throw new InputException(url + " answered more than " + maxBytes
          + " bytes (raise --max-bytes)", true);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200) {
      throw new InputException("HTTP " + response.statusCode() + " from " + url + ": "
          + firstLine(body), true);
    }
    if (type.startsWith("text/html") || startsWithTag(body)) {
      throw new InputException(url + " answered with an HTML page, not a goroutine profile "
          + "(the endpoint is /debug/pprof/goroutine, with ?debug=1 or ?debug=2 for text)", true);
    }
    return body;
  }

  private byte[] bounded(InputStream in, String name, boolean fetch) throws InputException {
    try {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (data.length > maxBytes) {
        throw new InputException(name + " is larger than " + maxBytes
            + " bytes (raise --max-bytes)", fetch);
      }
      return data;
    } catch (IOException e) {
      throw new InputException("cannot read " + name + ": " + e.getMessage(), fetch);
    }
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
