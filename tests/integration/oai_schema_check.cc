// Implementation of oai_schema_check.h.
#include "oai_schema_check.h"

#include <filesystem>
#include <fstream>

#include "child_process.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

const std::filesystem::path kSchema = kSourceDir / "tests/fixtures/oai/OAI-PMH.xsd";
constexpr char kXmllint[] = "/usr/bin/xmllint";

}  // namespace

bool have_xmllint() { return std::filesystem::exists(kXmllint); }

std::string oai_schema_errors(const std::string& xml) {
  static const std::filesystem::path folder = environment().make_temp_dir("oai-schema");
  static int counter = 0;
  const std::filesystem::path file = folder / ("answer-" + std::to_string(++counter) + ".xml");
  std::ofstream(file, std::ios::binary) << xml;
  const ProgramResult result =
      run_program(kXmllint, {"--noout", "--nonet", "--schema", kSchema.string(), file.string()});
  if (result.exit_code == 0) return "";
  return "xmllint exit " + std::to_string(result.exit_code) + ": " + result.err;
}

}  // namespace jil::integration
