// Tests render/json_text.cc: <, > and & leave as \u003c, \u003e, \u0026, the text still parses
// back to the same value, and invalid UTF-8 is replaced rather than thrown.
#include "render/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace jil::render {
namespace {

TEST(JsonText, EscapesMarkupCharactersAndStillParsesToTheSameValue) {
  const nlohmann::json value = {{"query", "</script><script>alert(1)</script> & <b>"},
                                {"html", "a <mark>b</mark>"},
                                {"n", 3}};
  const std::string text = json_text(value);
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_EQ(text.find('>'), std::string::npos) << text;
  EXPECT_EQ(text.find('&'), std::string::npos) << text;
  EXPECT_NE(text.find("\\u003c/script\\u003e"), std::string::npos) << text;
  EXPECT_NE(text.find("\\u0026"), std::string::npos) << text;
  EXPECT_EQ(nlohmann::json::parse(text), value);
}

TEST(JsonText, LeavesOtherTextAloneAndReplacesInvalidUtf8) {
  EXPECT_EQ(json_text({{"q", "juge \"é\" 法官"}}), "{\"q\":\"juge \\\"é\\\" 法官\"}");
  EXPECT_EQ(json_text({{"q", "bad \xFF"}}), "{\"q\":\"bad \xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace jil::render
