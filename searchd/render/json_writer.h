// Writes JSON straight into a string, for the answers a search sends on every request (building
// an nlohmann::json tree and dumping it cost a seventh of an uncached search). The text is the
// same as json_text() of the equivalent tree: compact, strings escaped as nlohmann::json escapes
// them (invalid UTF-8 replaced by U+FFFD), `<`, `>` and `&` as \u003c, \u003e and \u0026, and
// numbers as nlohmann::json writes them. The caller writes each object's keys in byte order,
// as nlohmann::json's std::map keeps them (json_writer_test.cc checks the answers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jil::render {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The key of the next value of the current object.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& number(uint64_t value);
  JsonWriter& number(int64_t value);
  JsonWriter& number(double value);
  JsonWriter& boolean(bool value);
  JsonWriter& strings(const std::vector<std::string>& texts);  // an array of strings

 private:
  void before_value();  // a comma when the value is not the first of its array or object

  std::string& out_;
  std::vector<bool> first_;  // per open array or object: nothing written in it yet
  bool after_key_ = false;
};

// `text` as a JSON string (quotes included), escaped like JsonWriter::string.
void append_json_string(std::string& out, std::string_view text);

}  // namespace jil::render
