// Extension table behind document_format.h.
#include "extract/document_format.h"

#include <algorithm>
#include <string>

namespace jil::extract {

std::optional<DocumentFormat> format_of(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
  if (extension == ".html" || extension == ".htm") return DocumentFormat::kHtml;
  if (extension == ".md" || extension == ".markdown") return DocumentFormat::kMarkdown;
  if (extension == ".txt") return DocumentFormat::kText;
  return std::nullopt;
}

std::string_view format_name(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kHtml:
      return "html";
    case DocumentFormat::kMarkdown:
      return "md";
    case DocumentFormat::kText:
      return "txt";
  }
  return "";
}

std::string_view media_type(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kHtml:
      return "text/html; charset=utf-8";
    case DocumentFormat::kMarkdown:
      return "text/markdown; charset=utf-8";
    case DocumentFormat::kText:
      return "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}

}  // namespace jil::extract
