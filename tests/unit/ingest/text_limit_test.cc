// Tests ingest/text_limit.cc: a text over the limit is cut on a character boundary and its
// document is flagged, with a note saying how much was left out; a text within it is untouched.
#include "ingest/text_limit.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"
#include "ingest/indexer_options.h"

namespace jil::ingest {
namespace {

TEST(TextLimit, ATextWithinTheLimitIsLeftAsItIs) {
  std::string text(kMaxExtractedTextBytes, 'a');
  std::string quality = "ok";
  std::string notes;
  EXPECT_FALSE(cut_to_text_limit(text, quality, notes));
  EXPECT_EQ(text.size(), kMaxExtractedTextBytes);
  EXPECT_EQ(quality, "ok");
  EXPECT_EQ(notes, "");
}

TEST(TextLimit, ALongerTextIsCutOnACharacterAndFlaggedSuspectWithANote) {
  // Two-byte letters, one byte off, so that the limit falls inside a character.
  std::string text = "a";
  while (text.size() < kMaxExtractedTextBytes + 8 * 1024 * 1024) text += "ж";
  std::string quality = "repaired";
  std::string notes = "Arabic letters repaired";
  EXPECT_TRUE(cut_to_text_limit(text, quality, notes));
  EXPECT_LE(text.size(), kMaxExtractedTextBytes);
  EXPECT_GE(text.size(), kMaxExtractedTextBytes - 1);
  EXPECT_TRUE(utf8::is_valid(text));
  EXPECT_EQ(quality, "suspect");
  EXPECT_EQ(notes,
            "Arabic letters repaired; text cut at 16 MiB of 24.0 MiB: the rest is not searchable");
}

}  // namespace
}  // namespace jil::ingest
