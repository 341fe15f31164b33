// Tests api/byte_range.cc as rows of Range header and length → what to send: every single-range
// form, the ends of the file, empty files, numbers past 64 bits, whitespace, other units and
// several ranges.
#include "api/byte_range.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jil::api {
namespace {

// "whole", "none" (416) or "first-last".
std::string selected(std::string_view header, uint64_t length) {
  const RangeSelection selection = select_byte_range(header, length);
  switch (selection.kind) {
    case RangeSelection::Kind::kWhole:
      return "whole";
    case RangeSelection::Kind::kUnsatisfiable:
      return "none";
    case RangeSelection::Kind::kPartial:
      return std::to_string(selection.range.first) + "-" + std::to_string(selection.range.last);
  }
  return "?";
}

struct Row {
  const char* header;
  uint64_t length;
  const char* expected;
};

void expect_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    EXPECT_EQ(selected(row.header, row.length), row.expected)
        << "Range: " << row.header << " of " << row.length << " bytes";
  }
}

TEST(ByteRange, FirstToLastIsThoseBytesCutAtTheEnd) {
  expect_rows({
      {"bytes=0-0", 100, "0-0"},
      {"bytes=0-99", 100, "0-99"},
      {"bytes=10-19", 100, "10-19"},
      {"bytes=99-99", 100, "99-99"},
      {"bytes=90-150", 100, "90-99"},  // past the end: cut to the end
      {"bytes=0-18446744073709551615", 100, "0-99"},
  });
}

TEST(ByteRange, FirstOnwardsRunsToTheEnd) {
  expect_rows(
      {{"bytes=0-", 100, "0-99"}, {"bytes=42-", 100, "42-99"}, {"bytes=99-", 100, "99-99"}});
}

TEST(ByteRange, SuffixIsTheLastBytesOrAllOfThem) {
  expect_rows({
      {"bytes=-1", 100, "99-99"},
      {"bytes=-10", 100, "90-99"},
      {"bytes=-100", 100, "0-99"},
      {"bytes=-500", 100, "0-99"},
  });
}

TEST(ByteRange, StartAtOrPastTheEndOrEmptySuffixIsUnsatisfiable) {
  expect_rows({
      {"bytes=100-", 100, "none"},
      {"bytes=100-200", 100, "none"},
      {"bytes=5000-", 100, "none"},
      {"bytes=-0", 100, "none"},
  });
}

TEST(ByteRange, AnEmptyFileSatisfiesNoRangeAndASuffixGetsTheWholeNothing) {
  expect_rows({
      {"bytes=0-", 0, "none"},
      {"bytes=0-0", 0, "none"},
      {"bytes=-0", 0, "none"},
      {"bytes=-5", 0, "whole"},  // satisfiable, but zero bytes have no Content-Range
      {"", 0, "whole"},
  });
}

TEST(ByteRange, NumbersBeyond64BitsAreStillPastTheEnd) {
  expect_rows({
      {"bytes=99999999999999999999999999-", 100, "none"},
      {"bytes=18446744073709551615-18446744073709551615", 100, "none"},
      {"bytes=5-99999999999999999999999999", 100, "5-99"},
      {"bytes=-99999999999999999999999999", 100, "0-99"},
      {"bytes=18446744073709551616-1", 100, "whole"},  // last < first, even saturated
  });
}

TEST(ByteRange, MalformedHeadersAreIgnored) {
  expect_rows({
      {"", 100, "whole"},
      {"bytes", 100, "whole"},
      {"bytes=", 100, "whole"},
      {"bytes=-", 100, "whole"},
      {"bytes=abc", 100, "whole"},
      {"bytes=5", 100, "whole"},
      {"bytes=20-10", 100, "whole"},  // last before first (RFC 9110 14.1.1: invalid)
      {"bytes=+5-10", 100, "whole"},
      {"bytes=5--10", 100, "whole"},
      {"bytes=--5", 100, "whole"},
      {"bytes=1-2-3", 100, "whole"},
      {"bytes=0x10-", 100, "whole"},
      {"bytes=1 - 5", 100, "whole"},  // no whitespace inside a range-spec
      {"bytes =0-5", 100, "whole"},   // nor around "="
      {"bytes= 0-5", 100, "0-5"},     // but OWS around list items is allowed
      {"bytes=,", 100, "whole"},
      {"=0-5", 100, "whole"},
  });
}

TEST(ByteRange, WhitespaceAroundTheHeaderAndItemsAndTheUnitsCase) {
  expect_rows({
      {"  bytes=0-9  ", 100, "0-9"},
      {"\tbytes=0-9", 100, "0-9"},
      {"bytes=0-9 ,", 100, "0-9"},  // an empty list item is skipped (RFC 9110 5.6.1.2)
      {"bytes=,0-9", 100, "0-9"},
      {"BYTES=0-9", 100, "0-9"},
      {"Bytes=-3", 100, "97-99"},
  });
}

TEST(ByteRange, OtherUnitsAndSeveralRangesGetTheWholeFile) {
  expect_rows({
      {"items=0-9", 100, "whole"},
      {"pages=1-2", 100, "whole"},
      {"byte=0-9", 100, "whole"},
      {"bytes=0-9,20-29", 100, "whole"},
      {"bytes=0-9, 5000-", 100, "whole"},
      {"bytes=0-0,-1", 100, "whole"},
      {"bytes=200-300,400-", 100, "whole"},  // even if none can be satisfied
  });
}

TEST(ByteRange, SizeCountsBothEnds) {
  EXPECT_EQ((ByteRange{0, 0}).size(), 1u);
  EXPECT_EQ((ByteRange{10, 19}).size(), 10u);
}

}  // namespace
}  // namespace jil::api
