// Implementation of document_data.h, and of doc_record.h's to_document_data and
// from_document_data (the same format without snippet blocks).
#include "schema/document_data.h"

#include "base/utf8.h"

namespace jil::schema {

using nlohmann::json;

json document_head(const DocRecord& record) {
  json data = metadata_json(record);
  data["source"] = record.source;
  data["format"] = record.format;
  data["media_type"] = record.media_type;
  data["original_name"] = record.original_name;
  data["sha256"] = record.sha256;
  data["bytes"] = record.bytes;
  data["language_source"] = record.language_source;
  data["language_confidence"] = record.language_confidence;
  data["page_offsets"] = record.page_offsets;
  data["indexed_at"] = record.indexed_at;
  return data;
}

std::string to_document_data(const DocRecord& record, const SnippetBlocks& blocks) {
  json head = document_head(record);
  if (!blocks.starts.empty()) {
    head["snippet_blocks"] = {{"body_position", blocks.body_position}, {"starts", blocks.starts}};
  }
  std::string data = head.dump(-1, ' ', false, json::error_handler_t::replace);
  data += '\0';  // never in the head: JSON escapes control characters
  data += utf8::is_valid(record.text) ? record.text : utf8::repaired(record.text);
  return data;
}

namespace {

// Fills `record` from the head's fields (json exceptions for missing or mistyped ones).
void read_head(const json& object, DocRecord& record) {
  record.id = object.at("id").get<std::string>();
  record.work = object.at("work").get<std::string>();
  record.title = object.at("title").get<std::string>();
  record.language = analysis::parse_language(object.at("language").get<std::string>())
                        .value_or(analysis::Language::kUnd);
  record.script = object.at("script").get<std::string>();
  record.type = object.at("type").get<std::string>();
  record.organisation = object.at("organisation").get<std::string>();
  record.country = object.at("country").get<std::string>();
  record.region = object.at("region").get<std::string>();
  record.year = object.at("year").get<int>();
  record.topics = object.at("topics").get<std::vector<std::string>>();
  record.values = object.at("values").get<std::vector<std::string>>();
  record.summary = object.at("summary").get<std::string>();
  record.source = object.at("source").get<std::string>();
  record.format = object.at("format").get<std::string>();
  record.media_type = object.at("media_type").get<std::string>();
  record.original_name = object.at("original_name").get<std::string>();
  record.sha256 = object.at("sha256").get<std::string>();
  record.bytes = object.at("bytes").get<uint64_t>();
  record.quality = object.value("quality", std::string());
  record.quality_notes = object.value("quality_notes", std::string());
  record.page_offsets = object.value("page_offsets", std::vector<uint32_t>());
  record.indexed_at = object.value("indexed_at", std::string());
  record.language_source = object.value("language_source", std::string("metadata"));
  record.language_confidence = object.value("language_confidence", 1.0);
}

Status corrupt(const std::string& problem) {
  return Status(StatusCode::kCorrupt, "document data: " + problem);
}

}  // namespace

Result<DocRecord> record_from_head(const json& head, std::string text) {
  try {
    DocRecord record;
    read_head(head, record);
    record.text = std::move(text);
    return record;
  } catch (const json::exception& error) {
    return corrupt(error.what());
  }
}

Result<HitData> read_hit_data(std::string_view data) {
  const size_t split = data.find('\0');
  if (split == std::string_view::npos) return corrupt("no text section (an older index?)");
  try {
    const json head = json::parse(data.substr(0, split));
    HitData hit;
    read_head(head, hit.record);
    if (const auto blocks = head.find("snippet_blocks"); blocks != head.end()) {
      hit.blocks.body_position = blocks->at("body_position").get<uint32_t>();
      hit.blocks.starts = blocks->at("starts").get<std::vector<uint32_t>>();
    }
    hit.text = data.substr(split + 1);
    return hit;
  } catch (const json::exception& error) {
    return corrupt(error.what());
  }
}

std::string to_document_data(const DocRecord& record) { return to_document_data(record, {}); }

Result<DocRecord> from_document_data(std::string_view data) {
  Result<HitData> hit = read_hit_data(data);
  if (!hit.is_ok()) return hit.status();
  hit->record.text = std::string(hit->text);
  return std::move(hit->record);
}

}  // namespace jil::schema
