package io.convener.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV with a header row of interchange field names. List fields are separated by {@code ;},
 * {@code attrs} is a JSON string, empty cells are absent. Each row becomes the same JSON object a
 * JSON Lines line would be, so both formats share one validation. A record that is not UTF-8 is
 * rejected; a header row that is not stops the reading. Not thread-safe.
 */
final class CsvReader implements LineReader {
  static final Set<String> LIST_FIELDS = Set.of("teams", "cohorts", "skills", "targets", "refs", "tags");
  static final Set<String> NUMBER_FIELDS = Set.of("weight", "sentiment");

  private final CsvParser csv;
  private final StrictUtf8Reader source;
  private final ObjectMapper json;
  private final RecordMapper mapper;
  private @Nullable List<String> header;
  private boolean broken;

  /** Parses the text of {@code source}, which it asks about bad bytes. */
  CsvReader(StrictUtf8Reader source, CsvFactory factory, ObjectMapper json, RecordMapper mapper) throws IOException {
    this.csv = factory.createParser(source);
    this.source = source;
    this.json = json;
    this.mapper = mapper;
  }

  @Override
  public @Nullable ParsedLine next() throws IOException {
    if (broken) {
      return null;
    }
    long line = 0;
    try {
      while (true) {
        line = csv.currentLocation().getLineNr();
        long from = Math.max(0, csv.currentLocation().getCharOffset());
        List<String> row = readRow();
        if (row == null) {
          return null;
        }
        StrictUtf8Reader.Malformed bad = source.inChars(from, csv.currentLocation().getCharOffset());
        if (bad != null) {
          broken = header == null;
          return RecordMapper.rejected(
              line, null, bad.reason() + (broken ? "; the header row is unusable, the rest of the file was not read" : ""));
        }
        if (row.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (header == null) {
          header = row.stream().map(String::strip).toList();
          if (!header.contains("id")) {
            broken = true;
            return RecordMapper.rejected(line, "id", "the header row must name the columns, including id");
          }
          continue;
        }
        return toRecord(row, line);
      }
    } catch (JsonProcessingException e) {
      broken = true;
      return RecordMapper.rejected(
          Math.max(1, line), null, "CSV syntax error: " + e.getOriginalMessage() + "; the rest of the file was not read");
    }
  }

  private @Nullable List<String> readRow() throws IOException {
    JsonToken token = csv.nextToken();
    while (token != null && token != JsonToken.START_ARRAY) {
      token = csv.nextToken();
    }
    if (token == null) {
      return null;
    }
    List<String> row = new ArrayList<>();
    for (token = csv.nextToken(); token != null && token != JsonToken.END_ARRAY; token = csv.nextToken()) {
      row.add(csv.getText());
    }
    return row;
  }

  private ParsedLine toRecord(List<String> row, long line) {
    List<String> names = header;
    if (row.size() > names.size()) {
      return RecordMapper.rejected(
          line, null, "has " + row.size() + " fields, the header has " + names.size());
    }
    ObjectNode node = json.createObjectNode();
    for (int i = 0; i < row.size(); i++) {
      String name = names.get(i);
      String cell = row.get(i).strip();
      if (cell.isEmpty()) {
        continue;
      }
      if (LIST_FIELDS.contains(name)) {
        ArrayNode items = node.putArray(name);
        for (String item : cell.split(";")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
      } else if (NUMBER_FIELDS.contains(name)) {
        try {
          node.put(name, Double.parseDouble(cell));
        } catch (NumberFormatException e) {
          node.put(name, cell);
        }
      } else if (name.equals("attrs")) {
        try {
          JsonNode attrs = json.readTree(cell);
          node.set(name, attrs);
        } catch (JsonProcessingException e) {
          return RecordMapper.rejected(line, "attrs", "not valid JSON: " + e.getOriginalMessage());
        }
      } else {
        node.put(name, cell);
      }
    }
    return mapper.map(node, line);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
