// Reads the fixture files of tests/fixtures/formats (real files made with real tools) and the
// hostile files tests/fixtures/formats/make_hostile.py writes into the build tree before the tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace jil {

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ADD_FAILURE() << "cannot read fixture " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string format_fixture(const std::string& name) {
  return read_whole_file(std::filesystem::path(JIL_FORMAT_FIXTURES) / name);
}

inline std::string hostile_fixture(const std::string& name) {
  return read_whole_file(std::filesystem::path(JIL_HOSTILE_FIXTURES) / name);
}

}  // namespace jil
