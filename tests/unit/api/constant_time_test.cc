// Tests api/constant_time.cc: equal exactly when the bytes are equal, wherever they differ.
#include "api/constant_time.h"

#include <gtest/gtest.h>

#include <string>

namespace jil::api {
namespace {

TEST(ConstantTimeEqual, EqualBytesAreEqual) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  const std::string with_nul("a\0b", 3);
  EXPECT_TRUE(constant_time_equal(with_nul, std::string("a\0b", 3)));
}

TEST(ConstantTimeEqual, ADifferenceAnywhereMakesThemUnequal) {
  const std::string hash(64, 'a');
  for (size_t index = 0; index < hash.size(); ++index) {
    std::string other = hash;
    other[index] = 'b';
    EXPECT_FALSE(constant_time_equal(hash, other)) << "difference at " << index;
    other[index] = static_cast<char>('a' ^ 0x80);  // a high bit only
    EXPECT_FALSE(constant_time_equal(hash, other)) << "high bit at " << index;
  }
}

TEST(ConstantTimeEqual, DifferentLengthsAreUnequal) {
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("abcd", "abc"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  // A prefix of the stored hash is not the hash.
  EXPECT_FALSE(constant_time_equal(std::string(64, 'f'), std::string(63, 'f')));
}

}  // namespace
}  // namespace jil::api
