// Tests api/key_file.cc: the file round-trips, every field is checked, it is written with mode
// 0600 and holds no key.
#include "api/key_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "api/api_key.h"
#include "base/file_io.h"
#include "temporary_directory.h"

namespace jil::api {
namespace {

KeyRecord sample_key(const std::string& key) {
  KeyRecord record;
  record.prefix = api_key_prefix(key);
  record.sha256 = api_key_hash(key);
  record.name = "Portal of the Network";
  record.rate = 0.5;
  record.burst = 7;
  record.origins = {"https://portal.example", "http://127.0.0.1:8000"};
  record.created = "2026-11-26T10:00:00Z";
  return record;
}

TEST(KeyFile, RoundTripsAndIsPrivate) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory.path() / "keys.json";
  Result<std::string> key = generate_api_key();
  ASSERT_TRUE(key.is_ok());
  KeyRecord revoked = sample_key("jil_" + std::string(43, 'r'));
  revoked.revoked = "2026-11-27T09:30:00Z";
  ASSERT_TRUE(save_key_file(path, {sample_key(*key), revoked}).is_ok());

  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  Result<std::string> text = read_file(path, 1 << 20);
  ASSERT_TRUE(text.is_ok());
  EXPECT_EQ(text->find(*key), std::string::npos) << "the file must never hold the key";
  EXPECT_NE(text->find(api_key_hash(*key)), std::string::npos);

  Result<std::vector<KeyRecord>> loaded = load_key_file(path);
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().to_string();
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0].prefix, api_key_prefix(*key));
  EXPECT_EQ((*loaded)[0].rate, 0.5);
  EXPECT_EQ((*loaded)[0].burst, 7u);
  EXPECT_EQ((*loaded)[0].origins, sample_key(*key).origins);
  EXPECT_FALSE((*loaded)[0].is_revoked());
  EXPECT_EQ((*loaded)[1].revoked, "2026-11-27T09:30:00Z");
}

TEST(KeyFile, MissingFileIsNotFoundAndNamed) {
  TemporaryDirectory directory;
  Result<std::vector<KeyRecord>> loaded = load_key_file(directory.path() / "none.json");
  ASSERT_FALSE(loaded.is_ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
  EXPECT_NE(loaded.status().message().find("none.json"), std::string::npos);
}

// The text of a file with one key whose field `field` is replaced by `value` (JSON).
std::string with_field(const std::string& field, const std::string& value) {
  std::string text = key_file_text({sample_key("jil_" + std::string(43, 'k'))});
  const size_t start = text.find("\"" + field + "\": ");
  EXPECT_NE(start, std::string::npos) << field;
  const size_t value_start = start + field.size() + 4;
  size_t end = value_start;
  int depth = 0;
  for (; end < text.size(); ++end) {
    if (text[end] == '[') ++depth;
    if (text[end] == ']') --depth;
    if (depth == 0 && (text[end] == ',' || text[end] == '\n')) break;
  }
  return text.substr(0, value_start) + value + text.substr(end);
}

TEST(KeyFile, EveryFieldIsChecked) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"sha256", "\"abc\""},
      {"prefix", "\"xyz_abcdefgh\""},
      {"name", "\"\""},
      {"rate", "0"},
      {"rate", "-1"},
      {"rate", "\"fast\""},
      {"burst", "0"},
      {"burst", "1.5"},
      {"origins", "[\"null\"]"},
      {"origins", "[\"https://portal.example/\"]"},
      {"origins", "[\"ftp://portal.example\"]"},
      {"origins", "[\"https://Portal.example\"]"},
      {"created", "\"yesterday\""},
      {"revoked", "\"2026-11-27\""},
  };
  for (const auto& [field, value] : bad) {
    Result<std::vector<KeyRecord>> parsed = parse_key_file(with_field(field, value));
    ASSERT_FALSE(parsed.is_ok()) << field << " = " << value;
    EXPECT_NE(parsed.status().message().find("key 1"), std::string::npos)
        << parsed.status().message();
    EXPECT_NE(parsed.status().message().find(field), std::string::npos)
        << parsed.status().message();
  }
  EXPECT_TRUE(parse_key_file(with_field("origins", "[]")).is_ok());
}

TEST(KeyFile, UnknownFieldsAndDuplicatesAreRefused) {
  EXPECT_FALSE(parse_key_file("not json").is_ok());
  EXPECT_FALSE(parse_key_file(R"({"version": 2, "keys": []})").is_ok());
  EXPECT_FALSE(parse_key_file(R"({"version": 1, "keys": [], "extra": 1})").is_ok());
  EXPECT_TRUE(parse_key_file(R"({"version": 1, "keys": []})").is_ok());
  const KeyRecord key = sample_key("jil_" + std::string(43, 'd'));
  Result<std::vector<KeyRecord>> twice = parse_key_file(key_file_text({key, key}));
  ASSERT_FALSE(twice.is_ok());
  EXPECT_NE(twice.status().message().find("twice"), std::string::npos);
  std::string text = key_file_text({key});
  text.replace(text.find("\"name\""), 6, "\"nick\"");
  Result<std::vector<KeyRecord>> unknown = parse_key_file(text);
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_NE(unknown.status().message().find("unknown field 'nick'"), std::string::npos);
}

}  // namespace
}  // namespace jil::api
