// A valid metadata sidecar as a JSON object, for tests to change one field at a time and check
// what parse_sidecar says about it.
#pragma once

#include <nlohmann/json.hpp>

namespace jil::schema {

inline nlohmann::json valid_sidecar() {
  return {
      {"id", "ijin-code-2021-en"},
      {"title", "Code of judicial conduct"},
      {"language", "en"},
      {"type", "code-of-conduct"},
      {"organisation", "ijin"},
      {"region", "global"},
      {"country", ""},
      {"year", 2021},
      {"topics", {"judicial-ethics", "gifts"}},
  };
}

}  // namespace jil::schema
