// The static assets (CSS, JS, images) of web/static, read into memory at start-up. A request
// names an asset; it is looked up in this table, so no request path reaches the file system.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "base/status.h"

namespace jil::api {

struct StaticFile {
  std::string content;
  std::string content_type;
  std::string etag;  // quoted sha256 prefix of the content
};

class StaticFiles {
 public:
  // Loads every regular file directly in `directory` whose name is [a-z0-9._-]+.
  static Result<StaticFiles> load(const std::filesystem::path& directory);
  const StaticFile* find(const std::string& name) const;

 private:
  std::map<std::string, StaticFile> files_;
};

}  // namespace jil::api
