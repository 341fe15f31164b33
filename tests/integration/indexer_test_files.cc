// Implementation of indexer_test_files.h.
#include "indexer_test_files.h"

#include <Poco/SHA2Engine.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "http_client.h"
#include "test_environment.h"

namespace jil::integration {
namespace {

// Time allowed for searchd (under ASan) to open an index and print its listening line.
constexpr std::chrono::seconds kSearchdStartLimit{60};

// One sentence per language for generated documents (the word that makes each unique is added).
struct LanguageText {
  const char* code;
  const char* text;
};
constexpr LanguageText kLanguageTexts[] = {
    {"en", "Judges must remain impartial and declare conflicts of interest."},
    {"fr", "Les juges doivent rester impartiaux et déclarer leurs conflits d'intérêts."},
    {"es", "Los jueces deben ser imparciales y declarar sus conflictos de intereses."},
    {"ru", "Судьи должны оставаться беспристрастными и сообщать о конфликте интересов."},
    {"ar", "يجب على القضاة أن يظلوا محايدين وأن يعلنوا عن تضارب المصالح."},
    {"zh", "法官必须保持公正并申报利益冲突。"},
};

}  // namespace

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream output(path, std::ios::binary);
  output << bytes;
  ASSERT_TRUE(output.good()) << path;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::stringstream bytes;
  bytes << input.rdbuf();
  return bytes.str();
}

std::string sha256_hex_of(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::map<std::string, std::string> folder_sha256s(const std::filesystem::path& folder) {
  std::map<std::string, std::string> manifest;
  std::error_code error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, error)) {
    const std::string name = std::filesystem::relative(entry.path(), folder).string();
    manifest[name] = entry.is_regular_file() ? sha256_hex_of(read_bytes(entry.path())) : "(folder)";
  }
  return manifest;
}

nlohmann::json sidecar_json(const std::string& id, const std::string& language) {
  nlohmann::json sidecar = {{"id", id},
                            {"title", "Integration test document " + id},
                            {"language", language},
                            {"type", "guidance"},
                            {"organisation", "ijin"},
                            {"country", ""},
                            {"region", "global"},
                            {"year", 2024},
                            {"topics", {"judicial-ethics"}}};
  if (language == "zh") sidecar["script"] = "Hans";
  return sidecar;
}

void write_source_document(const std::filesystem::path& folder, const std::string& name,
                           const std::string& text, const nlohmann::json& sidecar) {
  write_bytes(folder / name, text);
  write_bytes(folder / (name + ".json"), sidecar.dump(2));
}

std::string generated_word(const std::string& prefix, size_t number) {
  std::string word = prefix;
  word.erase(std::remove(word.begin(), word.end(), '-'), word.end());
  return word + "word" + std::to_string(number);
}

void write_generated_documents(const std::filesystem::path& folder, const std::string& prefix,
                               size_t count) {
  for (size_t number = 0; number < count; ++number) {
    const LanguageText& language = kLanguageTexts[number % std::size(kLanguageTexts)];
    char id[128];
    std::snprintf(id, sizeof id, "%s-%04zu", prefix.c_str(), number);
    const std::string text = std::string(language.text) + " " + generated_word(prefix, number) +
                             ".\n" + language.text + "\n";
    write_source_document(folder, std::string(id) + ".txt", text, sidecar_json(id, language.code));
  }
}

ProgramResult run_indexer(const std::vector<std::string>& arguments, std::chrono::seconds limit) {
  return run_program(kIndexerPath, arguments, limit);
}

ProgramResult index_folders(const std::filesystem::path& index, const std::filesystem::path& store,
                            const std::vector<std::filesystem::path>& sources,
                            const std::vector<std::string>& extra) {
  std::vector<std::string> arguments = {"index", "--db", index.string(), "--store", store.string()};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  for (const auto& source : sources) arguments.push_back(source.string());
  return run_indexer(arguments);
}

nlohmann::json json_of(const ProgramResult& result) {
  const nlohmann::json parsed = nlohmann::json::parse(result.out, nullptr, false);
  EXPECT_TRUE(parsed.is_object()) << "--json printed: " << result.out << result.err;
  return parsed;
}

PrivateSearchd::PrivateSearchd(const std::filesystem::path& index,
                               const std::filesystem::path& store,
                               const std::vector<std::string>& extra) {
  std::vector<std::string> arguments = {"--db",
                                        index.string(),
                                        "--store",
                                        store.string(),
                                        "--web",
                                        (kSourceDir / "web").string(),
                                        "--listen",
                                        "127.0.0.1",
                                        "--port",
                                        "0",
                                        "--threads",
                                        "2",
                                        "--anonymous-rate",
                                        "100000",
                                        "--anonymous-burst",
                                        "1000000"};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  if (!process_.start(kSearchdPath, arguments, error_)) {
    return;
  }
  const std::optional<std::string> line = process_.read_line(kSearchdStartLimit);
  std::smatch match;
  const std::regex listening(R"(^jil-searchd listening on http://127\.0\.0\.1:(\d+)$)");
  if (!line || !std::regex_match(*line, match, listening)) {
    error_ = "jil-searchd did not start: " + line.value_or("(no line)");
    return;
  }
  port_ = static_cast<unsigned short>(std::stoi(match[1].str()));
}

PrivateSearchd::~PrivateSearchd() {
  if (port_ != 0) {
    EXPECT_EQ(process_.stop(), 0) << "jil-searchd did not exit cleanly";
  }
}

nlohmann::json PrivateSearchd::get_json(const std::string& target) const {
  const HttpReply reply = http_get(port_, target);
  if (reply.status != 200) return nullptr;
  return nlohmann::json::parse(reply.body, nullptr, false);
}

std::map<unsigned, std::string> index_snapshot(const std::filesystem::path& index) {
  std::map<unsigned, std::string> snapshot;
  try {
    Xapian::Database database(index.string());
    for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
         ++posting) {
      const Xapian::Document document = database.get_document(*posting);
      std::string text = document.get_data() + "\n";
      for (auto value = document.values_begin(); value != document.values_end(); ++value) {
        text += "v" + std::to_string(value.get_valueno()) + "=" + *value + "\n";
      }
      for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        text += *term + " " + std::to_string(term.get_wdf()) + " " +
                std::to_string(term.positionlist_count()) + "\n";
      }
      snapshot[*posting] = text;
    }
  } catch (const Xapian::Error& error) {
    ADD_FAILURE() << "cannot read " << index << ": " << error.get_description();
  }
  return snapshot;
}

}  // namespace jil::integration
