// Implementation of api_key.h: getrandom(2) for the bytes, Poco's base64url for the text and
// the content store's SHA-256 for the hash.
#include "api/api_key.h"

#include <Poco/Base64Encoder.h>
#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <sstream>

#include "store/content_store.h"

namespace jil::api {
namespace {

bool is_base64url_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

Result<std::string> generate_api_key() {
  unsigned char bytes[kApiKeyRandomBytes];
  size_t filled = 0;
  while (filled < sizeof bytes) {
    const ssize_t got = getrandom(bytes + filled, sizeof bytes - filled, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return io_error(std::string("getrandom: ") + std::strerror(errno));
    filled += static_cast<size_t>(got);
  }
  std::ostringstream text;
  {
    Poco::Base64Encoder encoder(text, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);  // one line, whatever the length
    encoder.write(reinterpret_cast<const char*>(bytes), sizeof bytes);
    encoder.close();
  }
  explicit_bzero(bytes, sizeof bytes);
  std::string key = std::string(kApiKeyTag) + text.str();
  if (!is_api_key_form(key)) return internal_error("base64url encoding gave an unexpected form");
  return key;
}

bool is_api_key_form(std::string_view text) {
  if (text.size() != kApiKeyLength || !text.starts_with(kApiKeyTag)) return false;
  for (char c : text.substr(kApiKeyTag.size())) {
    if (!is_base64url_character(c)) return false;
  }
  return true;
}

std::string api_key_prefix(std::string_view key) {
  return std::string(key.substr(0, kApiKeyPrefixLength));
}

std::string api_key_hash(std::string_view key) { return store::sha256_hex(key); }

}  // namespace jil::api
