// Implementation of key_file.h with nlohmann/json; every field is checked, unknown ones refused.
#include "api/key_file.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "api/api_key.h"
#include "api/cors_policy.h"
#include "base/file_io.h"
#include "store/content_store.h"

namespace jil::api {
namespace {

constexpr int kKeyFileVersion = 1;
constexpr mode_t kKeyFileMode = 0600;  // hashes only, but nobody else needs to read them

// "2026-11-26T10:00:00Z": the one form we write.
bool is_timestamp(std::string_view text) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return false;
  for (size_t index = 0; index < text.size(); ++index) {
    const bool digit = text[index] >= '0' && text[index] <= '9';
    if (kShape[index] == 'd' ? !digit : text[index] != kShape[index]) return false;
  }
  return true;
}

Result<KeyRecord> key_from_json(const nlohmann::json& entry) {
  static const std::set<std::string> kFields = {"prefix", "sha256",  "name",    "rate",
                                                "burst",  "origins", "created", "revoked"};
  if (!entry.is_object()) return invalid_argument("is not an object");
  for (const auto& [field, value] : entry.items()) {
    if (!kFields.contains(field)) return invalid_argument("unknown field '" + field + "'");
  }
  KeyRecord key;
  const auto text = [&](const char* field, std::string& into) -> Status {
    if (!entry.contains(field) || !entry[field].is_string()) {
      return invalid_argument(std::string("field '") + field + "' must be a string");
    }
    into = entry[field].get<std::string>();
    return Status::ok();
  };
  if (Status s = text("prefix", key.prefix); !s.is_ok()) return s;
  if (key.prefix.size() != kApiKeyPrefixLength || !key.prefix.starts_with(kApiKeyTag)) {
    return invalid_argument("field 'prefix' is not the start of a JIL key");
  }
  if (Status s = text("sha256", key.sha256); !s.is_ok()) return s;
  if (!store::is_sha256_hex(key.sha256)) {
    return invalid_argument("field 'sha256' must be 64 lower-case hex digits");
  }
  if (Status s = text("name", key.name); !s.is_ok()) return s;
  if (key.name.empty() || key.name.size() > kMaxKeyNameBytes) {
    return invalid_argument("field 'name' must have 1 to " + std::to_string(kMaxKeyNameBytes) +
                            " bytes");
  }
  if (!entry.contains("rate") || !entry["rate"].is_number()) {
    return invalid_argument("field 'rate' must be a number");
  }
  if (!entry.contains("burst") || !entry["burst"].is_number_unsigned()) {
    return invalid_argument("field 'burst' must be a whole number");
  }
  key.rate = entry["rate"].get<double>();
  const uint64_t burst = entry["burst"].get<uint64_t>();
  if (Status s = check_rate_limit(key.rate, burst, "field 'rate'", "field 'burst'"); !s.is_ok()) {
    return s;
  }
  key.burst = static_cast<uint32_t>(burst);
  if (!entry.contains("origins") || !entry["origins"].is_array() ||
      entry["origins"].size() > kMaxOriginsPerKey) {
    return invalid_argument("field 'origins' must be a list of at most " +
                            std::to_string(kMaxOriginsPerKey) + " origins");
  }
  for (const auto& origin : entry["origins"]) {
    if (!origin.is_string() || !is_allowed_origin_form(origin.get<std::string>())) {
      return invalid_argument("field 'origins': " + origin.dump() +
                              " is not an origin like https://portal.example[:port]");
    }
    key.origins.push_back(origin.get<std::string>());
  }
  if (Status s = text("created", key.created); !s.is_ok()) return s;
  if (!is_timestamp(key.created)) {
    return invalid_argument("field 'created' must look like 2026-11-26T10:00:00Z");
  }
  if (entry.contains("revoked") && !entry["revoked"].is_null()) {
    if (Status s = text("revoked", key.revoked); !s.is_ok()) return s;
    if (!is_timestamp(key.revoked)) {
      return invalid_argument("field 'revoked' must be null or look like 2026-11-26T10:00:00Z");
    }
  }
  return key;
}

}  // namespace

std::string rate_text(double rate) {
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, rate, std::chars_format::fixed).ptr;
  return std::string(buffer, end);
}

Status check_rate_limit(double rate, uint64_t burst, std::string_view rate_name,
                        std::string_view burst_name) {
  if (!std::isfinite(rate) || rate < kMinRate || rate > kMaxRate) {
    return invalid_argument(std::string(rate_name) + " must be between " + rate_text(kMinRate) +
                            " and " + rate_text(kMaxRate) + " requests per second");
  }
  if (burst < 1 || burst > kMaxBurst) {
    return invalid_argument(std::string(burst_name) + " must be between 1 and " +
                            std::to_string(kMaxBurst));
  }
  return Status::ok();
}

Result<std::vector<KeyRecord>> parse_key_file(std::string_view text) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return invalid_argument("not valid JSON");
  if (!document.is_object() || !document.contains("version") || !document.contains("keys") ||
      document.size() != 2) {
    return invalid_argument("expected an object with exactly 'version' and 'keys'");
  }
  if (document["version"] != kKeyFileVersion) {
    return invalid_argument("unsupported 'version' (this searchd reads version " +
                            std::to_string(kKeyFileVersion) + ")");
  }
  if (!document["keys"].is_array() || document["keys"].size() > kMaxKeys) {
    return invalid_argument("'keys' must be a list of at most " + std::to_string(kMaxKeys) +
                            " keys");
  }
  std::vector<KeyRecord> keys;
  std::set<std::string> hashes;
  for (const auto& entry : document["keys"]) {
    const std::string where = "key " + std::to_string(keys.size() + 1);
    Result<KeyRecord> key = key_from_json(entry);
    if (!key.is_ok()) return invalid_argument(where + ": " + key.status().message());
    if (!hashes.insert(key->sha256).second) {
      return invalid_argument(where + " (" + key->prefix + "): the same key is listed twice");
    }
    keys.push_back(std::move(key).value());
  }
  return keys;
}

std::string key_file_text(const std::vector<KeyRecord>& keys) {
  nlohmann::json list = nlohmann::json::array();
  for (const KeyRecord& key : keys) {
    list.push_back({{"prefix", key.prefix},
                    {"sha256", key.sha256},
                    {"name", key.name},
                    {"rate", key.rate},
                    {"burst", key.burst},
                    {"origins", key.origins},
                    {"created", key.created},
                    {"revoked", key.is_revoked() ? nlohmann::json(key.revoked) : nullptr}});
  }
  const nlohmann::json document = {{"version", kKeyFileVersion}, {"keys", list}};
  return document.dump(2) + "\n";
}

Result<std::vector<KeyRecord>> load_key_file(const std::filesystem::path& path) {
  Result<std::string> text = read_file(path, kMaxKeyFileBytes);
  if (!text.is_ok()) return text.status();  // its message names the file
  Result<std::vector<KeyRecord>> keys = parse_key_file(*text);
  if (!keys.is_ok()) return invalid_argument(path.string() + ": " + keys.status().message());
  return keys;
}

Status save_key_file(const std::filesystem::path& path, const std::vector<KeyRecord>& keys) {
  return write_file_atomically(path, key_file_text(keys), Sync::kNow, kKeyFileMode);
}

}  // namespace jil::api
