// Implementation of json_text.h.
#include "render/json_text.h"

#include <nlohmann/json.hpp>

namespace jil::render {

std::string json_text(const nlohmann::json& value) {
  const std::string dumped = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  size_t special = dumped.find_first_of("<>&");
  if (special == std::string::npos) return dumped;
  std::string text;
  text.reserve(dumped.size() + 64);
  size_t copied = 0;
  for (; special != std::string::npos; special = dumped.find_first_of("<>&", copied)) {
    text.append(dumped, copied, special - copied);
    text += dumped[special] == '<' ? "\\u003c" : dumped[special] == '>' ? "\\u003e" : "\\u0026";
    copied = special + 1;
  }
  text.append(dumped, copied);
  return text;
}

}  // namespace jil::render
