// Helpers of embedded_metadata.h shared by the extractors that read embedded properties.
#include "extract/embedded_metadata.h"

#include <algorithm>
#include <cctype>

#include "extract/text_cleanup.h"

namespace jil::extract {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void set_if_empty(std::string& field, std::string_view value) {
  if (field.empty()) field = cleaned_text(std::string(value));
}

}  // namespace

void add_author(EmbeddedMetadata& metadata, std::string_view text) {
  const std::string author = cleaned_text(std::string(text));
  if (author.empty()) return;
  if (std::find(metadata.authors.begin(), metadata.authors.end(), author) ==
      metadata.authors.end()) {
    metadata.authors.push_back(author);
  }
}

int year_of_date(std::string_view date) {
  size_t start = 0;
  while (start < date.size()) {
    if (!is_digit(date[start])) {
      ++start;
      continue;
    }
    size_t end = start;
    while (end < date.size() && is_digit(date[end])) ++end;
    // A year alone, or the head of a compact date: YYYYMMDD or PDF's YYYYMMDDHHmmSS.
    const size_t length = end - start;
    if (length == 4 || length == 8 || length == 14) {
      const int year = std::stoi(std::string(date.substr(start, 4)));
      if (year >= 1900 && year <= 2100) return year;
    }
    start = end;
  }
  return 0;
}

void set_date(EmbeddedMetadata& metadata, std::string_view date) {
  const std::string cleaned = cleaned_text(std::string(date));
  if (!metadata.date.empty() || cleaned.empty()) return;
  metadata.date = cleaned;
  metadata.year = year_of_date(cleaned);
}

void add_keywords(EmbeddedMetadata& metadata, std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string keyword = cleaned_text(std::string(text.substr(start, end - start)));
    if (!keyword.empty() && std::find(metadata.keywords.begin(), metadata.keywords.end(),
                                      keyword) == metadata.keywords.end()) {
      metadata.keywords.push_back(keyword);
    }
    start = end + 1;
  }
}

void add_html_meta(EmbeddedMetadata& metadata, std::string_view name, std::string_view content) {
  std::string key = lower_ascii(name);
  // dc.title, dcterms.title, DC.Title and dc:title all name the Dublin Core element.
  for (const std::string_view prefix : {"dcterms.", "dcterms:", "dc.", "dc:"}) {
    if (key.starts_with(prefix)) {
      key = "dc." + key.substr(prefix.size());
      break;
    }
  }
  if (key == "dc.title" || key == "citation_title") {
    set_if_empty(metadata.title, content);
  } else if (key == "dc.language" || key == "citation_language" || key == "content-language") {
    set_if_empty(metadata.language, content);
  } else if (key == "description" || key == "dc.description" || key == "dc.abstract" ||
             key == "citation_abstract") {
    set_if_empty(metadata.description, content);
  } else if (key == "keywords" || key == "dc.subject" || key == "citation_keywords") {
    add_keywords(metadata, content);
  } else if (key == "author" || key == "dc.creator" || key == "dc.publisher" ||
             key == "citation_author" || key == "citation_publisher") {
    add_author(metadata, content);
  } else if (key == "dc.date" || key == "dc.created" || key == "dc.issued" ||
             key == "citation_date" || key == "citation_publication_date") {
    set_date(metadata, content);
  } else if (key == "dc.type") {
    set_if_empty(metadata.type, content);
  } else if (key == "dc.coverage") {
    set_if_empty(metadata.coverage, content);
  }
}

}  // namespace jil::extract
