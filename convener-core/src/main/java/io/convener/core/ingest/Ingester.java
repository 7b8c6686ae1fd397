package io.convener.core.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import io.convener.api.InvalidInputException;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.ConvenerSettings;
import io.convener.core.consent.ConsentEventSink;
import io.convener.core.internal.feed.IngestFeed;
import io.convener.core.internal.gate.ProvenanceRecorder;
import io.convener.spi.pulse.SentimentAnalyzer;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.MemberStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Streams input through a {@link LineReader} into the stores, one batch at a time, each batch in
 * one transaction with its provenance entry ({@link BatchLog}): the ingestion itself, for one
 * tenant, behind the gate that {@link DefaultIngestService} puts in front of it. Thread-safe.
 */
final class Ingester {
  private static final Logger log = LoggerFactory.getLogger(Ingester.class);
  /** The MDC key that carries the tenant while a call runs. */
  static final String TENANT_MDC_KEY = "tenant";

  private final MemberStore members;
  private final EventStore events;
  private final ConsentEventSink consent;
  private final IngestFeed feed;
  private final ProvenanceRecorder recorder;
  private final int batchSize;
  private final ObjectMapper json;
  private final CsvFactory csv;
  private final SentimentAnalyzer analyzer;

  /** An ingester that drops the {@code text} of event lines unscored. */
  Ingester(
      MemberStore members,
      EventStore events,
      ConsentEventSink consent,
      IngestFeed feed,
      ProvenanceRecorder recorder,
      ConvenerSettings settings) {
    this(members, events, consent, feed, recorder, settings, SentimentAnalyzer.NONE);
  }

  /** An ingester that scores the {@code text} of event lines with {@code analyzer}, then drops it. */
  @Inject
  Ingester(
      MemberStore members,
      EventStore events,
      ConsentEventSink consent,
      IngestFeed feed,
      ProvenanceRecorder recorder,
      ConvenerSettings settings,
      SentimentAnalyzer analyzer) {
    this.recorder = requireNonNull(recorder, "recorder");
    this.consent = consent;
    this.feed = feed;
    this.members = members;
    this.events = events;
    this.batchSize = settings.ingestBatchSize();
    this.json =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.csv = CsvFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    this.analyzer = requireNonNull(analyzer, "analyzer");
  }

  /** Ingests a stream in the given format as part of {@code run}; reads it to its end but does not close it. */
  IngestReport ingest(TenantId tenant, IngestRun run, InputStream input, InputFormat format) {
    requireNonNull(tenant, "tenant");
    requireNonNull(input, "input");
    requireNonNull(format, "format");
    MDC.put(TENANT_MDC_KEY, tenant.value());
    try (LineReader lines = open(new StrictUtf8Reader(input), format, new RecordMapper(new TextSentiment(tenant, analyzer)))) {
      IngestReport report = readAndWrite(tenant, lines, writer(tenant, run));
      log.info(
          "ingested {} members, {} new events, {} duplicates, {} rejected lines",
          report.members(), report.events(), report.duplicates(), report.rejectedCount());
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the input failed", e);
    } finally {
      MDC.remove(TENANT_MDC_KEY);
    }
  }

  /** Ingests a file as part of {@code run}, choosing the format from its name. */
  IngestReport ingest(TenantId tenant, IngestRun run, Path file) {
    requireNonNull(file, "file");
    Path name = file.getFileName();
    InputFormat format =
        InputFormat.forFileName(name == null ? "" : name.toString())
            .orElseThrow(
                () -> new InvalidInputException(
                    "file", "cannot tell the format of '" + file + "': use .jsonl or .csv"));
    try (InputStream in = Files.newInputStream(file)) {
      return ingest(tenant, run, in, format);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Takes records a host already holds, as part of {@code run}; members before events. */
  IngestReport submit(TenantId tenant, IngestRun run, Collection<Member> newMembers, Collection<Event> newEvents) {
    requireNonNull(tenant, "tenant");
    requireNonNull(newMembers, "members");
    requireNonNull(newEvents, "events");
    MDC.put(TENANT_MDC_KEY, tenant.value());
    try {
      BatchWriter writer = writer(tenant, run);
      newMembers.forEach(m -> writer.accept(new ParsedLine.MemberLine(m)));
      newEvents.forEach(e -> writer.accept(new ParsedLine.EventLine(e)));
      return writer.finish();
    } finally {
      MDC.remove(TENANT_MDC_KEY);
    }
  }

  /** Parses on this thread while a {@link WritePipeline} writes the previous batches. */
  private IngestReport readAndWrite(TenantId tenant, LineReader lines, BatchWriter writer) throws IOException {
    WritePipeline pipeline = new WritePipeline(tenant, writer);
    pipeline.start();
    try {
      List<ParsedLine> chunk = new ArrayList<>(batchSize);
      for (ParsedLine line = lines.next(); line != null; line = lines.next()) {
        chunk.add(line);
        if (chunk.size() == batchSize) {
          pipeline.put(chunk);
          chunk = new ArrayList<>(batchSize);
        }
      }
      if (!chunk.isEmpty()) {
        pipeline.put(chunk);
      }
      return pipeline.finish();
    } catch (IOException | RuntimeException | Error e) {
      pipeline.abort();
      throw e;
    }
  }

  private BatchWriter writer(TenantId tenant, IngestRun run) {
    return new BatchWriter(tenant, members, events, consent, feed, batchSize, new BatchLog(recorder, tenant, run));
  }

  private LineReader open(StrictUtf8Reader text, InputFormat format, RecordMapper mapper) throws IOException {
    return switch (format) {
      case JSON_LINES -> new JsonLinesReader(text, json, mapper);
      case CSV -> new CsvReader(text, csv, json, mapper);
    };
  }
}
