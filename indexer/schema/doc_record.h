// DocRecord: one document's metadata and extracted text, as validated from a sidecar and as
// stored in the index's document data (JSON). The one typed view of a document for both programs.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/language.h"
#include "base/status.h"

namespace jil::schema {

// Limits on sidecar metadata (T-P7): checked before anything is built from it.
inline constexpr size_t kMaxSidecarBytes = 256 * 1024;
inline constexpr int kMaxSidecarDepth = 8;
inline constexpr size_t kMaxTitleBytes = 1000;
inline constexpr size_t kMaxSummaryBytes = 8000;
inline constexpr size_t kMaxTopicsInSidecar = 4;  // = value_slots.h kMaxTopics

struct DocRecord {
  // From the metadata sidecar (see README "Metadata schema").
  std::string id;
  std::string work;
  std::string title;
  analysis::Language language = analysis::Language::kUnd;
  std::string script;  // "Hans" or "Hant" for Chinese, else ""
  std::string type;
  std::string organisation;
  std::string country;  // ISO alpha-2 upper case, or "" for international
  std::string region;
  int year = 0;
  std::vector<std::string> topics;
  std::vector<std::string> values;
  std::string summary;
  // How the language was decided (metadata/metadata_resolver.h, issue 4 item 2): "metadata" (the
  // sidecar or a manifest row), "embedded" (the file's own properties) or "detected", and how
  // sure that is, from 0 to 1 (1 for metadata and embedded).
  std::string language_source = "metadata";
  double language_confidence = 1.0;

  // From ingest.
  std::string source;         // path of the original, relative to the ingested folder
  std::string format;         // html | md | txt
  std::string media_type;     // Content-Type of the original
  std::string original_name;  // file name offered on download
  std::string sha256;         // of the original's bytes: its name in the store
  uint64_t bytes = 0;
  std::string text;  // extracted body text
  // Extraction quality staff see (extract/text_quality.h): "ok", "repaired", "suspect", "ocr",
  // with the reasons; and for paged originals (PDF) the byte offset in `text` where each page
  // starts, so a hit can be shown as #page=N. Empty in records older than schema version 2.
  std::string quality;
  std::string quality_notes;
  std::vector<uint32_t> page_offsets;
  // When this version of the document was written ("YYYY-MM-DDThh:mm:ssZ", UTC; kept by rebuild):
  // OAI-PMH datestamps. "" in indexes written before it existed.
  std::string indexed_at;
};

// Parses and validates a sidecar against the schema and vocabularies. Errors name the field:
// "field 'type': 'memo' is not a document type (code-of-conduct, guidance, ...)".
Result<DocRecord> parse_sidecar(std::string_view json_text);

// The fields every document must end up with, from whichever metadata source (metadata/).
inline constexpr std::string_view kRequiredFields[] = {
    "id", "title", "language", "type", "organisation", "country", "region", "year", "topics"};

// One metadata text (a sidecar, a manifest line) as a JSON object, the limits above checked
// before parsing (T-P7): size, nesting depth, valid JSON, an object.
Result<nlohmann::json> parse_metadata_object(std::string_view json_text);
// Checks the fields an object has (names, types, vocabularies) without requiring any: one source
// of several, before they are merged. Errors name the field as parse_sidecar's do.
Status check_metadata_fields(const nlohmann::json& object);
// True for the names of the metadata schema's fields ("id", "title", ..., "summary").
bool is_metadata_field(std::string_view name);
// Validates a complete (merged) metadata object into a record, as parse_sidecar does.
Result<DocRecord> record_from_metadata(const nlohmann::json& object);

// The sidecar fields of a record as JSON (the shape partners see in the API, too).
nlohmann::json metadata_json(const DocRecord& record);

// The document data stored in the index, and back (format, dictionaries and listing reads:
// document_data.h); to_document_data compresses without a dictionary.
class BlockDecompressor;
std::string to_document_data(const DocRecord& record);
Result<DocRecord> from_document_data(std::string_view data, BlockDecompressor& decompressor);

// True for ids of the form [a-z0-9][a-z0-9-]{2,79}.
bool is_valid_id(std::string_view id);

}  // namespace jil::schema
