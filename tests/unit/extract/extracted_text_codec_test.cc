// Tests extract/extracted_text_codec.cc: every field survives the pipe, errors keep code and
// message, and cut or forged bytes are refused instead of read past their end.
#include "extract/extracted_text_codec.h"

#include <gtest/gtest.h>

namespace jil::extract {
namespace {

ExtractedText full_record() {
  ExtractedText extracted;
  extracted.title = "المدونة";
  extracted.text = "page one\fpage two";
  extracted.language = "ar";
  extracted.description = "A description";
  extracted.page_offsets = {0, 9};
  extracted.embedded.title = "Title";
  extracted.embedded.language = "ar";
  extracted.embedded.date = "D:20210504";
  extracted.embedded.year = 2021;
  extracted.embedded.authors = {"One", "Two"};
  extracted.embedded.description = "Embedded description";
  extracted.embedded.keywords = {"gifts", "gender", "social media"};
  extracted.embedded.type = "Guidance";
  extracted.embedded.coverage = "global";
  return extracted;
}

TEST(ExtractedTextCodec, RoundTripsEveryField) {
  const ExtractedText original = full_record();
  Result<ExtractedText> decoded = decode_extraction(encode_extraction(original));
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().to_string();
  EXPECT_EQ(decoded->title, original.title);
  EXPECT_EQ(decoded->text, original.text);
  EXPECT_EQ(decoded->language, original.language);
  EXPECT_EQ(decoded->description, original.description);
  EXPECT_EQ(decoded->page_offsets, original.page_offsets);
  EXPECT_EQ(decoded->charset, original.charset);
  EXPECT_EQ(decoded->charset_confidence, original.charset_confidence);
  EXPECT_EQ(decoded->quality, original.quality);
  EXPECT_EQ(decoded->quality_notes, original.quality_notes);
  EXPECT_EQ(decoded->embedded, original.embedded);
  EXPECT_EQ(decoded->embedded, original.embedded);
}

TEST(ExtractedTextCodec, RoundTripsAnError) {
  Result<ExtractedText> decoded =
      decode_extraction(encode_extraction(Status(StatusCode::kUnsupported, "PDF is encrypted")));
  ASSERT_FALSE(decoded.is_ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(decoded.status().message(), "PDF is encrypted");
}

TEST(ExtractedTextCodec, RefusesEveryCutOfTheBytes) {
  const std::string bytes = encode_extraction(full_record());
  for (size_t size = 0; size < bytes.size(); ++size) {
    Result<ExtractedText> decoded = decode_extraction(std::string_view(bytes).substr(0, size));
    ASSERT_FALSE(decoded.is_ok()) << size;
    EXPECT_EQ(decoded.status().message(), "extractor sent a malformed result");
  }
}

TEST(ExtractedTextCodec, RefusesAForgedLength) {
  std::string bytes = encode_extraction(full_record());
  bytes[6 + 7] = '\x7F';  // the title's length, made enormous
  EXPECT_FALSE(decode_extraction(bytes).is_ok());
  EXPECT_FALSE(decode_extraction(encode_extraction(full_record()) + "x").is_ok());
}

}  // namespace
}  // namespace jil::extract
