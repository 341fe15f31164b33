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
  // A folder that cannot be read stops the scan: skipping it would leave its documents out of
  // the run without a word, and --prune would then remove them from the index.
  std::filesystem::recursive_directory_iterator walk(root, error);
  if (error) return io_error("cannot read " + root.string() + ": " + error.message());
  std::filesystem::path last_folder = root;  // the folder the walk enters next
  const auto unreadable = [&] {
    return io_error("cannot read folder " + last_folder.string() + ": " + error.message() +
                    " (nothing was indexed: make it readable, or move it out of " + root.string() +
                    ")");
  };
  auto entry = walk;
  for (; entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
    if (error) return unreadable();
    if (entry->is_directory(error) && !entry->is_symlink(error)) last_folder = entry->path();
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
  if (error) return unreadable();  // a failed step ends the walk with the error set
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
  return files;
}

}  // namespace jil::ingest
