// Implementation of oai_identity.h.
#include "api/oai_identity.h"

#include "api/header_text.h"
#include "api/host_name.h"
#include "base/utf8.h"

namespace jil::api {
namespace {

Status refused_email(std::string_view text, std::string_view reason) {
  return invalid_argument("--oai-admin-email " + std::string(text) + ": " + std::string(reason));
}

Status refused_name(std::string_view reason) {
  return invalid_argument("--oai-repository-name: " + std::string(reason));
}

// An atext character of RFC 5322 3.2.3.
bool is_atom_character(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// Why `local` is not a dot-atom, or "".
std::string_view local_part_fault(std::string_view local) {
  if (local.empty()) return "nothing before the '@'";
  if (local.size() > kMaxEmailLocalPartBytes) return "the part before '@' is longer than 64 bytes";
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return "the part before '@' begins or ends with '.' or has two in a row";
  }
  for (char c : local) {
    if (c != '.' && !is_atom_character(c)) {
      return "the part before '@' may hold only ASCII letters, digits, '.' and "
             "!#$%&'*+-/=?^_`{|}~ (no spaces, quotes or brackets)";
    }
  }
  return "";
}

}  // namespace

Result<std::string> parse_oai_admin_email(std::string_view text) {
  if (text.size() > kMaxEmailBytes) {
    return refused_email(text.substr(0, 40),
                         "longer than " + std::to_string(kMaxEmailBytes) + " bytes");
  }
  const size_t at = text.rfind('@');
  if (at == std::string_view::npos) return refused_email(text, "not an address (local@domain)");
  if (const std::string_view fault = local_part_fault(text.substr(0, at)); !fault.empty()) {
    return refused_email(text, fault);
  }
  const std::string_view domain = text.substr(at + 1);
  if (const std::string_view fault = host_name_fault(domain); !fault.empty()) {
    return refused_email(text, "domain: " + std::string(fault));
  }
  if (domain.find('.') == std::string_view::npos) {
    return refused_email(text, "the domain needs a dot (example.org), as OAI-PMH asks");
  }
  const size_t last_dot = domain.rfind('.');
  if (all_digits(domain.substr(last_dot + 1))) {
    return refused_email(text, "the domain must be a name, not an IPv4 address");
  }
  return std::string(text);
}

Result<std::string> parse_oai_repository_name(std::string_view text) {
  if (text.size() > kMaxOaiRepositoryNameBytes) {
    return refused_name("longer than " + std::to_string(kMaxOaiRepositoryNameBytes) + " bytes");
  }
  if (!utf8::is_valid(text)) return refused_name("not valid UTF-8");
  if (without_ows(text).empty()) return refused_name("empty");
  if (without_ows(text).size() != text.size()) return refused_name("a space or tab at an end");
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return refused_name("a control character (a line break, a tab, ...)");
    }
  }
  return std::string(text);
}

}  // namespace jil::api
