package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenancy by construction, checked on the SQL itself: reads every SQL string in the main sources
 * (string literals, text blocks, and string constants built by concatenating them) and the
 * migrations, and fails on any statement against a tenant table that does not bind the tenant,
 * and on any primary key or index that tenant_id does not lead.
 */
class SqlTenancyTest {
  private static final Path SOURCES = Path.of("src/main/java");
  /** The common migrations and PostgreSQL's own. */
  private static final List<Path> MIGRATIONS = List.of(
      Path.of("src/main/resources/io/convener/jdbc/migration"),
      Path.of("src/main/resources/io/convener/jdbc/migration-postgresql"));

  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\s*\\n(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern CHAR_LITERAL = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)'");
  private static final Pattern CONSTANT =
      Pattern.compile("static final String (\\w+)\\s*=\\s*(.*?);\\s*\\n", Pattern.DOTALL);
  private static final Pattern STATEMENT =
      Pattern.compile("^\\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern TABLE_REFERENCE =
      Pattern.compile("\\b(FROM|JOIN|INTO|UPDATE)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TENANT_PREDICATE =
      Pattern.compile("\\b(?:\\w+\\.)?tenant_id\\s*=\\s*(?::tenant\\b|\\?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TENANT_CURSOR = Pattern.compile(
      "^\\s*SELECT DISTINCT tenant_id FROM (\\w+) WHERE tenant_id >= :tenant(?: AND [a-z_]+ IN \\('[A-Z]+'(?:, '[A-Z]+')*\\))?"
          + "\\s+ORDER BY tenant_id LIMIT :limit\\s*$");
  private static final Pattern CREATE_TABLE =
      Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  @Test
  void everyStatementAgainstATenantTableBindsTheTenant() throws IOException {
    Set<String> tenantTables = tenantTables();
    List<String> statements = statements();

    List<String> offenders = new ArrayList<>();
    Set<String> tablesSeen = new TreeSet<>();
    for (String sql : statements) {
      String problem = problem(sql, tenantTables, tablesSeen);
      if (problem != null) {
        offenders.add(problem + ":\n" + sql);
      }
    }

    assertThat(offenders).as("statements that do not bind the tenant").isEmpty();
    assertThat(statements).as("SQL statements found").hasSizeGreaterThanOrEqualTo(20);
    assertThat(tablesSeen).as("tenant tables the SQL touches").isEqualTo(tenantTables);
  }

  @Test
  void theCheckCatchesStatementsThatForgetTheTenant() {
    Set<String> tables = Set.of("events", "members", "member_teams", "tenants");
    Set<String> seen = new TreeSet<>();
    assertThat(problem("SELECT * FROM events WHERE event_id = :id", tables, seen)).isNotNull();
    assertThat(problem("DELETE FROM members", tables, seen)).isNotNull();
    assertThat(problem("SELECT m.member_id FROM members m JOIN member_teams t ON t.member_id = m.member_id"
        + " WHERE m.tenant_id = :tenant", tables, seen)).isNotNull();
    assertThat(problem("INSERT INTO events (event_id, at) VALUES (:id, :at)", tables, seen)).isNotNull();
    assertThat(problem("SELECT COUNT(*) FROM events WHERE tenant_id = :other", tables, seen)).isNotNull();
    assertThat(problem("SELECT COUNT(*) FROM events WHERE tenant_id = :tenant", tables, seen)).isNull();
    assertThat(problem("SELECT 1 FROM events WHERE tenant_id = ? AND event_id = ?", tables, seen)).isNull();
    assertThat(problem("SELECT 1 FROM events WHERE event_id = ? AND tenant_id = ?", tables, seen)).isNotNull();
    // The tenant-id cursor is accepted only as a list of tenant ids.
    assertThat(problem("SELECT DISTINCT tenant_id FROM events WHERE tenant_id >= :tenant ORDER BY tenant_id LIMIT :limit",
        tables, seen)).isNull();
    assertThat(problem("SELECT DISTINCT tenant_id, event_id FROM events WHERE tenant_id >= :tenant"
        + " ORDER BY tenant_id LIMIT :limit", tables, seen)).isNotNull();
    assertThat(problem("SELECT * FROM events WHERE tenant_id >= :tenant", tables, seen)).isNotNull();
  }

  @Test
  void tenantIdLeadsEveryPrimaryKeyAndIndex() throws IOException {
    String ddl = migrations();
    List<String> keys = new ArrayList<>();
    Matcher pk = Pattern.compile("PRIMARY KEY \\(([^)]*)\\)", Pattern.CASE_INSENSITIVE).matcher(ddl);
    while (pk.find()) {
      keys.add(pk.group(1));
    }
    Matcher index = Pattern.compile("CREATE (?:UNIQUE )?INDEX \\w+ ON \\w+ \\(([^)]*)\\)", Pattern.CASE_INSENSITIVE)
        .matcher(ddl);
    while (index.find()) {
      keys.add(index.group(1));
    }
    assertThat(keys).hasSizeGreaterThanOrEqualTo(10);
    assertThat(keys).allSatisfy(columns -> assertThat(columns.strip()).startsWith("tenant_id"));
  }

  /** Why the statement does not bind the tenant, or null when it does. */
  private static String problem(String sql, Set<String> tenantTables, Set<String> tablesSeen) {
    Matcher cursor = TENANT_CURSOR.matcher(sql);
    if (cursor.find()) {
      // The one read that crosses tenants: tenant ids only, from a bound cursor (the relay's list of
      // tenants with pending notifications). It returns no row of any tenant's data.
      tablesSeen.add(cursor.group(1).toLowerCase(Locale.ROOT));
      return null;
    }
    int reads = 0;
    Matcher ref = TABLE_REFERENCE.matcher(sql);
    while (ref.find()) {
      String table = ref.group(2).toLowerCase(Locale.ROOT);
      if (!tenantTables.contains(table)) {
        continue;
      }
      tablesSeen.add(table);
      if (ref.group(1).equalsIgnoreCase("INTO")) {
        // A write: tenant_id must be the first column written, from a bound parameter.
        String rest = sql.substring(ref.end());
        boolean columnsLed = Pattern.compile("^\\s*(\\w+\\s*)?\\(\\s*tenant_id\\b", Pattern.DOTALL).matcher(rest).find()
            || Pattern.compile("\\bINSERT\\s*\\(\\s*tenant_id\\b", Pattern.CASE_INSENSITIVE).matcher(rest).find();
        boolean bound = rest.contains(":tenant") || rest.contains("?");
        if (!columnsLed || !bound) {
          return "writes " + table + " without tenant_id first from a bound parameter";
        }
      } else {
        reads++;
      }
    }
    int predicates = 0;
    Matcher predicate = TENANT_PREDICATE.matcher(sql);
    while (predicate.find()) {
      // A positional tenant must be the first parameter, so that every binder sets it at index 1.
      if (predicate.group().endsWith("?") && sql.substring(0, predicate.start()).contains("?")) {
        return "binds the tenant at a positional parameter other than the first";
      }
      predicates++;
    }
    if (predicates < reads) {
      return reads + " reads of tenant tables but only " + predicates + " 'tenant_id = :tenant' conditions";
    }
    return null;
  }

  /** The tables of the migrations that have a tenant_id column. */
  private static Set<String> tenantTables() throws IOException {
    Set<String> tables = new TreeSet<>();
    Matcher create = CREATE_TABLE.matcher(migrations());
    while (create.find()) {
      if (create.group(2).contains("tenant_id")) {
        tables.add(create.group(1).toLowerCase(Locale.ROOT));
      }
    }
    assertThat(tables).contains("tenants", "members", "events");
    return tables;
  }

  private static String migrations() throws IOException {
    StringBuilder ddl = new StringBuilder();
    for (Path dir : MIGRATIONS) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          ddl.append(Files.readString(file)).append('\n');
        }
      }
    }
    return ddl.toString();
  }

  /** Every SQL statement in the main sources, literals and concatenated constants alike. */
  private static List<String> statements() throws IOException {
    Map<String, String> constants = new HashMap<>();
    List<String> literals = new ArrayList<>();
    List<Map.Entry<String, String>> expressions = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        // Character literals such as '"' would otherwise be read as the start of a string.
        String source = CHAR_LITERAL.matcher(Files.readString(file)).replaceAll("' '");
        String className = file.getFileName().toString().replace(".java", "");
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
          literals.add(block.group(1));
        }
        Matcher literal = LITERAL.matcher(TEXT_BLOCK.matcher(source).replaceAll("TEXT_BLOCK"));
        while (literal.find()) {
          literals.add(unescape(literal.group(1)));
        }
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
          expressions.add(Map.entry(className + "." + constant.group(1), constant.group(2)));
        }
      }
    }
    // Resolve constants that concatenate literals and other constants, until nothing changes.
    for (int round = 0; round < 5; round++) {
      for (Map.Entry<String, String> e : expressions) {
        String value = evaluate(e.getValue(), e.getKey().substring(0, e.getKey().indexOf('.')), constants);
        if (value != null) {
          constants.put(e.getKey(), value);
        }
      }
    }
    Set<String> statements = new LinkedHashSet<>();
    for (String sql : literals) {
      if (STATEMENT.matcher(sql).find()) {
        statements.add(sql);
      }
    }
    for (String sql : constants.values()) {
      if (STATEMENT.matcher(sql).find()) {
        statements.add(sql);
      }
    }
    for (Dialect dialect : Dialect.values()) {
      statements.add(dialect.memberUpsert());
      statements.add(dialect.eventInsert());
    }
    return List.copyOf(statements);
  }

  /** The value of a constant expression of literals and constants joined by +, or null if unknown. */
  private static String evaluate(String expression, String className, Map<String, String> constants) {
    StringBuilder value = new StringBuilder();
    Matcher block = TEXT_BLOCK.matcher(expression);
    if (block.find() && block.start() == expression.indexOf("\"\"\"") && expression.strip().endsWith("\"\"\"")) {
      return block.group(1);
    }
    for (String part : expression.split("\\s*\\+\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      String p = part.strip();
      if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
        value.append(unescape(p.substring(1, p.length() - 1)));
      } else if (p.matches("[A-Za-z_][\\w.]*")) {
        String key = p.contains(".") ? p : className + "." + p;
        String resolved = constants.get(key);
        if (resolved == null) {
          return null;
        }
        value.append(resolved);
      } else {
        return null;
      }
    }
    return value.toString();
  }

  private static String unescape(String literal) {
    return literal.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
  }
}
