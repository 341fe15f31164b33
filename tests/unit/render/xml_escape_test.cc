// Unit tests of render/xml_escape.h: markup characters escaped, characters XML 1.0 cannot
// carry dropped, UTF-8 left alone.
#include "render/xml_escape.h"

#include <gtest/gtest.h>

namespace jil::render {
namespace {

TEST(XmlEscape, EscapesMarkupAndDropsForbiddenControls) {
  EXPECT_EQ(xml_escaped("a & b < c > d \"e\" 'f'"),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  EXPECT_EQ(xml_escaped(std::string("x\x01y\x1fz\0w", 8)), "xyzw");
  EXPECT_EQ(xml_escaped("tab\tline\ncr\r"), "tab\tline\ncr\r");
  EXPECT_EQ(xml_escaped("تضارب المصالح 利益冲突"), "تضارب المصالح 利益冲突");
}

}  // namespace
}  // namespace jil::render
