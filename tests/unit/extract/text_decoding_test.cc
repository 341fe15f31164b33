// Tests extract/text_decoding.cc with real files in each listed encoding, made from corpus texts
// of the right language by tests/fixtures/formats/make_encodings.py: paragraph-sized texts come
// back exactly, with the charset named; byte order marks decide before any guess.
#include "extract/text_decoding.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "base/utf8.h"
#include "format_fixture.h"

namespace jil::extract {
namespace {

std::string encoding_fixture(const std::string& name) {
  return read_whole_file(std::filesystem::path(JIL_ENCODING_FIXTURES) / name);
}

struct EncodingCase {
  const char* name;
  const char* charset;
};

constexpr EncodingCase kEncodingCases[] = {
    {"ru-windows-1251", "windows-1251"},
    {"ru-koi8-r", "KOI8-R"},
    {"ar-windows-1256", "windows-1256"},
    {"zh-gb18030", "GB18030"},
    {"zh-gbk", "GB18030"},  // GBK is a subset of GB18030: ICU names the superset
    {"zh-big5", "Big5"},
    {"fr-latin-1", "ISO-8859-1"},
    {"es-latin-1", "ISO-8859-1"},
    {"ru-utf-16le-bom", "UTF-16LE"},
    {"zh-utf-16be-bom", "UTF-16BE"},
    {"fr-utf-16le-no-bom", "UTF-16LE"},
    {"ar-utf-8-bom", "UTF-8"},
};

TEST(TextDecoding, ParagraphInEachEncodingComesBackExactly) {
  for (const EncodingCase& encoding : kEncodingCases) {
    SCOPED_TRACE(encoding.name);
    const std::string name = std::string(encoding.name) + "-long";
    Result<DecodedText> decoded = decode_text(encoding_fixture(name + ".txt"));
    ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
    EXPECT_EQ(decoded->charset, encoding.charset);
    EXPECT_EQ(decoded->utf8, encoding_fixture(name + ".expected"));
    EXPECT_GT(decoded->confidence, 0);
  }
}

// ICU's detector is statistical: one line of 60 characters is often not enough. This test keeps
// what a single line gets (valid UTF-8, never a failure) and prints the table the README quotes.
TEST(TextDecoding, SingleLineIsDecodedToValidUtf8WhateverTheGuess) {
  for (const EncodingCase& encoding : kEncodingCases) {
    const std::string name = std::string(encoding.name) + "-short";
    Result<DecodedText> decoded = decode_text(encoding_fixture(name + ".txt"));
    ASSERT_TRUE(decoded.is_ok()) << name << ": " << decoded.status().to_string();
    EXPECT_TRUE(utf8::is_valid(decoded->utf8)) << name;
    const bool right = decoded->utf8 == encoding_fixture(name + ".expected");
    std::printf("%-22s detected %-12s confidence %3d  %s\n", name.c_str(), decoded->charset.c_str(),
                decoded->confidence, right ? "right" : "WRONG");
  }
}

TEST(TextDecoding, ByteOrderMarksDecide) {
  Result<DecodedText> utf8 = decode_text("\xEF\xBB\xBFjuge");
  ASSERT_TRUE(utf8.is_ok());
  EXPECT_EQ(utf8->utf8, "juge");
  EXPECT_EQ(utf8->charset, "UTF-8");
  Result<DecodedText> utf16 = decode_text(std::string("\xFF\xFE\x34\x04\x30\x04", 6));
  ASSERT_TRUE(utf16.is_ok());
  EXPECT_EQ(utf16->utf8, "да");
  EXPECT_EQ(utf16->charset, "UTF-16LE");
  EXPECT_EQ(utf16->confidence, 100);
  Result<DecodedText> utf32 = decode_text(std::string("\xFF\xFE\x00\x00\x2D\x4E\x00\x00", 8));
  ASSERT_TRUE(utf32.is_ok());
  EXPECT_EQ(utf32->utf8, "中");
  EXPECT_EQ(utf32->charset, "UTF-32LE");
}

TEST(TextDecoding, ValidUtf8IsTakenAsIs) {
  Result<DecodedText> decoded = decode_text("Судья — juge — 法官");
  ASSERT_TRUE(decoded.is_ok());
  EXPECT_EQ(decoded->utf8, "Судья — juge — 法官");
  EXPECT_EQ(decoded->charset, "UTF-8");
  EXPECT_EQ(decoded->confidence, 100);
}

TEST(TextDecoding, GarbageBecomesValidUtf8) {
  std::string garbage;
  for (int index = 0; index < 4096; ++index) garbage += static_cast<char>((index * 7919) % 256);
  Result<DecodedText> decoded = decode_text(garbage);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_TRUE(utf8::is_valid(decoded->utf8));
}

TEST(TextDecoding, NamedCharsetConverts) {
  Result<std::string> converted = convert_to_utf8("\xC4\xE0", "windows-1251");
  ASSERT_TRUE(converted.is_ok());
  EXPECT_EQ(*converted, "Да");
  Result<std::string> unknown = convert_to_utf8("x", "no-such-charset");
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().message(), "unknown text encoding 'no-such-charset'");
}

}  // namespace
}  // namespace jil::extract
