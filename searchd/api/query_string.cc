// Implementation of query_string.h.
#include "api/query_string.h"

#include "base/utf8.h"

namespace jil::api {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `source` names the text in errors: "the URL" or "the form".
Result<std::string> percent_decode(std::string_view text, bool plus_is_space,
                                   std::string_view source) {
  std::string out;
  out.reserve(text.size());
  for (size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (c == '%') {
      const auto malformed = [&] {
        return invalid_argument("malformed percent-escape in " + std::string(source));
      };
      if (index + 2 >= text.size()) return malformed();
      const int high = hex_value(text[index + 1]);
      const int low = hex_value(text[index + 2]);
      if (high < 0 || low < 0) return malformed();
      out += static_cast<char>(high * 16 + low);
      index += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!utf8::is_valid(out)) {
    return invalid_argument(std::string(source) + " is not valid UTF-8 once decoded");
  }
  if (out.find('\0') != std::string::npos) {
    return invalid_argument(std::string(source) + " contains NUL");
  }
  return out;
}

}  // namespace

std::string ParsedTarget::first(const std::string& name) const {
  const auto found = parameters.find(name);
  return found == parameters.end() ? std::string() : found->second;
}

std::vector<std::string> ParsedTarget::all(const std::string& name) const {
  std::vector<std::string> values;
  const auto [begin, end] = parameters.equal_range(name);
  for (auto entry = begin; entry != end; ++entry) values.push_back(entry->second);
  return values;
}

Result<std::multimap<std::string, std::string>> parse_query(std::string_view query,
                                                            std::string_view source) {
  std::multimap<std::string, std::string> parameters;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    if (parameters.size() >= kMaxQueryParameters) {
      return invalid_argument("more than " + std::to_string(kMaxQueryParameters) +
                              " query parameters");
    }
    const size_t equals = pair.find('=');
    Result<std::string> name = percent_decode(pair.substr(0, equals), true, source);
    if (!name.is_ok()) return name.status();
    Result<std::string> value = percent_decode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true,
        source);
    if (!value.is_ok()) return value.status();
    parameters.emplace(std::move(name).value(), std::move(value).value());
  }
  return parameters;
}

Result<ParsedTarget> parse_target(std::string_view target) {
  ParsedTarget parsed;
  const size_t question = target.find('?');
  Result<std::string> path = percent_decode(target.substr(0, question), false, "the URL");
  if (!path.is_ok()) return path.status();
  parsed.path = std::move(path).value();
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  const size_t fragment = query.find('#');
  if (fragment != std::string_view::npos) query = query.substr(0, fragment);
  Result<std::multimap<std::string, std::string>> parameters = parse_query(query, "the URL");
  if (!parameters.is_ok()) return parameters.status();
  parsed.parameters = std::move(parameters).value();
  return parsed;
}

}  // namespace jil::api
