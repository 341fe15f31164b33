// Tests base/utf8.cc: validation of well-formed and ill-formed sequences, repair with U+FFFD and
// truncation on code point boundaries.
#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::utf8 {
namespace {

using namespace std::string_literals;

TEST(Utf8IsValid, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid(""));
  EXPECT_TRUE(is_valid("plain ASCII"));
  EXPECT_TRUE(is_valid("été القضاة 法官 😀"));
  EXPECT_TRUE(is_valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(is_valid("nul \0 inside"s));
}

TEST(Utf8IsValid, RefusesIllFormedSequences) {
  EXPECT_FALSE(is_valid("caf\xE9"));           // Latin-1
  EXPECT_FALSE(is_valid("\x80"));              // lone continuation byte
  EXPECT_FALSE(is_valid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid("\xE0\x80\xAF"));      // overlong '/', three bytes
  EXPECT_FALSE(is_valid("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid("\xE6\xB3"));          // truncated 法
  EXPECT_FALSE(is_valid("\xFF"));
}

TEST(Utf8Repaired, KeepsValidTextAsIs) { EXPECT_EQ(repaired("été 法官"), "été 法官"); }

TEST(Utf8Repaired, ReplacesIllFormedSequencesWithReplacementCharacter) {
  EXPECT_EQ(repaired("caf\xE9"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(repaired("a\xFF"
                     "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(repaired("\xE6\xB3"), "\xEF\xBF\xBD");  // one maximal subpart, one U+FFFD
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80\x80"}) {
    EXPECT_TRUE(is_valid(repaired(bad))) << bad;
  }
}

TEST(Utf8TruncatePoint, NeverCutsACodePoint) {
  const std::string text = "h\xC3\xA9llo";  // héllo: é is bytes 1..2
  EXPECT_EQ(truncate_point(text, 1), 1u);
  EXPECT_EQ(truncate_point(text, 2), 1u);
  EXPECT_EQ(truncate_point(text, 3), 3u);
  EXPECT_EQ(truncate_point("法官", 4), 3u);
  EXPECT_EQ(truncate_point("法官", 2), 0u);
  EXPECT_EQ(truncate_point("法官", 0), 0u);
}

TEST(Utf8TruncatePoint, ShortTextIsKeptWhole) {
  EXPECT_EQ(truncate_point("法官", 6), 6u);
  EXPECT_EQ(truncate_point("法官", 100), 6u);
  EXPECT_EQ(truncate_point("", 0), 0u);
}

}  // namespace
}  // namespace jil::utf8
