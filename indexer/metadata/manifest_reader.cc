// JSON Lines and CSV manifests for manifest_reader.h; each row is checked by schema/doc_record.h.
#include "metadata/manifest_reader.h"

#include <algorithm>

#include "base/file_io.h"
#include "schema/doc_record.h"

namespace jil::metadata {
namespace {

using nlohmann::json;

std::string line_label(size_t line) { return "line " + std::to_string(line); }

// "sub/./a.pdf" → "sub/a.pdf"; "" for paths that leave the folder or are absolute.
std::string normalised_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return "";
  std::string out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part == "..") return "";
    if (!part.empty() && part != ".") out += (out.empty() ? "" : "/") + std::string(part);
    start = end + 1;
  }
  return out;
}

size_t count_lines(std::string_view bytes) {
  return static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) +
         (bytes.empty() || bytes.back() == '\n' ? 0 : 1);
}

// Whole-manifest limits; false (with the problem recorded) when the manifest is refused.
bool within_limits(std::string_view bytes, Manifest& manifest) {
  if (bytes.size() > kMaxManifestBytes) {
    manifest.problems.push_back("is larger than " + std::to_string(kMaxManifestBytes) +
                                " bytes; split it by folder");
    return false;
  }
  if (count_lines(bytes) > kMaxManifestLines) {
    manifest.problems.push_back("has more than " + std::to_string(kMaxManifestLines) +
                                " lines; split it by folder");
    return false;
  }
  return true;
}

// Records the row of `file` (fields without "file"), or why it is invalid.
void add_row(Manifest& manifest, const std::string& file, size_t line, json fields,
             std::string fingerprint_text) {
  const auto earlier = manifest.rows.find(file);
  if (earlier != manifest.rows.end() || manifest.row_errors.contains(file)) {
    const std::string first =
        earlier != manifest.rows.end() ? line_label(earlier->second.line) + " and " : "";
    manifest.row_errors[file] = first + line_label(line) + ": '" + file + "' is described twice";
    if (earlier != manifest.rows.end()) manifest.rows.erase(earlier);
    return;
  }
  if (Status checked = schema::check_metadata_fields(fields); !checked.is_ok()) {
    manifest.row_errors[file] = line_label(line) + ": " + checked.message();
    return;
  }
  manifest.rows[file] = ManifestRow{line, std::move(fields), std::move(fingerprint_text)};
}

// The "file" of a row, or "" with the problem recorded.
std::string file_of_row(const json& file, size_t line, Manifest& manifest) {
  if (file.is_null()) {
    manifest.problems.push_back(line_label(line) +
                                ": field 'file' is required (the path of the file it describes)");
    return "";
  }
  const std::string path =
      file.is_string() ? normalised_relative_path(file.get<std::string>()) : "";
  if (path.empty()) {
    manifest.problems.push_back(line_label(line) +
                                ": field 'file' must be a relative path inside the folder");
  }
  return path;
}

// CSV records (RFC 4180: "," between cells, cells in double quotes may hold ",", newlines and
// doubled quotes), each with the line it starts on.
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> cells;
  std::string raw;  // the record's bytes, for the fingerprint
};

void split_csv(std::string_view bytes, std::vector<CsvRecord>& records, Manifest& manifest) {
  size_t line = 1;
  size_t index = 0;
  while (index < bytes.size()) {
    CsvRecord record;
    record.line = line;
    const size_t record_start = index;
    std::string cell;
    bool quoted = false;
    bool done = false;
    while (!done) {
      if (index >= bytes.size()) {
        if (quoted) {
          // The records before it stay usable; this one and the rest of the file are lost.
          manifest.problems.push_back(line_label(record.line) + ": a quoted cell is not closed");
          return;
        }
        done = true;
        break;
      }
      const char c = bytes[index++];
      if (quoted) {
        if (c == '"' && index < bytes.size() && bytes[index] == '"') {
          cell += '"';
          ++index;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') ++line;
          cell += c;
        }
      } else if (c == '"' && cell.empty()) {
        quoted = true;
      } else if (c == ',') {
        record.cells.push_back(std::move(cell));
        cell.clear();
      } else if (c == '\n') {
        ++line;
        done = true;
      } else if (c != '\r') {
        cell += c;
      }
    }
    record.cells.push_back(std::move(cell));
    record.raw = std::string(bytes.substr(record_start, index - record_start));
    const bool blank =
        record.cells.size() == 1 && record.cells[0].find_first_not_of(" \t") == std::string::npos;
    if (!blank) records.push_back(std::move(record));
  }
}

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// A CSV cell as the JSON value of its field; null for "not given here".
json csv_value(const std::string& field, const std::string& raw_cell) {
  const std::string cell = trimmed(raw_cell);
  // An empty country cell says "international" (""), the one field where "" is a value.
  if (cell.empty()) return field == "country" ? json("") : json();
  if (field == "year" && cell.size() <= 4 &&
      std::all_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(cell);
  }
  if (field == "topics" || field == "values") {
    json list = json::array();
    size_t start = 0;
    while (start <= cell.size()) {
      size_t end = cell.find(';', start);
      if (end == std::string::npos) end = cell.size();
      const std::string item = trimmed(std::string_view(cell).substr(start, end - start));
      if (!item.empty()) list.push_back(item);
      start = end + 1;
    }
    return list;
  }
  return cell;
}

std::string_view without_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return bytes;
}

}  // namespace

Manifest parse_jsonl_manifest(std::string_view bytes) {
  Manifest manifest;
  manifest.name = "manifest.jsonl";
  bytes = without_bom(bytes);
  if (!within_limits(bytes, manifest)) return manifest;
  size_t line = 0;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view text = bytes.substr(start, end - start);
    start = end + 1;
    ++line;
    if (text.ends_with('\r')) text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    Result<json> object = schema::parse_metadata_object(text);
    if (!object.is_ok()) {
      manifest.problems.push_back(line_label(line) + ": " + object.status().message());
      continue;
    }
    const auto file_field = object->find("file");
    const std::string file =
        file_of_row(file_field == object->end() ? json() : *file_field, line, manifest);
    if (file.empty()) continue;
    object->erase("file");
    add_row(manifest, file, line, std::move(*object), std::string(text));
  }
  return manifest;
}

Manifest parse_csv_manifest(std::string_view bytes) {
  Manifest manifest;
  manifest.name = "manifest.csv";
  bytes = without_bom(bytes);
  if (!within_limits(bytes, manifest)) return manifest;
  std::vector<CsvRecord> records;
  split_csv(bytes, records, manifest);
  if (records.empty()) return manifest;
  const CsvRecord& header = records.front();
  std::vector<std::string> fields;
  for (const std::string& cell : header.cells) {
    const std::string name = trimmed(cell);
    if (name != "file" && !schema::is_metadata_field(name)) {
      manifest.problems.push_back(line_label(header.line) + ": column '" + name +
                                  "' is not a field of the metadata schema");
      return manifest;
    }
    if (std::find(fields.begin(), fields.end(), name) != fields.end()) {
      manifest.problems.push_back(line_label(header.line) + ": column '" + name + "' twice");
      return manifest;
    }
    fields.push_back(name);
  }
  const auto file_column = std::find(fields.begin(), fields.end(), "file") - fields.begin();
  if (static_cast<size_t>(file_column) == fields.size()) {
    manifest.problems.push_back(line_label(header.line) + ": no 'file' column");
    return manifest;
  }
  for (size_t index = 1; index < records.size(); ++index) {
    const CsvRecord& record = records[index];
    if (record.cells.size() != fields.size()) {
      manifest.problems.push_back(line_label(record.line) + ": " +
                                  std::to_string(record.cells.size()) +
                                  " cells where the header has " + std::to_string(fields.size()));
      continue;
    }
    if (record.raw.size() > schema::kMaxSidecarBytes) {
      manifest.problems.push_back(line_label(record.line) + ": the row is larger than " +
                                  std::to_string(schema::kMaxSidecarBytes) + " bytes");
      continue;
    }
    const std::string file_cell = trimmed(record.cells[file_column]);
    const std::string file =
        file_of_row(file_cell.empty() ? json() : json(file_cell), record.line, manifest);
    if (file.empty()) continue;
    json object = json::object();
    for (size_t column = 0; column < fields.size(); ++column) {
      if (static_cast<ptrdiff_t>(column) == file_column) continue;
      json value = csv_value(fields[column], record.cells[column]);
      if (!value.is_null()) object[fields[column]] = std::move(value);
    }
    add_row(manifest, file, record.line, std::move(object), header.raw + record.raw);
  }
  return manifest;
}

std::optional<Manifest> read_folder_manifest(const std::filesystem::path& folder) {
  std::error_code error;
  const bool has_jsonl = std::filesystem::is_regular_file(folder / "manifest.jsonl", error);
  const bool has_csv = std::filesystem::is_regular_file(folder / "manifest.csv", error);
  if (!has_jsonl && !has_csv) return std::nullopt;
  Manifest manifest;
  manifest.name = has_jsonl ? "manifest.jsonl" : "manifest.csv";
  if (has_jsonl && has_csv) {
    manifest.problems.push_back("both manifest.jsonl and manifest.csv are here: keep one");
    return manifest;
  }
  Result<std::string> bytes = read_file(folder / manifest.name, kMaxManifestBytes);
  if (!bytes.is_ok()) {
    manifest.problems.push_back(bytes.status().code() == StatusCode::kLimitExceeded
                                    ? "is larger than " + std::to_string(kMaxManifestBytes) +
                                          " bytes; split it by folder"
                                    : "cannot be read: " + bytes.status().message());
    return manifest;
  }
  manifest = has_jsonl ? parse_jsonl_manifest(*bytes) : parse_csv_manifest(*bytes);
  for (auto row = manifest.rows.begin(); row != manifest.rows.end();) {
    if (!std::filesystem::is_regular_file(folder / row->first, error)) {
      manifest.problems.push_back(line_label(row->second.line) + ": '" + row->first +
                                  "' is not a file in this folder");
      row = manifest.rows.erase(row);
    } else {
      ++row;
    }
  }
  return manifest;
}

}  // namespace jil::metadata
