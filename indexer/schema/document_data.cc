// Implementation of document_data.h, and of doc_record.h's to_document_data and
// from_document_data (the same format without snippet blocks and without a dictionary).
#include "schema/document_data.h"

#include <algorithm>
#include <cstdint>

#include "base/utf8.h"
#include "schema/compressed_block.h"
#include "schema/head_reader.h"
#include "schema/varint.h"

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

namespace {

// Reads varints and byte runs from stored data; every read fails (false) past its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool varint(uint64_t& value) { return get_varint(bytes_, at_, value); }
  bool bytes(uint64_t size, std::string_view& out) {
    if (size > bytes_.size() - at_) return false;
    out = bytes_.substr(at_, size);
    at_ += size;
    return true;
  }
  std::string_view rest() const { return bytes_.substr(at_); }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

}  // namespace

std::string to_document_data(const DocRecord& record, const SnippetBlocks& blocks,
                             BlockCompressor& compressor) {
  const std::string repaired =
      utf8::is_valid(record.text) ? std::string() : utf8::repaired(record.text);
  const std::string_view text = repaired.empty() ? std::string_view(record.text) : repaired;
  std::string packed_text;
  std::string head;
  const std::vector<uint8_t> fields = json::to_msgpack(document_head(record));
  put_varint(head, fields.size());
  head.append(fields.begin(), fields.end());
  put_varint(head, blocks.body_position);
  put_varint(head, blocks.starts.size());
  uint32_t previous = 0;
  for (const uint32_t start : blocks.starts) {
    put_varint(head, start - previous);
    previous = start;
  }
  put_varint(head, text.size());
  put_varint(head, kTextBlockBytes);
  for (size_t begin = 0; begin < text.size(); begin += kTextBlockBytes) {
    const std::string block = compressor.compress(text.substr(begin, kTextBlockBytes));
    put_varint(head, block.size());
    packed_text += block;
  }
  const std::string packed_head = compressor.compress(head);
  std::string data(1, static_cast<char>(kDocumentDataFormat));
  put_varint(data, compressor.dictionary_id());
  put_varint(data, head.size());
  put_varint(data, packed_head.size());
  data += packed_head;
  data += packed_text;
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

namespace {

// The prefix of the data: its dictionary and where its head is.
struct DataPrefix {
  uint32_t dictionary_id = 0;
  uint64_t head_size = 0;
  std::string_view packed_head;
  std::string_view packed_text;
};

Result<DataPrefix> read_prefix(std::string_view data) {
  if (data.empty() || static_cast<uint8_t>(data[0]) != kDocumentDataFormat) {
    return corrupt("not of schema version 10 (an older index?)");
  }
  Reader reader(data.substr(1));
  DataPrefix prefix;
  uint64_t dictionary_id = 0, packed_size = 0;
  if (!reader.varint(dictionary_id) || dictionary_id > UINT32_MAX ||
      !reader.varint(prefix.head_size) || !reader.varint(packed_size) ||
      !reader.bytes(packed_size, prefix.packed_head)) {
    return corrupt("truncated head");
  }
  prefix.dictionary_id = static_cast<uint32_t>(dictionary_id);
  prefix.packed_text = reader.rest();
  return prefix;
}

// The head's plain bytes, decompressed; kCorrupt for data of another layout.
Result<std::string> inflate_head(std::string_view data, BlockDecompressor& decompressor,
                                 DataPrefix& prefix) {
  Result<DataPrefix> read = read_prefix(data);
  if (!read.is_ok()) return read.status();
  prefix = *read;
  return decompressor.decompress(prefix.packed_head, prefix.head_size, prefix.dictionary_id);
}

Result<json> head_fields(Reader& reader) {
  uint64_t size = 0;
  std::string_view fields;
  if (!reader.varint(size) || !reader.bytes(size, fields)) return corrupt("truncated head");
  json head = json::from_msgpack(fields, true, false);
  if (!head.is_object()) return corrupt("the head is not an object");
  return head;
}

}  // namespace

Result<json> read_document_head(std::string_view data, BlockDecompressor& decompressor) {
  DataPrefix prefix;
  Result<std::string> head = inflate_head(data, decompressor, prefix);
  if (!head.is_ok()) return head.status();
  Reader reader(*head);
  return head_fields(reader);
}

Result<uint32_t> document_data_dictionary(std::string_view data) {
  Result<DataPrefix> prefix = read_prefix(data);
  if (!prefix.is_ok()) return prefix.status();
  return prefix->dictionary_id;
}

Result<HitData> read_hit_data(std::string_view data, BlockDecompressor& decompressor) {
  HitData hit;
  DataPrefix prefix;
  Result<std::string> head = inflate_head(data, decompressor, prefix);
  if (!head.is_ok()) return head.status();
  hit.packed_text = prefix.packed_text;
  hit.dictionary_id = prefix.dictionary_id;
  Reader reader(*head);
  uint64_t fields_size = 0;
  std::string_view fields;
  if (!reader.varint(fields_size) || !reader.bytes(fields_size, fields)) {
    return corrupt("truncated head");
  }
  if (Status status = read_head_into(fields, hit.record); !status.is_ok()) return status;
  uint64_t body_position = 0, starts = 0, text_size = 0, block_bytes = 0;
  if (!reader.varint(body_position) || !reader.varint(starts)) return corrupt("truncated head");
  hit.blocks.body_position = static_cast<uint32_t>(body_position);
  uint64_t start = 0;
  for (uint64_t i = 0; i < starts; ++i) {
    uint64_t delta = 0;
    if (!reader.varint(delta)) return corrupt("truncated snippet blocks");
    start += delta;
    hit.blocks.starts.push_back(static_cast<uint32_t>(start));
  }
  if (!reader.varint(text_size) || !reader.varint(block_bytes) || block_bytes == 0) {
    return corrupt("truncated head");
  }
  hit.text_size = text_size;
  hit.block_bytes = block_bytes;
  size_t end = 0;
  for (uint64_t begin = 0; begin < text_size; begin += block_bytes) {
    uint64_t packed_size = 0;
    if (!reader.varint(packed_size)) return corrupt("truncated block index");
    end += packed_size;
    if (end > hit.packed_text.size()) return corrupt("a text block is missing");
    hit.block_ends.push_back(end);
  }
  if (end != hit.packed_text.size()) return corrupt("bytes after the last text block");
  return hit;
}

Result<std::string> read_text(const HitData& hit, size_t begin, size_t end,
                              BlockDecompressor& decompressor) {
  end = std::min(end, hit.text_size);
  begin = std::min(begin, end);
  if (begin == end) return std::string();
  const size_t first = begin / hit.block_bytes;
  const size_t last = (end - 1) / hit.block_bytes;
  std::string text;
  for (size_t block = first; block <= last; ++block) {
    const size_t from = block == 0 ? 0 : hit.block_ends[block - 1];
    const size_t plain = std::min(hit.block_bytes, hit.text_size - block * hit.block_bytes);
    Result<std::string> piece = decompressor.decompress(
        hit.packed_text.substr(from, hit.block_ends[block] - from), plain, hit.dictionary_id);
    if (!piece.is_ok()) return piece.status();
    text += *piece;
  }
  return text.substr(begin - first * hit.block_bytes, end - begin);
}

std::string to_document_data(const DocRecord& record) {
  BlockCompressor compressor;
  return to_document_data(record, {}, compressor);
}

Result<DocRecord> from_document_data(std::string_view data, BlockDecompressor& decompressor) {
  Result<HitData> hit = read_hit_data(data, decompressor);
  if (!hit.is_ok()) return hit.status();
  Result<std::string> text = read_text(*hit, 0, hit->text_size, decompressor);
  if (!text.is_ok()) return text.status();
  hit->record.text = std::move(text).value();
  return std::move(hit->record);
}

Result<std::string> recompressed_document_data(std::string_view data,
                                               BlockDecompressor& decompressor,
                                               BlockCompressor& compressor) {
  Result<HitData> hit = read_hit_data(data, decompressor);
  if (!hit.is_ok()) return hit.status();
  Result<std::string> text = read_text(*hit, 0, hit->text_size, decompressor);
  if (!text.is_ok()) return text.status();
  hit->record.text = std::move(text).value();
  return to_document_data(hit->record, hit->blocks, compressor);
}

Result<std::vector<std::string>> document_data_samples(std::string_view data,
                                                       BlockDecompressor& decompressor) {
  DataPrefix prefix;
  Result<std::string> head = inflate_head(data, decompressor, prefix);
  if (!head.is_ok()) return head.status();
  Result<HitData> hit = read_hit_data(data, decompressor);
  if (!hit.is_ok()) return hit.status();
  std::vector<std::string> samples{std::move(head).value()};
  for (size_t begin = 0; begin < hit->text_size; begin += hit->block_bytes) {
    Result<std::string> block = read_text(*hit, begin, begin + hit->block_bytes, decompressor);
    if (!block.is_ok()) return block.status();
    samples.push_back(std::move(block).value());
  }
  return samples;
}

}  // namespace jil::schema
