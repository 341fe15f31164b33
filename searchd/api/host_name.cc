// Implementation of host_name.h.
#include "api/host_name.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "api/header_text.h"

namespace jil::api {
namespace {

bool is_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string_view host_name_fault(std::string_view host) {
  if (host.empty()) return "no host";
  if (host.size() > kMaxHostNameBytes) return "the host name is longer than 253 bytes";
  for (char c : host) {
    if (!is_letter_or_digit(c) && c != '-' && c != '.') {
      return "the host may hold only ASCII letters, digits, '-' and '.' (an international name "
             "in its xn-- form)";
    }
  }
  std::string_view last_label;
  for (size_t start = 0; start <= host.size();) {
    const size_t dot = std::min(host.find('.', start), host.size());
    const std::string_view label = host.substr(start, dot - start);
    if (label.empty()) return "the host has an empty label (two dots, or a dot at an end)";
    if (label.size() > kMaxHostLabelBytes) return "a label of the host is longer than 63 bytes";
    if (label.front() == '-' || label.back() == '-') {
      return "a label of the host begins or ends with '-'";
    }
    last_label = label;
    start = dot + 1;
  }
  if (all_digits(last_label)) {
    std::array<uint8_t, 4> address{};
    const std::string terminated(host);
    if (inet_pton(AF_INET, terminated.c_str(), address.data()) != 1) {
      return "the host is not a valid IPv4 address (four numbers 0 to 255)";
    }
  }
  return "";
}

}  // namespace jil::api
