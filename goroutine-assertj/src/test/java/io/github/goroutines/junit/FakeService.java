package io.github.goroutines.junit;

import com.sun.net.httpserver.HttpServer;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Go service's pprof endpoint as the extension sees it: a real HTTP server on 127.0.0.1 that
 * answers {@code /SCENARIO/debug/pprof/goroutine} with the next of a scenario's responses (real
 * snapshots of the gen program, an error page, HTML), repeating the last one.
 */
final class FakeService implements AutoCloseable {
  record Response(int status, String contentType, byte[] body) {
    static Response profile(String name) {
      return new Response(200, "text/plain; charset=utf-8", Fixtures.read("1.25", name));
    }
  }

  private final HttpServer server;
  private final Map<String, List<Response>> scenarios = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  FakeService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String scenario = path.substring(1, Math.max(1, path.indexOf('/', 1)));
      List<Response> responses = scenarios.get(scenario);
      int n = requests.computeIfAbsent(scenario, s -> new AtomicInteger()).getAndIncrement();
      Response r = responses == null || !path.endsWith("/debug/pprof/goroutine")
          || !"debug=2".equals(exchange.getRequestURI().getQuery())
          ? new Response(404, "text/plain", "404 page not found\n".getBytes(StandardCharsets.UTF_8))
          : responses.get(Math.min(n, responses.size() - 1));
      exchange.getResponseHeaders().add("Content-Type", r.contentType());
      exchange.sendResponseHeaders(r.status(), r.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(r.body());
      }
    });
    server.start();
  }

  /** Sets what a scenario answers, in order, and forgets its requests. */
  FakeService serve(String scenario, Response... responses) {
    scenarios.put(scenario, List.of(responses));
    requests.remove(scenario);
    return this;
  }

  /** The profile's URL of a scenario, without the debug parameter the extension adds. */
  String url(String scenario) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + scenario
        + "/debug/pprof/goroutine";
  }

  int requests(String scenario) {
    AtomicInteger n = requests.get(scenario);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
