// Implementation of oai_token.h. Layout before hex encoding: fields joined by '\x1f' (unit
// separator, which no argument can hold), then the FNV-1a 64 checksum of that text.
#include "api/oai_token.h"

#include <charconv>
#include <cstdio>
#include <vector>

namespace jil::api {
namespace {

constexpr char kSeparator = '\x1f';
constexpr std::string_view kTokenVersion = "1";
constexpr size_t kTokenFields = 7;  // version, prefix, from, until, set, offset, revision

uint64_t checksum(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string hex_of(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : bytes) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

bool bytes_of(std::string_view hex, std::string& bytes) {
  if (hex.size() % 2 != 0) return false;
  for (size_t i = 0; i < hex.size(); i += 2) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
    if (error != std::errc() || end != hex.data() + i + 2) return false;
    bytes += static_cast<char>(value);
  }
  return true;
}

bool number_of(std::string_view text, uint64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

Status bad_token(const std::string& why) { return invalid_argument("the resumptionToken " + why); }

}  // namespace

std::string encode_resumption_token(const OaiResumption& resumption) {
  const OaiListArguments& arguments = resumption.arguments;
  std::string text(kTokenVersion);
  for (const std::string& field :
       {arguments.metadata_prefix, arguments.from, arguments.until, arguments.set,
        std::to_string(resumption.offset), std::to_string(resumption.index_revision)}) {
    text += kSeparator;
    text += field;
  }
  char sum[17];
  std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(checksum(text)));
  return hex_of(text) + sum;
}

Result<OaiResumption> decode_resumption_token(std::string_view token) {
  if (token.size() > kMaxResumptionTokenBytes || token.size() < 16) {
    return bad_token("has the wrong length");
  }
  std::string text;
  if (!bytes_of(token.substr(0, token.size() - 16), text)) return bad_token("is not hex");
  char sum[17];
  std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(checksum(text)));
  if (token.substr(token.size() - 16) != sum) return bad_token("fails its checksum");
  std::vector<std::string> fields(1);
  for (char c : text) {
    if (c == kSeparator) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (fields.size() != kTokenFields || fields[0] != kTokenVersion) {
    return bad_token("has an unknown layout");
  }
  OaiResumption resumption;
  resumption.arguments = {fields[1], fields[2], fields[3], fields[4]};
  if (!number_of(fields[5], resumption.offset) ||
      !number_of(fields[6], resumption.index_revision)) {
    return bad_token("has a malformed position");
  }
  return resumption;
}

}  // namespace jil::api
