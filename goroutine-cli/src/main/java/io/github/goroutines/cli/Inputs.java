package io.github.goroutines.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input: a file, {@code -} for standard input, or an http(s) URL. Failures are
 * {@link Failure}s: exit code 1 for a file that cannot be opened, 3 for a URL.
 *
 * <p>A URL is fetched within {@code --timeout} as a whole: connecting, the answer's headers and its
 * last byte. Credentials in it ({@code https://user:password@host/…}) are sent as HTTP Basic
 * authentication to that host only (not after a redirect to another) and are never printed: every
 * message shows the URL as {@link #redact(String)} makes it.
 */
final class Inputs {
  private static final int MAX_REDIRECTS = 10;
  private static final int HEAD = 200;
  /** user:password@ in an http(s) URL, wherever it stands in a message. */
  private static final Pattern PASSWORD = Pattern.compile("(?i)(https?://[^\\s/@:]*):[^\\s/@]*@");
  /** Closes bodies whose time is up; its thread is a daemon. */
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-deadline");
        t.setDaemon(true);
        return t;
      });

  private final InputStream stdin;
  private final Duration timeout;

  Inputs(InputStream stdin, Duration timeout) {
    this.stdin = stdin;
    this.timeout = timeout;
  }

  static boolean isUrl(String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /**
   * The text with the password of every http(s) URL in it replaced: {@code
   * https://alice:***@host/}.
   *
   * @param text a URL or a message
   * @return the text, safe to print
   */
  static String redact(String text) {
    return PASSWORD.matcher(text).replaceAll("$1:***@");
  }

  /**
   * The file an input names, when it is a regular file that can be read in parts (not standard
   * input, a URL, a pipe or a device).
   *
   * @return the file, or null
   */
  Path file(String input) {
    if (input.equals("-") || isUrl(input)) {
      return null;
    }
    try {
      Path p = Path.of(input);
      return Files.isRegularFile(p) && Files.isReadable(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
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

  /** The body of a 200 answer that is not an HTML page, as it arrives, until the deadline. */
  private InputStream fetch(String url) {
    String shown = redact(url);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Failure("not a valid URL: " + shown, ExitCode.FETCH);
    }
    if (uri.getHost() == null) {
      throw new Failure("not a valid URL (no host): " + shown, ExitCode.FETCH);
    }
    String credentials = uri.getUserInfo();
    URI target = withoutUserInfo(uri);
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<InputStream> response = null;
    for (int hops = 0; response == null; hops++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target).timeout(left(deadline, shown)).GET();
      if (credentials != null && sameOrigin(target, uri)) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<InputStream> answer = send(client, request.build(), uri, shown);
      int status = answer.statusCode();
      if (status / 100 != 3 || answer.headers().firstValue("Location").isEmpty()) {
        response = answer;
      } else {
        close(answer.body());
        if (hops == MAX_REDIRECTS) {
          throw new Failure("more than " + MAX_REDIRECTS + " redirects from " + shown,
              ExitCode.FETCH);
        }
        target = redirect(target, answer.headers().firstValue("Location").get(), shown);
      }
    }
    InputStream body = new Deadline(response.body(), deadline, shown, timeout);
    return checked(response, new BufferedInputStream(body), shown);
  }

  private HttpResponse<InputStream> send(HttpClient client, HttpRequest request, URI uri,
      String shown) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("cannot connect to " + hostPort(uri) + ": timed out after "
          + human(timeout), ExitCode.FETCH);
    } catch (HttpTimeoutException e) {
      throw new Failure("no answer from " + shown + " within " + human(timeout)
          + " (raise --timeout)", ExitCode.FETCH);
    } catch (ConnectException e) {
      throw new Failure("cannot connect to " + hostPort(uri) + ": connection refused "
          + "(is the service running, and net/http/pprof imported?)", ExitCode.FETCH);
    } catch (IOException | IllegalArgumentException e) {
      throw new Failure("cannot fetch " + shown + ": " + redact(String.valueOf(e.getMessage())),
          ExitCode.FETCH);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while fetching " + shown, ExitCode.FETCH);
    }
  }

  /** The time left until the deadline, for the next request of a redirect chain. */
  private Duration left(long deadline, String shown) {
    long nanos = deadline - System.nanoTime();
    if (nanos <= 0) {
      throw new Failure("no answer from " + shown + " within " + human(timeout)
          + " (raise --timeout)", ExitCode.FETCH);
    }
    return Duration.ofNanos(nanos);
  }

  /** A redirect's target: http(s) only, and never from https down to http. */
  private static URI redirect(URI from, String location, String shown) {
    URI to;
    try {
      to = from.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Failure(shown + " redirects to an invalid URL: " + redact(location),
          ExitCode.FETCH);
    }
    String scheme = String.valueOf(to.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Failure(shown + " redirects to " + redact(to.toString())
          + ", which is not an http(s) URL: not followed", ExitCode.FETCH);
    }
    if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
      throw new Failure(shown + " redirects from https to " + redact(to.toString())
          + ": not followed", ExitCode.FETCH);
    }
    return withoutUserInfo(to);
  }

  /**
   * Checks the answer: 200, not empty, not an HTML page (whatever its Content-Type says), and
   * decoded when a proxy compressed it ({@code Content-Encoding: gzip}).
   */
  private static InputStream checked(HttpResponse<InputStream> response, BufferedInputStream body,
      String shown) {
    if (response.statusCode() != 200) {
      byte[] head = head(body, shown);
      close(body);
      throw new Failure("HTTP " + response.statusCode() + " from " + shown + ": "
          + firstLine(head), ExitCode.FETCH);
    }
    boolean gzip = response.headers().firstValue("Content-Encoding")
        .map(e -> e.strip().equalsIgnoreCase("gzip") || e.strip().equalsIgnoreCase("x-gzip"))
        .orElse(false);
    if (gzip) {
      try {
        body = new BufferedInputStream(new GZIPInputStream(body));
      } catch (IOException e) {
        close(body);
        throw new Failure("the answer of " + shown + " says Content-Encoding: gzip but is not "
            + "gzip: " + e.getMessage(), ExitCode.FETCH);
      }
    }
    byte[] head = head(body, shown);
    if (head.length == 0) {
      close(body);
      throw new Failure(shown + " answered with an empty body, not a goroutine profile (the "
          + "endpoint is /debug/pprof/goroutine)", ExitCode.FETCH);
    }
    if (startsWithTag(head)) {
      close(body);
      throw new Failure(shown + " answered with an HTML page, not a goroutine profile "
          + "(the endpoint is /debug/pprof/goroutine, with ?debug=1 or ?debug=2 for text)",
          ExitCode.FETCH);
    }
    return body;
  }

  /** The first bytes of a body, left unread. */
  private static byte[] head(BufferedInputStream body, String shown) {
    try {
      body.mark(HEAD);
      byte[] head = body.readNBytes(HEAD);
      body.reset();
      return head;
    } catch (IOException e) {
      close(body);
      throw new Failure("the answer of " + shown + " was cut short: " + e.getMessage(),
          ExitCode.FETCH);
    }
  }

  /** The URL without its user information, its other parts as they were written. */
  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    return URI.create(uri.getScheme() + "://" + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

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
        .stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  private static String firstLine(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    int nl = text.indexOf('\n');
    return text.isEmpty() ? "(empty body)" : nl < 0 ? text : text.substring(0, nl);
  }

  /**
   * A body that ends when its fetch's time is up: the read in progress (blocked on a server that
   * sends a byte a second, say) is woken by closing the body, and fails instead of looking like
   * the end of the answer.
   */
  static final class Deadline extends FilterInputStream {
    private final String shown;
    private final Duration timeout;
    private final ScheduledFuture<?> alarm;
    private volatile boolean expired;

    private Deadline(InputStream in, long deadline, String shown, Duration timeout) {
      super(in);
      this.shown = shown;
      this.timeout = timeout;
      this.alarm = DEADLINES.schedule(this::expire, Math.max(0, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    }

    private void expire() {
      expired = true;
      Inputs.close(in);
    }

    private void check() throws IOException {
      if (expired) {
        throw late();
      }
    }

    private IOException late() {
      return new IOException("not complete within " + human(timeout) + " (raise --timeout)");
    }

    @Override
    public int read() throws IOException {
      check();
      try {
        int c = super.read();
        check();
        return c;
      } catch (IOException e) {
        throw expired ? late() : e; // closed by the alarm: say why
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      try {
        int n = super.read(b, off, len);
        check();
        return n;
      } catch (IOException e) {
        throw expired ? late() : e;
      }
    }

    @Override
    public void close() throws IOException {
      alarm.cancel(false);
      super.close();
    }

    @Override
    public String toString() {
      return "body of " + shown;
    }
  }
}
