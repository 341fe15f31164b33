// Unit tests of api/oai_token.h: tokens round-trip, and anything altered, truncated or invented
// is refused.
#include "api/oai_token.h"

#include <gtest/gtest.h>

namespace jil::api {
namespace {

OaiResumption sample() {
  OaiResumption resumption;
  resumption.arguments = {"oai_dc", "2019-01-01", "2020-12-31", "language:fr"};
  resumption.offset = 50;
  resumption.index_revision = 68;
  return resumption;
}

TEST(OaiToken, RoundTrips) {
  const std::string token = encode_resumption_token(sample());
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << "URL-safe";
  Result<OaiResumption> decoded = decode_resumption_token(token);
  ASSERT_TRUE(decoded.is_ok()) << decoded.status().message();
  EXPECT_EQ(decoded->arguments.metadata_prefix, "oai_dc");
  EXPECT_EQ(decoded->arguments.from, "2019-01-01");
  EXPECT_EQ(decoded->arguments.until, "2020-12-31");
  EXPECT_EQ(decoded->arguments.set, "language:fr");
  EXPECT_EQ(decoded->offset, 50u);
  EXPECT_EQ(decoded->index_revision, 68u);
}

TEST(OaiToken, RefusesAlteredAndInventedTokens) {
  const std::string token = encode_resumption_token(sample());
  for (size_t i = 0; i < token.size(); i += 7) {
    std::string altered = token;
    altered[i] = altered[i] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(decode_resumption_token(altered).is_ok()) << i;
  }
  EXPECT_FALSE(decode_resumption_token(token.substr(0, token.size() - 2)).is_ok());
  EXPECT_FALSE(decode_resumption_token("").is_ok());
  EXPECT_FALSE(decode_resumption_token("zz" + token).is_ok());
  EXPECT_FALSE(decode_resumption_token(std::string(kMaxResumptionTokenBytes + 2, '0')).is_ok());
}

}  // namespace
}  // namespace jil::api
