// Recursive directory walk for source_scanner.h; symbolic links are not followed.
#include "ingest/source_scanner.h"

#include <algorithm>

#include "extract/document_format.h"

namespace jil::ingest {

Result<std::filesystem::path> canonical_folder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::path root = std::filesystem::weakly_canonical(folder, error);
  if (!error && root.has_relative_path() && root.filename().empty()) root = root.parent_path();
  if (error || !std::filesystem::is_directory(root, error)) {
    return not_found("source folder " + folder.string() + " does not exist");
  }
  return root;
}

Result<std::vector<SourceFile>> scan_source(const std::filesystem::path& folder) {
  Result<std::filesystem::path> canonical = canonical_folder(folder);
  if (!canonical.is_ok()) return canonical.status();
  const std::filesystem::path& root = *canonical;
  std::error_code error;
  std::vector<SourceFile> files;
  std::filesystem::recursive_directory_iterator walk(
      root, std::filesystem::directory_options::skip_permission_denied, error);
  if (error) return io_error("cannot read " + root.string() + ": " + error.message());
  for (auto entry = walk; entry != std::filesystem::recursive_directory_iterator();
       entry.increment(error)) {
    if (error) return io_error("cannot read " + root.string() + ": " + error.message());
    if (!entry->is_regular_file(error) || entry->is_symlink(error)) continue;
    const std::filesystem::path& path = entry->path();
    if (!extract::format_of(path)) continue;
    if (path.filename().string().starts_with("README")) continue;
    if (path.filename().string().starts_with("manifest.")) continue;  // metadata, not a document
    SourceFile file;
    file.root = root;
    file.path = path;
    file.sidecar = path.string() + ".json";
    file.relative = std::filesystem::relative(path, root, error).string();
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
  return files;
}

}  // namespace jil::ingest
