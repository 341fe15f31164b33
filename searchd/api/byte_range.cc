// Implementation of byte_range.h.
#include "api/byte_range.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "api/header_text.h"

namespace jil::api {
namespace {

constexpr uint64_t kLargestPosition = std::numeric_limits<uint64_t>::max();

// A range-spec: `first-last`, `first-` (no last) or `-suffix` (no first; last holds the suffix).
struct RangeSpec {
  std::optional<uint64_t> first;
  std::optional<uint64_t> last;
};

// One or more ASCII digits as a number, saturated at kLargestPosition; nothing for anything else.
std::optional<uint64_t> position_of(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  uint64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto digit = static_cast<uint64_t>(c - '0');
    value = value > (kLargestPosition - digit) / 10 ? kLargestPosition : value * 10 + digit;
  }
  return value;
}

std::optional<RangeSpec> range_spec_of(std::string_view text) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const std::string_view first_text = text.substr(0, dash);
  const std::string_view last_text = text.substr(dash + 1);
  if (first_text.empty()) {
    const std::optional<uint64_t> suffix = position_of(last_text);
    if (!suffix) return std::nullopt;
    return RangeSpec{std::nullopt, suffix};
  }
  const std::optional<uint64_t> first = position_of(first_text);
  if (!first) return std::nullopt;
  if (last_text.empty()) return RangeSpec{first, std::nullopt};
  const std::optional<uint64_t> last = position_of(last_text);
  if (!last || *last < *first) return std::nullopt;  // RFC 9110 14.1.1: invalid
  return RangeSpec{first, last};
}

// The single range-spec of a `bytes` range-set; nothing when there are none, several, or one is
// malformed. Empty list items ("0-9,") are skipped, as RFC 9110 5.6.1.2 asks of recipients.
std::optional<RangeSpec> single_range_spec(std::string_view range_set) {
  std::optional<RangeSpec> only;
  size_t count = 0;
  while (true) {
    const size_t comma = range_set.find(',');
    const std::string_view item = without_ows(range_set.substr(0, comma));
    if (!item.empty()) {
      if (++count > 1) return std::nullopt;
      only = range_spec_of(item);
      if (!only) return std::nullopt;
    }
    if (comma == std::string_view::npos) break;
    range_set.remove_prefix(comma + 1);
  }
  return only;
}

}  // namespace

RangeSelection select_byte_range(std::string_view range_header, uint64_t length) {
  const RangeSelection whole;
  range_header = without_ows(range_header);
  const size_t equals = range_header.find('=');
  if (equals == std::string_view::npos) return whole;
  if (!equals_ignoring_case(range_header.substr(0, equals), "bytes")) return whole;
  const std::optional<RangeSpec> spec = single_range_spec(range_header.substr(equals + 1));
  if (!spec) return whole;
  const RangeSelection unsatisfiable{RangeSelection::Kind::kUnsatisfiable, {}};
  if (!spec->first) {
    const uint64_t suffix = *spec->last;
    if (suffix == 0) return unsatisfiable;
    if (length == 0) return whole;
    return {RangeSelection::Kind::kPartial, {length - std::min(suffix, length), length - 1}};
  }
  if (*spec->first >= length) return unsatisfiable;
  const uint64_t last = std::min(spec->last.value_or(kLargestPosition), length - 1);
  return {RangeSelection::Kind::kPartial, {*spec->first, last}};
}

}  // namespace jil::api
