// Tests schema/head_reader.cc against the JSON-tree reading it replaces in read_hit_data
// (json::from_msgpack then record_from_head): for whole heads, heads missing each field, each
// field of each wrong type, unknown fields of any shape, and every truncation and byte flip,
// both readers agree on whether the head is good and, when it is, on every field.
#include "schema/head_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/document_data.h"
#include "schema/msgpack_events.h"

namespace jil::schema {
namespace {

using nlohmann::json;

DocRecord full_record() {
  DocRecord record;
  record.id = "code-of-conduct-2019-fr";
  record.work = "code-of-conduct-2019";
  record.title = "Code de déontologie judiciaire";
  record.language = analysis::Language::kFr;
  record.script = "";
  record.type = "code-of-conduct";
  record.organisation = "Conseil supérieur";
  record.country = "FR";
  record.region = "europe";
  record.year = 2019;
  record.topics = {"impartiality", "integrity"};
  record.values = {"independence"};
  record.summary = "Un code.";
  record.source = "fr/code.pdf";
  record.format = "pdf";
  record.media_type = "application/pdf";
  record.original_name = "code.pdf";
  record.sha256 = std::string(64, 'a');
  record.bytes = 123456789012ULL;
  record.quality = "repaired";
  record.quality_notes = "hyphens joined";
  record.page_offsets = {0, 4000, 9000};
  record.indexed_at = "2026-11-27T06:00:00Z";
  record.language_source = "detected";
  record.language_confidence = 0.75;
  return record;
}

// What the tree reader makes of `bytes`: the record (as JSON, to compare) or an error.
Result<json> by_tree(const std::vector<uint8_t>& bytes) {
  const json head = json::from_msgpack(bytes, true, false);
  if (!head.is_object()) return Status(StatusCode::kCorrupt, "not an object");
  Result<DocRecord> record = record_from_head(head, "");
  if (!record.is_ok()) return record.status();
  return document_head(*record);
}

Result<json> by_sax(const std::vector<uint8_t>& bytes) {
  DocRecord record;
  const std::string_view fields(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (Status status = read_head_into(fields, record); !status.is_ok()) return status;
  return document_head(record);
}

// Both readers accept `head` alike, and read the same record from it.
void expect_agree(const std::vector<uint8_t>& bytes, const std::string& what) {
  const Result<json> tree = by_tree(bytes);
  const Result<json> sax = by_sax(bytes);
  ASSERT_EQ(tree.is_ok(), sax.is_ok())
      << what << ": tree " << tree.status().to_string() << ", sax " << sax.status().to_string();
  if (tree.is_ok()) {
    EXPECT_EQ(*tree, *sax) << what;
  } else {
    EXPECT_EQ(sax.status().code(), StatusCode::kCorrupt) << what;
    EXPECT_EQ(sax.status().message().rfind("document data: ", 0), 0u) << what;
  }
}

void expect_agree(const json& head, const std::string& what) {
  expect_agree(json::to_msgpack(head), what);
}

TEST(HeadReader, ReadsEveryFieldTheWriterWrites) {
  const DocRecord record = full_record();
  const json head = document_head(record);
  DocRecord read;
  const std::vector<uint8_t> bytes = json::to_msgpack(head);
  ASSERT_TRUE(read_head_into(
                  std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), read)
                  .is_ok());
  EXPECT_EQ(document_head(read), head);
  EXPECT_EQ(read.bytes, 123456789012ULL);
  EXPECT_EQ(read.language, analysis::Language::kFr);
  EXPECT_EQ(read.topics, record.topics);
  EXPECT_EQ(read.page_offsets, record.page_offsets);
  EXPECT_DOUBLE_EQ(read.language_confidence, 0.75);
  expect_agree(head, "whole head");
}

TEST(HeadReader, AgreesOnMissingFieldsAndWrongTypes) {
  const json head = document_head(full_record());
  const std::vector<json> wrong = {nullptr,
                                   true,
                                   7,
                                   -3,
                                   2.5,
                                   "text",
                                   json::array(),
                                   json::array({1, "a"}),
                                   json::array({"a", "b"}),
                                   json::object({{"k", "v"}}),
                                   json::binary({1, 2})};
  for (const auto& [name, value] : head.items()) {
    json without = head;
    without.erase(name);
    expect_agree(without, "without " + name);
    for (const json& replacement : wrong) {
      json changed = head;
      changed[name] = replacement;
      expect_agree(changed, name + " = " + replacement.dump());
    }
  }
}

TEST(HeadReader, SkipsUnknownFieldsOfAnyShape) {
  json head = document_head(full_record());
  head["later_field"] = json::object({{"nested", json::array({json::object({{"a", 1}}), "x"})}});
  head["another"] = json::array({json::array({1, 2}), json::object()});
  head["scalar"] = 4.5;
  expect_agree(head, "unknown fields");
  ASSERT_TRUE(by_sax(json::to_msgpack(head)).is_ok());
  EXPECT_EQ(*by_sax(json::to_msgpack(head)), document_head(full_record()));
}

// Unknown fields in every MessagePack format nlohmann writes: ints and uints of each width,
// negative fixints, float32 and float64, str8 and str16, array16, map16, bin and ext.
TEST(HeadReader, AgreesOnEveryMessagePackFormat) {
  json head = document_head(full_record());
  head["ints"] = json::array({-1, -100, -1000, -100000, -10000000000LL, 200, 60000, 4000000000ULL,
                              18000000000000000000ULL});
  head["floats"] = json::array({0.5, 0.1, 1e300});
  head["long_text"] = std::string(300, 'x');
  head["longer_text"] = std::string(70000, 'y');
  head["many"] = json::array();
  for (int i = 0; i < 20; ++i) head["many"].push_back(i);
  head["wide"] = json::object();
  for (int i = 0; i < 20; ++i) head["wide"]["k" + std::to_string(i)] = i;
  head["blob"] = json::binary({1, 2, 3});
  head["ext"] = json::binary({1, 2, 3, 4}, 7);
  head["fixext"] = json::binary({9}, 3);
  expect_agree(head, "every format");
  ASSERT_TRUE(by_sax(json::to_msgpack(head)).is_ok());
  EXPECT_EQ(*by_sax(json::to_msgpack(head)), document_head(full_record()));
  // Trailing bytes and nesting past the limit are refused.
  std::vector<uint8_t> trailing = json::to_msgpack(document_head(full_record()));
  trailing.push_back(0xC0);
  expect_agree(trailing, "a byte after the head");
  std::vector<uint8_t> deep(kMaxMsgpackDepth + 1, 0x91);  // arrays of one array of ...
  deep.push_back(0x01);
  EXPECT_FALSE(by_sax(deep).is_ok());
}

TEST(HeadReader, AgreesOnEveryTruncationAndByteFlip) {
  const std::vector<uint8_t> bytes = json::to_msgpack(document_head(full_record()));
  for (size_t size = 0; size < bytes.size(); ++size) {
    expect_agree(std::vector<uint8_t>(bytes.begin(), bytes.begin() + size),
                 "first " + std::to_string(size) + " bytes");
  }
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (const uint8_t mask : {0x01, 0x10, 0x80, 0xFF}) {
      std::vector<uint8_t> flipped = bytes;
      flipped[at] ^= mask;
      expect_agree(flipped, "byte " + std::to_string(at) + " ^ " + std::to_string(mask));
    }
  }
  expect_agree(json::to_msgpack(json::array({1, 2})), "an array");
  expect_agree(json::to_msgpack(json("text")), "a string");
}

}  // namespace
}  // namespace jil::schema
