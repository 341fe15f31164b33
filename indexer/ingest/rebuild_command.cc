// `jil-indexer rebuild`: recreates an index from the store alone (RELIABILITY.md T-D8): each
// stored record names its original, whose text is extracted again, and its document data and
// docid, so the new index answers every query as the old one did. It writes only into a new
// (absent or empty) directory, never over an existing index. With --removals-from, the index it
// replaces gives its removal records, so harvesters still learn of removals made before.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include <xapian.h>

#include "base/file_io.h"
#include "base/utf8.h"
#include "extract/document_format.h"
#include "extract/extract_worker.h"
#include "ingest/exit_codes.h"
#include "ingest/fingerprint.h"
#include "ingest/indexer_commands.h"
#include "ingest/ingest_session.h"
#include "ingest/progress.h"
#include "ingest/stored_record.h"
#include "store/record_store.h"

namespace jil::ingest {
namespace {

constexpr const char* kRebuildUsage =
    "usage: jil-indexer rebuild --index NEW_DIR --store DIR [--removals-from OLD_INDEX] "
    "[--batch N] [--json] [--quiet]\n";

struct RebuildOptions : IndexerOptions {
  // The index being replaced, whose removal records the new one keeps (OAI-PMH deleted records).
  std::filesystem::path removals_from;
};

Result<RebuildOptions> parse_rebuild_options(const std::vector<std::string>& arguments) {
  RebuildOptions options;
  for (size_t index = 0; index < arguments.size(); ++index) {
    const std::string& argument = arguments[index];
    const bool has_value = index + 1 < arguments.size();
    if (argument == "--removals-from" && has_value) {
      options.removals_from = arguments[++index];
    } else if ((argument == "--index" || argument == "--db") && has_value) {
      options.database = arguments[++index];
    } else if (argument == "--store" && has_value) {
      options.store = arguments[++index];
    } else if (argument == "--batch" && has_value) {
      const long batch = std::strtol(arguments[++index].c_str(), nullptr, 10);
      if (batch < 1 || batch > 100000) return invalid_argument("--batch takes 1 to 100000");
      options.batch_size = static_cast<size_t>(batch);
    } else if (argument == "--json") {
      options.json = true;
    } else if (argument == "--quiet") {
      options.quiet = true;
    } else {
      return invalid_argument("unknown argument " + argument);
    }
  }
  if (options.database.empty() || options.store.empty()) {
    return invalid_argument("--index and --store are required");
  }
  return options;
}

// The stored records, in docid order (the order the documents were first added).
Result<std::vector<StoredRecord>> load_records(const store::RecordStore& records,
                                               RunReport& report) {
  Result<std::vector<std::string>> ids = records.ids();
  if (!ids.is_ok()) return ids.status();
  std::vector<StoredRecord> loaded;
  for (const std::string& id : *ids) {
    Result<std::string> text = records.get(id);
    Result<StoredRecord> record =
        text.is_ok() ? parse_stored_record(*text) : Result<StoredRecord>(text.status());
    if (record.is_ok() && record->id != id) {
      record = Status(StatusCode::kCorrupt, "record names id '" + record->id + "'");
    }
    if (!record.is_ok()) {
      report.failures.push_back({"records/" + id + ".json", record.status().message()});
      continue;
    }
    loaded.push_back(std::move(*record));
  }
  std::sort(loaded.begin(), loaded.end(),
            [](const StoredRecord& a, const StoredRecord& b) { return a.docid < b.docid; });
  return loaded;
}

// The document of one stored record: its original read back (and its hash checked) and
// extracted again.
Result<Xapian::Document> rebuild_document(const StoredRecord& stored,
                                          const store::ContentStore& store,
                                          schema::DocumentBuilder& builder,
                                          extract::ExtractWorker& extractor, uint64_t& bytes_read) {
  Result<std::filesystem::path> path = store.path_of(stored.sha256);
  if (!path.is_ok()) return path.status();
  Result<std::string> original = read_file(*path, kMaxOriginalBytes);
  if (!original.is_ok()) return original.status();
  bytes_read += original->size();
  if (store::sha256_hex(*original) != stored.sha256) {
    return Status(StatusCode::kCorrupt, "original " + stored.sha256 + " does not match its hash");
  }
  const auto format = extract::format_of(stored.original_name);
  if (!format) return Status(StatusCode::kUnsupported, "no format for " + stored.original_name);
  // In the extractor child under the same limits as ingest, and with the same OCR language.
  Result<extract::ExtractedText> extracted =
      extractor.extract(*format, *original, stored.extract_language);
  if (!extracted.is_ok()) return extracted.status();
  std::string text = std::move(extracted->text);
  text.resize(utf8::truncate_point(text, kMaxExtractedTextBytes));
  Result<schema::DocRecord> record = to_doc_record(stored, std::move(text));
  if (!record.is_ok()) return record.status();
  // Made again under this build's versions: the next `index` run finds the file unchanged.
  return builder.build(*record, with_current_versions(stored.fingerprint, *format));
}

}  // namespace

int run_rebuild_command(const std::vector<std::string>& arguments) {
  Result<RebuildOptions> options = parse_rebuild_options(arguments);
  if (!options.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n%s", options.status().message().c_str(), kRebuildUsage);
    return kExitUsage;
  }
  std::error_code error;
  if (std::filesystem::exists(options->database, error) &&
      !(std::filesystem::is_directory(options->database, error) &&
        std::filesystem::is_empty(options->database, error))) {
    std::fprintf(stderr,
                 "jil-indexer: %s exists and is not empty: rebuild writes only into a new "
                 "directory (left untouched)\n",
                 options->database.string().c_str());
    return kExitFatal;
  }
  // Read first, so that an index that cannot give its removal records stops the run before any
  // work (Xapian reads the metadata of an index of any JIL schema).
  std::optional<Xapian::Database> earlier;
  if (!options->removals_from.empty()) {
    try {
      earlier.emplace(options->removals_from.string());
    } catch (const Xapian::Error& xapian_error) {
      std::fprintf(stderr, "jil-indexer: --removals-from %s: not a readable index: %s\n",
                   options->removals_from.string().c_str(), xapian_error.get_msg().c_str());
      return kExitFatal;
    }
  }
  // The store may be in use by an indexer of the original index: its temporaries are not ours.
  Result<IngestSession> session = open_session(*options, /*clean_store=*/false);
  if (!session.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", session.status().message().c_str());
    return exit_code_for(session.status());
  }
  const auto start = std::chrono::steady_clock::now();
  RunReport report;
  store::RecordStore records(options->store);
  Result<std::vector<StoredRecord>> loaded = load_records(records, report);
  if (!loaded.is_ok()) {
    std::fprintf(stderr, "jil-indexer: %s\n", loaded.status().message().c_str());
    return kExitFatal;
  }
  IndexWriter& writer = *session->writer;
  const std::unique_ptr<extract::ExtractWorker> extractor =
      extract::ExtractWorker::spawning(extract::kThisProgram);
  Progress progress(loaded->size(), options->quiet || options->json);
  for (const StoredRecord& stored : *loaded) {
    const uint64_t bytes_before = report.bytes_read;
    session->builder->use_text_dictionaries(writer.text_dictionaries());  // trained at commits
    Result<Xapian::Document> document =
        rebuild_document(stored, *session->store, *session->builder, *extractor, report.bytes_read);
    progress.advance(report.bytes_read - bytes_before);
    if (!document.is_ok()) {
      report.failures.push_back({stored.id, document.status().message()});
      if (!options->json) {
        progress.clear_line();
        std::fprintf(stderr, "failed: %s: %s\n", stored.id.c_str(),
                     document.status().message().c_str());
      }
      continue;
    }
    Status status =
        writer.replace_at(stored.docid, stored.id, *document, Origin{stored.root, stored.source});
    Result<bool> committed = status.is_ok() ? writer.commit_if_full() : Result<bool>(status);
    if (!committed.is_ok()) {
      report.fatal = committed.status().message();
      break;
    }
    ++report.added;
  }
  progress.finish();
  if (report.fatal.empty() && earlier) {
    size_t kept = 0;
    if (Status status = writer.keep_removals_of(*earlier, kept); !status.is_ok()) {
      report.fatal = status.message();
    } else {
      std::fprintf(stderr, "kept %zu removal record%s of %s\n", kept, kept == 1 ? "" : "s",
                   options->removals_from.string().c_str());
    }
  }
  if (report.fatal.empty()) {
    if (Status status = writer.commit(); !status.is_ok()) report.fatal = status.message();
  }
  report.documents_in_index = writer.document_count();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_report(report, *options);
  return exit_status(report);
}

}  // namespace jil::ingest
