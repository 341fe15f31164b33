// The API key file (`--keys FILE`): one JSON document listing every key ever created, each with
// its prefix, the SHA-256 of the key (never the key), name, limits, allowed origins and its
// created/revoked dates. Written atomically (temporary file, fsync, rename) with mode 0600.
//   {"version": 1, "keys": [{"prefix": "jil_AbCdEfGh", "sha256": "…64 hex…", "name": "…",
//     "rate": 10, "burst": 20, "origins": ["https://portal.example"],
//     "created": "2026-11-26T10:00:00Z", "revoked": null}]}
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "api/access_limits.h"
#include "base/status.h"

namespace jil::api {

struct KeyRecord {
  std::string prefix;                 // first characters of the key, to name it (api_key.h)
  std::string sha256;                 // lower-case hex SHA-256 of the whole key
  std::string name;                   // who it is for, free text
  double rate = kDefaultKeyRate;      // requests per second, sustained
  uint32_t burst = kDefaultKeyBurst;  // requests at once
  std::vector<std::string> origins;   // browser origins allowed to use it (CORS), may be empty
  std::string created;                // RFC 3339 UTC, "2026-11-26T10:00:00Z"
  std::string revoked;                // same form; "" while the key is valid

  bool is_revoked() const { return !revoked.empty(); }
};

// Parses and checks the file's text. kInvalidArgument naming the key (by position and prefix)
// and the field on any error: unknown field, bad hash, rate or burst out of bounds, an origin
// that is not scheme://host[:port] (and never "null"), two keys with one hash.
Result<std::vector<KeyRecord>> parse_key_file(std::string_view text);
std::string key_file_text(const std::vector<KeyRecord>& keys);

// Reads FILE (kNotFound when absent); errors name the file.
Result<std::vector<KeyRecord>> load_key_file(const std::filesystem::path& path);
// Writes FILE atomically with mode 0600.
Status save_key_file(const std::filesystem::path& path, const std::vector<KeyRecord>& keys);

// Checks one rate/burst pair against access_limits.h; the message names the one out of bounds
// as `rate_name` or `burst_name` ("--rate", "field 'rate'").
Status check_rate_limit(double rate, uint64_t burst, std::string_view rate_name,
                        std::string_view burst_name);

// "10", "0.5": a rate as people write it.
std::string rate_text(double rate);

}  // namespace jil::api
