// The form of JIL API keys: "jil_" and 43 base64url characters carrying 256 bits from
// getrandom(2). A key is shown once, when created; only its SHA-256 and its first 12 characters
// (the prefix that identifies it in `keys list`, not enough to guess the rest: 208 secret bits
// stay) are ever stored.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::api {

// Random bytes in a key: 256 bits, twice the 128 the plan asks for.
inline constexpr size_t kApiKeyRandomBytes = 32;
inline constexpr std::string_view kApiKeyTag = "jil_";
// "jil_" + 43 base64url characters (32 bytes, unpadded).
inline constexpr size_t kApiKeyLength = 4 + 43;
// Characters of the key kept in the key file to name it ("jil_" + 8).
inline constexpr size_t kApiKeyPrefixLength = 12;

// A new key from getrandom(2); kIoError when the kernel gives no randomness.
Result<std::string> generate_api_key();

// True when `text` has the form of a key ("jil_" + 43 base64url characters).
bool is_api_key_form(std::string_view text);

// The prefix stored and listed for a key (its first kApiKeyPrefixLength characters).
std::string api_key_prefix(std::string_view key);

// Lower-case hex SHA-256 of the key: what the key file stores. A plain hash is right here: the
// key is 256 random bits, so there is nothing for a slow password hash to protect.
std::string api_key_hash(std::string_view key);

}  // namespace jil::api
