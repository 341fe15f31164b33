// Implementation of head_reader.h: a handler of MessagePack events that knows the head's fields.
#include "schema/head_reader.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "schema/msgpack_events.h"

namespace jil::schema {
namespace {

enum class Kind { kString, kLanguage, kInt, kUnsigned, kDouble, kStrings, kUnsigneds };

struct Field {
  std::string_view name;
  Kind kind;
  bool required;
  std::string DocRecord::*text = nullptr;               // kString
  std::vector<std::string> DocRecord::*list = nullptr;  // kStrings
};

// The head's fields, as document_data.cc's read_head reads them from the JSON tree.
constexpr std::array<Field, 25> kFields = {{
    {"id", Kind::kString, true, &DocRecord::id},
    {"work", Kind::kString, true, &DocRecord::work},
    {"title", Kind::kString, true, &DocRecord::title},
    {"language", Kind::kLanguage, true},
    {"script", Kind::kString, true, &DocRecord::script},
    {"type", Kind::kString, true, &DocRecord::type},
    {"organisation", Kind::kString, true, &DocRecord::organisation},
    {"country", Kind::kString, true, &DocRecord::country},
    {"region", Kind::kString, true, &DocRecord::region},
    {"year", Kind::kInt, true},
    {"topics", Kind::kStrings, true, nullptr, &DocRecord::topics},
    {"values", Kind::kStrings, true, nullptr, &DocRecord::values},
    {"summary", Kind::kString, true, &DocRecord::summary},
    {"source", Kind::kString, true, &DocRecord::source},
    {"format", Kind::kString, true, &DocRecord::format},
    {"media_type", Kind::kString, true, &DocRecord::media_type},
    {"original_name", Kind::kString, true, &DocRecord::original_name},
    {"sha256", Kind::kString, true, &DocRecord::sha256},
    {"bytes", Kind::kUnsigned, true},
    {"quality", Kind::kString, false, &DocRecord::quality},
    {"quality_notes", Kind::kString, false, &DocRecord::quality_notes},
    {"page_offsets", Kind::kUnsigneds, false},
    {"indexed_at", Kind::kString, false, &DocRecord::indexed_at},
    {"language_source", Kind::kString, false, &DocRecord::language_source},
    {"language_confidence", Kind::kDouble, false},
}};
constexpr size_t kNone = kFields.size();

// The events of msgpack_events.h (nlohmann's SAX interface, which it mirrors). Every callback
// returns false to stop at the first problem, which `problem` then names.
class HeadHandler {
 public:
  explicit HeadHandler(DocRecord& record) : record_(record) {}

  bool null() { return scalar(Value{}); }
  bool boolean(bool value) { return scalar(Value{Value::kBoolean, value ? 1.0 : 0.0, value, {}}); }
  bool number_integer(int64_t value) {
    return scalar(
        Value{Value::kNumber, static_cast<double>(value), static_cast<uint64_t>(value), {}});
  }
  bool number_unsigned(uint64_t value) {
    return scalar(Value{Value::kNumber, static_cast<double>(value), value, {}});
  }
  bool number_float(double value) { return scalar(Value{Value::kFloat, value, 0, {}}); }
  bool string(std::string& value) { return scalar(Value{Value::kString, 0, 0, &value}); }
  bool binary() { return scalar(Value{}); }
  bool start_object(std::size_t) {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    if (!skippable()) return false;  // an object is no field's type
    ++skipped_depth_;
    return true;
  }
  bool key(std::string& name) {
    if (skipped_depth_ > 0) return true;
    field_ = kNone;
    for (size_t i = 0; i < kFields.size(); ++i) {
      if (kFields[i].name == name) field_ = i;
    }
    return true;
  }
  bool end_object() {
    if (skipped_depth_ > 0) --skipped_depth_;
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ == 0) return fail("the head is not an object");
    if (skipped_depth_ > 0 || in_list_) {
      if (in_list_) return mistyped();
      ++skipped_depth_;
      return true;
    }
    if (field_ == kNone) {
      ++skipped_depth_;
      return true;
    }
    const Kind kind = kFields[field_].kind;
    if (kind != Kind::kStrings && kind != Kind::kUnsigneds) return mistyped();
    in_list_ = true;
    if (kind == Kind::kStrings) (record_.*kFields[field_].list).clear();
    if (kind == Kind::kUnsigneds) record_.page_offsets.clear();
    return true;
  }
  bool end_array() {
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      return true;
    }
    in_list_ = false;
    seen_[field_] = true;
    return true;
  }
  bool parse_error(const std::string& what) { return fail("the head is not MessagePack: " + what); }

  // After the parse: the problem, else the first required field that was not there.
  std::string problem() const {
    if (!problem_.empty()) return problem_;
    if (depth_ == 0) return "the head is not an object";
    for (size_t i = 0; i < kFields.size(); ++i) {
      if (kFields[i].required && !seen_[i]) {
        return "the head has no field '" + std::string(kFields[i].name) + "'";
      }
    }
    return "";
  }

 private:
  struct Value {
    enum Type { kOther, kBoolean, kNumber, kFloat, kString } type = kOther;
    double real = 0;     // any number (or boolean) as a double
    uint64_t whole = 0;  // an integer's (or boolean's) bits; floats convert from `real`
    std::string* text = nullptr;
  };

  // A nested object: skipped inside an unknown field, else of the wrong type.
  bool skippable() {
    if (skipped_depth_ > 0 || (!in_list_ && field_ == kNone)) return true;
    return mistyped();
  }

  bool scalar(const Value& value) {
    if (depth_ == 0) return fail("the head is not an object");
    if (skipped_depth_ > 0 || field_ == kNone) return true;
    const Kind kind = kFields[field_].kind;
    // nlohmann reads a boolean as an int or uint32_t, not as a uint64_t or a double.
    const bool number = value.type == Value::kNumber || value.type == Value::kFloat;
    const bool small_number = number || value.type == Value::kBoolean;
    const uint64_t whole =
        value.type == Value::kFloat ? static_cast<uint64_t>(value.real) : value.whole;
    if (in_list_) {
      if (kind == Kind::kStrings && value.type == Value::kString) {
        (record_.*kFields[field_].list).push_back(std::move(*value.text));
        return true;
      }
      if (kind == Kind::kUnsigneds && small_number) {
        record_.page_offsets.push_back(static_cast<uint32_t>(whole));
        return true;
      }
      return mistyped();
    }
    switch (kind) {
      case Kind::kString:
      case Kind::kLanguage:
        if (value.type != Value::kString) return mistyped();
        if (kind == Kind::kLanguage) {
          record_.language =
              analysis::parse_language(*value.text).value_or(analysis::Language::kUnd);
        } else {
          record_.*kFields[field_].text = std::move(*value.text);
        }
        break;
      case Kind::kInt:
        if (!small_number) return mistyped();
        record_.year = value.type == Value::kFloat ? static_cast<int>(value.real)
                                                   : static_cast<int>(static_cast<int64_t>(whole));
        break;
      case Kind::kUnsigned:
        if (!number) return mistyped();
        record_.bytes = whole;
        break;
      case Kind::kDouble:
        if (!number) return mistyped();
        record_.language_confidence = value.real;
        break;
      case Kind::kStrings:
      case Kind::kUnsigneds:
        return mistyped();
    }
    seen_[field_] = true;
    return true;
  }

  bool mistyped() {
    return fail("the head's field '" + std::string(kFields[field_].name) +
                "' is of the wrong type");
  }
  bool fail(std::string problem) {
    if (problem_.empty()) problem_ = std::move(problem);
    return false;
  }

  DocRecord& record_;
  size_t depth_ = 0;          // 1 inside the head's object
  size_t skipped_depth_ = 0;  // > 0 inside a value that is skipped (an unknown field's)
  size_t field_ = kNone;      // the field whose value comes next
  bool in_list_ = false;      // inside a known field's array
  std::array<bool, kFields.size()> seen_{};
  std::string problem_;
};

}  // namespace

Status read_head_into(std::string_view fields, DocRecord& record) {
  HeadHandler handler(record);
  const bool parsed = MsgpackEvents<HeadHandler>(fields, handler).read();
  std::string problem = handler.problem();
  if (!parsed && problem.empty()) problem = "the head is not MessagePack";
  if (problem.empty()) return Status::ok();
  return Status(StatusCode::kCorrupt, "document data: " + problem);
}

}  // namespace jil::schema
