package io.github.goroutines.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of a Go function name as the runtime prints it, for example
 * {@code github.com/acme/go.lib/v2.(*Pool[...]).Get.func1.2}.
 *
 * <table>
 *   <caption>How names split</caption>
 *   <tr><th>name</th><th>package</th><th>receiver</th><th>function</th><th>suffix</th></tr>
 *   <tr><td>{@code net/http.(*conn).serve}</td><td>{@code net/http}</td><td>{@code *conn}</td>
 *       <td>{@code serve}</td><td></td></tr>
 *   <tr><td>{@code main.main.gowrap1}</td><td>{@code main}</td><td></td><td>{@code main}</td>
 *       <td>{@code .gowrap1}</td></tr>
 *   <tr><td>{@code main.(*T).M-fm}</td><td>{@code main}</td><td>{@code *T}</td><td>{@code M}</td>
 *       <td>{@code -fm}</td></tr>
 *   <tr><td>{@code gopkg.in/pool%2ev3.New}</td><td>{@code gopkg.in/pool.v3}</td><td></td>
 *       <td>{@code New}</td><td></td></tr>
 *   <tr><td>{@code panic}</td><td></td><td></td><td>{@code panic}</td><td></td></tr>
 * </table>
 *
 * <p>The package path is un-escaped ({@code %2e} becomes {@code .}); generic type arguments, whether
 * printed as {@code [...]} (text formats) or as shape types such as {@code [go.shape.int]} (protobuf
 * of Go 1.21+), stay in the receiver and function parts; {@link #normalized()} turns both spellings
 * into the {@code [...]} form so names from different formats compare equal.
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class FunctionName {
  /** Top-level directories of the Go standard library (GOROOT/src), as of Go 1.27. */
  private static final Set<String> STD_ROOTS =
      Set.of(
          "archive", "arena", "bufio", "builtin", "bytes", "cmp", "compress", "container",
          "context", "crypto", "database", "debug", "embed", "encoding", "errors", "expvar",
          "flag", "fmt", "go", "hash", "html", "image", "index", "internal", "io", "iter", "log",
          "maps", "math", "mime", "net", "os", "path", "plugin", "reflect", "regexp", "runtime",
          "slices", "sort", "strconv", "strings", "structs", "sync", "syscall", "testing", "text",
          "time", "unicode", "unique", "unsafe", "weak", "vendor", "cmd");

  private final String full;
  private final String packagePath;
  private final String receiver;
  private final String name;
  private final String suffix;
  private final FrameKind kind;

  private FunctionName(
      String full, String packagePath, String receiver, String name, String suffix) {
    this.full = full;
    this.packagePath = packagePath;
    this.receiver = receiver;
    this.name = name;
    this.suffix = suffix;
    this.kind = classify(packagePath, name);
  }

  /**
   * Splits a function name as Go prints it (without arguments).
   *
   * @param function the name, for example {@code sync.(*WaitGroup).Wait}
   * @return its parts, never {@code null}
   */
  public static FunctionName parse(String function) {
    Objects.requireNonNull(function, "function");
    int bracket = function.indexOf('[');
    int limit = bracket < 0 ? function.length() : bracket;
    int slash = function.lastIndexOf('/', limit - 1);
    int dot = function.indexOf('.', slash + 1);
    if (dot < 0 || dot >= limit) {
      return new FunctionName(function, "", "", function, "");
    }
    String pkg = unescape(function.substring(0, dot));
    if (pkg.equals("type") || pkg.equals("type:")) {
      // compiler-generated helpers such as type:.eq.main.T (type..eq.main.T before Go 1.21)
      return new FunctionName(function, pkg, "", function.substring(dot + 1), "");
    }
    List<String> parts = splitTopLevel(function.substring(dot + 1));
    String receiver = "";
    String name = parts.get(0);
    int next = 1;
    if (name.startsWith("(") && name.endsWith(")") && parts.size() > 1) {
      receiver = name.substring(1, name.length() - 1);
      name = parts.get(1);
      next = 2;
    } else if (name.equals("glob") && parts.size() > 2 && parts.get(1).isEmpty()) {
      name = "glob.";
      next = 2;
    } else if (name.equals("init") && parts.size() > 1 && isDigits(parts.get(1))) {
      name = "init." + parts.get(1);
      next = 2;
    } else if (parts.size() > 1 && !isClosurePart(parts.get(1)) && !isDigits(parts.get(1))) {
      receiver = name;
      name = parts.get(1);
      next = 2;
    }
    StringBuilder suffix = new StringBuilder();
    if (name.endsWith("-fm")) {
      name = name.substring(0, name.length() - 3);
      suffix.append("-fm");
    }
    for (int i = next; i < parts.size(); i++) {
      suffix.append('.').append(parts.get(i));
    }
    return new FunctionName(function, pkg, receiver, name, suffix.toString());
  }

  /**
   * Returns the name as printed.
   *
   * @return the full name, never {@code null}
   */
  public String full() {
    return full;
  }

  /**
   * Returns the import path, un-escaped ({@code gopkg.in/pool%2ev3} becomes {@code gopkg.in/pool.v3}).
   *
   * @return the package path; empty for {@code panic} and for names without a package
   */
  public String packagePath() {
    return packagePath;
  }

  /**
   * Returns the method receiver type as printed, with {@code *} for pointer receivers.
   *
   * @return {@code *conn}, {@code Val}, {@code *Pool[...]}; empty for plain functions
   */
  public String receiver() {
    return receiver;
  }

  /**
   * Returns the declared function or method name, with any type-argument brackets.
   *
   * @return {@code serve}, {@code Wait}, {@code Gen[...]}; never {@code null}
   */
  public String name() {
    return name;
  }

  /**
   * Returns what the compiler appended to the declared function: closures ({@code .func1.2}), go and
   * defer wrappers ({@code .gowrap1}, {@code .deferwrap1}), method values ({@code -fm}) and
   * range-over-func bodies ({@code .func1-range1}).
   *
   * @return the suffix with its leading {@code .} or {@code -}, or empty
   */
  public String suffix() {
    return suffix;
  }

  /**
   * Tells whether the name carries generic type arguments ({@code [...]} or shape types).
   *
   * @return true for generic functions and methods of generic types
   */
  public boolean isGeneric() {
    return full.indexOf('[') >= 0;
  }

  /**
   * Tells whether this is a closure, go/defer wrapper, method value or range-over-func body.
   *
   * @return true when {@link #suffix()} is not empty
   */
  public boolean isCompilerGenerated() {
    return !suffix.isEmpty();
  }

  /**
   * Returns who wrote this function.
   *
   * @return the kind, never {@code null}
   */
  public FrameKind kind() {
    return kind;
  }

  /**
   * Returns the name with every bracket group written {@code [...]}, as the text formats print it:
   * {@code pool%2ev3.Gen[go.shape.int]} becomes {@code pool%2ev3.Gen[...]}. Brackets are matched by
   * depth, so shape names holding brackets ({@code go.shape.[]uint8}) are handled.
   *
   * @param function a function name
   * @return the normalised name; the argument itself when it has no brackets
   */
  public static String normalize(String function) {
    int open = function.indexOf('[');
    if (open < 0) {
      return function;
    }
    StringBuilder sb = new StringBuilder(function.length());
    int depth = 0;
    for (int i = 0; i < function.length(); i++) {
      char c = function.charAt(i);
      if (c == '[') {
        if (depth++ == 0) {
          sb.append("[...");
        }
      } else if (c == ']' && depth > 0) {
        if (--depth == 0) {
          sb.append(']');
        }
      } else if (depth == 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Returns {@link #normalize(String)} of this name.
   *
   * @return the name in the {@code [...]} form
   */
  public String normalized() {
    return normalize(full);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunctionName other && other.full.equals(full);
  }

  @Override
  public int hashCode() {
    return full.hashCode();
  }

  @Override
  public String toString() {
    return full;
  }

  private static FrameKind classify(String pkg, String name) {
    if (pkg.isEmpty()) {
      return name.equals("panic") ? FrameKind.RUNTIME : FrameKind.USER;
    }
    if (pkg.equals("runtime")
        || pkg.startsWith("runtime/internal/")
        || pkg.startsWith("internal/runtime/")
        || pkg.equals("type")
        || pkg.startsWith("type:")) {
      return FrameKind.RUNTIME;
    }
    int slash = pkg.indexOf('/');
    String root = slash < 0 ? pkg : pkg.substring(0, slash);
    return STD_ROOTS.contains(root) ? FrameKind.STANDARD_LIBRARY : FrameKind.USER;
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code func1}, {@code func1-range1}, {@code gowrap2}, {@code deferwrap1}. */
  private static boolean isClosurePart(String s) {
    for (String prefix : new String[] {"func", "gowrap", "deferwrap"}) {
      if (s.startsWith(prefix) && s.length() > prefix.length()) {
        char c = s.charAt(prefix.length());
        if (c >= '0' && c <= '9') {
          return true;
        }
      }
    }
    return false;
  }

  /** Splits on dots outside brackets and parentheses. */
  private static List<String> splitTopLevel(String local) {
    List<String> parts = new ArrayList<>(4);
    int depth = 0;
    int start = 0;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && depth > 0) {
        depth--;
      } else if (c == '.' && depth == 0) {
        parts.add(local.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(local.substring(start));
    return parts;
  }

  /** Reverses the linker's escaping of import paths: {@code %xx} is one byte. */
  static String unescape(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
    byte[] raw = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length) {
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi << 4 | lo);
          i += 2;
          continue;
        }
      }
      out.write(raw[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
