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
  if (extension == ".pdf") return DocumentFormat::kPdf;
  if (extension == ".docx") return DocumentFormat::kDocx;
  if (extension == ".odt") return DocumentFormat::kOdt;
  if (extension == ".epub") return DocumentFormat::kEpub;
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
    case DocumentFormat::kPdf:
      return "pdf";
    case DocumentFormat::kDocx:
      return "docx";
    case DocumentFormat::kOdt:
      return "odt";
    case DocumentFormat::kEpub:
      return "epub";
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
    case DocumentFormat::kPdf:
      return "application/pdf";
    case DocumentFormat::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case DocumentFormat::kOdt:
      return "application/vnd.oasis.opendocument.text";
    case DocumentFormat::kEpub:
      return "application/epub+zip";
  }
  return "application/octet-stream";
}

}  // namespace jil::extract
