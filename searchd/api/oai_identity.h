// Who the OAI-PMH repository says it is in Identify (api/oai_pmh.h): its repositoryName and
// adminEmail, set with `jil-searchd --oai-repository-name TEXT --oai-admin-email ADDRESS` and
// checked here at start, so that Identify never carries a value the protocol's schema refuses.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace jil::api {

// Defaults: the library's name, and an address in `.invalid` (RFC 2606), which says that no
// mailbox is configured while keeping the dotted domain the OAI-PMH schema requires.
inline constexpr std::string_view kDefaultOaiRepositoryName = "Judicial Integrity Library";
inline constexpr std::string_view kDefaultOaiAdminEmail = "library@jil.invalid";
// Longest repository name (bytes of UTF-8): a name, not a description.
inline constexpr size_t kMaxOaiRepositoryNameBytes = 200;
// Longest address (bytes): RFC 5321 4.5.3.1 (a 256-byte path, less its angle brackets), with a
// local part of at most 64 bytes.
inline constexpr size_t kMaxEmailBytes = 254;
inline constexpr size_t kMaxEmailLocalPartBytes = 64;

struct OaiIdentity {
  std::string repository_name = std::string(kDefaultOaiRepositoryName);
  std::string admin_email = std::string(kDefaultOaiAdminEmail);
};

// The address as given when it is local@domain: the local part a dot-atom (RFC 5322 3.2.3:
// letters, digits, !#$%&'*+-/=?^_`{|}~ and single inner dots; no quoted forms), the domain a DNS
// name (api/host_name.h) with at least two labels, as the schema's emailType asks. Otherwise
// kInvalidArgument "--oai-admin-email TEXT: <reason>".
Result<std::string> parse_oai_admin_email(std::string_view text);

// The name as given when it is valid UTF-8 of 1 to kMaxOaiRepositoryNameBytes bytes, without
// control characters and without spaces at either end. Otherwise kInvalidArgument
// "--oai-repository-name: <reason>".
Result<std::string> parse_oai_repository_name(std::string_view text);

}  // namespace jil::api
