// Implementation of static_files.h.
#include "api/static_files.h"

#include "base/file_io.h"
#include "store/content_store.h"

namespace jil::api {
namespace {

constexpr size_t kMaxStaticFileBytes = 1024 * 1024;

bool is_safe_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

std::string content_type_for(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".js") return "text/javascript; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".json") return "application/json";
  if (extension == ".xml") return "application/xml; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

Result<StaticFiles> StaticFiles::load(const std::filesystem::path& directory) {
  StaticFiles files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.is_symlink() || !is_safe_name(name)) continue;
    Result<std::string> content = read_file(entry.path(), kMaxStaticFileBytes);
    if (!content.is_ok()) return content.status();
    StaticFile file;
    file.etag = "\"" + store::sha256_hex(*content).substr(0, 20) + "\"";
    file.content = std::move(content).value();
    file.content_type = content_type_for(entry.path());
    files.files_.emplace(name, std::move(file));
  }
  if (error) return not_found("cannot read " + directory.string() + ": " + error.message());
  return files;
}

const StaticFile* StaticFiles::find(const std::string& name) const {
  const auto found = files_.find(name);
  return found == files_.end() ? nullptr : &found->second;
}

}  // namespace jil::api
