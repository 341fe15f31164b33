// Implementation of keys_command.h.
#include "server/keys_command.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_key.h"
#include "api/cors_policy.h"
#include "api/key_file.h"
#include "api/key_file_lock.h"
#include "base/utc_time.h"

namespace jil::server {
namespace {

constexpr const char* kUsage =
    "usage: jil-searchd keys create --keys FILE --name NAME [--rate R] [--burst B] "
    "[--origin URL]...\n"
    "       jil-searchd keys list --keys FILE\n"
    "       jil-searchd keys revoke --keys FILE PREFIX\n"
    "       jil-searchd keys rotate --keys FILE PREFIX\n";

struct KeysArguments {
  std::string action;
  std::filesystem::path file;
  std::string name;
  double rate = api::kDefaultKeyRate;
  uint64_t burst = api::kDefaultKeyBurst;
  std::vector<std::string> origins;
  std::string prefix;  // revoke, rotate
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "jil-searchd keys: %s\n%s", message.c_str(), kUsage);
  return 2;
}

int failure(const std::string& message) {
  std::fprintf(stderr, "jil-searchd keys: %s\n", message.c_str());
  return 1;
}

std::string utc_now() { return utc_timestamp(std::time(nullptr)); }

// "HTTPS://Portal.Example/" → "https://portal.example", as browsers send it.
std::string normalized_origin(std::string origin) {
  for (char& c : origin) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  while (origin.ends_with('/')) origin.pop_back();
  return origin;
}

bool parse_number(const char* text, double& value) {
  char* end = nullptr;
  value = std::strtod(text, &end);
  return end != text && *end == '\0';
}

// Parses argv[2...] into `arguments`; "" when fine, else the reason.
std::string parse_arguments(int argc, char** argv, KeysArguments& arguments) {
  if (argc < 3) return "no subcommand";
  arguments.action = argv[2];
  const bool takes_prefix = arguments.action == "revoke" || arguments.action == "rotate";
  if (arguments.action != "create" && arguments.action != "list" && !takes_prefix) {
    return "unknown subcommand '" + arguments.action + "'";
  }
  for (int index = 3; index < argc; ++index) {
    const std::string_view argument = argv[index];
    const bool has_value = index + 1 < argc;
    if (argument == "--keys" && has_value) {
      arguments.file = argv[++index];
    } else if (argument == "--name" && has_value && arguments.action == "create") {
      arguments.name = argv[++index];
    } else if (argument == "--rate" && has_value && arguments.action == "create") {
      if (!parse_number(argv[++index], arguments.rate)) return "--rate takes a number";
    } else if (argument == "--burst" && has_value && arguments.action == "create") {
      const std::string_view text = argv[++index];
      const auto [end, error] =
          std::from_chars(text.data(), text.data() + text.size(), arguments.burst);
      if (error != std::errc() || end != text.data() + text.size()) {
        return "--burst takes a whole number";
      }
    } else if (argument == "--origin" && has_value && arguments.action == "create") {
      const std::string origin = normalized_origin(argv[++index]);
      if (origin == "null") return "--origin null is never allowed (any sandboxed page sends it)";
      if (!api::is_allowed_origin_form(origin)) {
        return "--origin " + std::string(argv[index]) +
               ": not an origin like https://portal.example or http://127.0.0.1:8000";
      }
      arguments.origins.push_back(origin);
    } else if (takes_prefix && arguments.prefix.empty() && !argument.starts_with("--")) {
      arguments.prefix = argument;
    } else {
      return "unexpected argument '" + std::string(argument) + "'";
    }
  }
  if (arguments.file.empty()) return "--keys FILE is required";
  if (arguments.action == "create" && arguments.name.empty()) return "--name is required";
  if (takes_prefix && arguments.prefix.empty()) return "the key's PREFIX is required";
  return "";
}

// The keys in the file, or none when it does not exist yet (create only).
Result<std::vector<api::KeyRecord>> existing_keys(const KeysArguments& arguments) {
  Result<std::vector<api::KeyRecord>> keys = api::load_key_file(arguments.file);
  if (!keys.is_ok() && keys.status().code() == StatusCode::kNotFound &&
      arguments.action == "create") {
    return std::vector<api::KeyRecord>{};
  }
  return keys;
}

// Gives `record` (name, limits, origins filled in) a new key, appends it to `keys`, saves the
// file and prints the key once. `replaced` is the prefix of a key this one replaces (rotate),
// revoked in `keys` by the caller.
int add_key(const std::filesystem::path& file, std::vector<api::KeyRecord> keys,
            api::KeyRecord record, const std::string& replaced) {
  if (keys.size() >= api::kMaxKeys) return failure("the key file already holds the most keys");
  Result<std::string> key = api::generate_api_key();
  if (!key.is_ok()) return failure(key.status().message());
  record.prefix = api::api_key_prefix(*key);
  record.sha256 = api::api_key_hash(*key);
  record.created = utc_now();
  keys.push_back(record);
  if (Status status = api::save_key_file(file, keys); !status.is_ok()) {
    return failure(status.message());
  }
  std::printf("%s\n", key->c_str());
  std::fflush(stdout);
  const std::string what =
      replaced.empty() ? "created key " + record.prefix + "…"
                       : "created key " + record.prefix + "… replacing the revoked " + replaced;
  std::fprintf(stderr,
               "jil-searchd keys: %s for '%s' in %s. This is the only time the key is shown: the "
               "file keeps only its hash.\n",
               what.c_str(), record.name.c_str(), file.c_str());
  return 0;
}

int create(const KeysArguments& arguments, std::vector<api::KeyRecord> keys) {
  if (Status status = api::check_rate_limit(arguments.rate, arguments.burst, "--rate", "--burst");
      !status.is_ok()) {
    return usage_error(status.message());
  }
  if (arguments.name.size() > api::kMaxKeyNameBytes) {
    return usage_error("--name has more than " + std::to_string(api::kMaxKeyNameBytes) + " bytes");
  }
  api::KeyRecord record;
  record.name = arguments.name;
  record.rate = arguments.rate;
  record.burst = static_cast<uint32_t>(arguments.burst);
  record.origins = arguments.origins;
  return add_key(arguments.file, std::move(keys), std::move(record), "");
}

int list(const std::vector<api::KeyRecord>& keys) {
  std::printf("%-13s %-8s %10s %7s %-20s %s\n", "prefix", "state", "rate/s", "burst", "created",
              "name / origins");
  for (const api::KeyRecord& key : keys) {
    std::string origins;
    for (const std::string& origin : key.origins) origins += " " + origin;
    std::printf("%-13s %-8s %10g %7u %-20s %s%s%s\n", key.prefix.c_str(),
                key.is_revoked() ? "revoked" : "active", key.rate, key.burst, key.created.c_str(),
                key.name.c_str(), origins.empty() ? "" : " |", origins.c_str());
  }
  return 0;
}

api::KeyRecord* find_key(const std::string& prefix, std::vector<api::KeyRecord>& keys) {
  api::KeyRecord* found = nullptr;
  for (api::KeyRecord& key : keys) {
    if (key.prefix == prefix) found = &key;
  }
  return found;
}

int no_such_key(const KeysArguments& arguments) {
  return failure("no key with prefix '" + arguments.prefix + "' in " + arguments.file.string());
}

int revoke(const KeysArguments& arguments, std::vector<api::KeyRecord> keys) {
  api::KeyRecord* found = find_key(arguments.prefix, keys);
  if (!found) return no_such_key(arguments);
  if (found->is_revoked()) {
    std::printf("key %s was already revoked on %s\n", found->prefix.c_str(),
                found->revoked.c_str());
    return 0;
  }
  found->revoked = utc_now();
  if (Status status = api::save_key_file(arguments.file, keys); !status.is_ok()) {
    return failure(status.message());
  }
  std::printf("revoked key %s (%s)\n", found->prefix.c_str(), found->name.c_str());
  return 0;
}

// A new key for the same partner (name, rate, burst, origins) and the old one revoked, in one
// write. searchd's rate limit is per partner name (api/rate_limiter.h), so the new key starts
// with whatever tokens the old one had left.
int rotate(const KeysArguments& arguments, std::vector<api::KeyRecord> keys) {
  api::KeyRecord* found = find_key(arguments.prefix, keys);
  if (!found) return no_such_key(arguments);
  if (found->is_revoked()) {
    return failure("key " + found->prefix + " was revoked on " + found->revoked +
                   ": rotate a valid key, or create a new one");
  }
  found->revoked = utc_now();
  api::KeyRecord record;
  record.name = found->name;
  record.rate = found->rate;
  record.burst = found->burst;
  record.origins = found->origins;
  const std::string replaced = found->prefix;
  return add_key(arguments.file, std::move(keys), std::move(record), replaced);
}

}  // namespace

int run_keys_command(int argc, char** argv) {
  KeysArguments arguments;
  if (const std::string error = parse_arguments(argc, argv, arguments); !error.empty()) {
    return usage_error(error);
  }
  if (arguments.action == "list") {
    // Reads only: the file is always replaced whole, so no lock is needed.
    Result<std::vector<api::KeyRecord>> keys = existing_keys(arguments);
    if (!keys.is_ok()) return failure(keys.status().message());
    return list(*keys);
  }
  // Held from reading the file to replacing it: concurrent commands each see the other's keys.
  Result<std::unique_ptr<api::KeyFileLock>> lock = api::KeyFileLock::acquire(arguments.file);
  if (!lock.is_ok()) return failure(lock.status().message());
  Result<std::vector<api::KeyRecord>> keys = existing_keys(arguments);
  if (!keys.is_ok()) return failure(keys.status().message());
  if (arguments.action == "create") return create(arguments, std::move(keys).value());
  if (arguments.action == "rotate") return rotate(arguments, std::move(keys).value());
  return revoke(arguments, std::move(keys).value());
}

}  // namespace jil::server
