// What a file says about itself in its own properties (PDF document information, DOCX
// docProps/core.xml, ODT meta.xml, EPUB package dc:*, HTML <html lang>, <title> and <meta>), as
// declared: metadata/embedded_fields.h turns it into schema fields, as the lowest-but-one
// source of metadata (README "Metadata schema").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jil::extract {

struct EmbeddedMetadata {
  std::string title;                  // PDF Title, dc:title, <title>, citation_title
  std::string language;               // as declared: "en", "fr-CA", "zh-Hant", ...
  std::string date;                   // as declared: "D:20210504…", "2021-05-04T…", "2021"
  int year = 0;                       // of `date` when it holds one from 1900 to 2100, else 0
  std::vector<std::string> authors;   // author, creator and publisher texts, in file order
  std::string description;            // PDF Subject, dc:description or dc:subject, <meta>
  std::vector<std::string> keywords;  // keywords and subjects, split at "," and ";"
  std::string type;                   // dc:type, cp:category, <meta name="dc.type">
  std::string coverage;               // dc:coverage, <meta name="dc.coverage">

  bool operator==(const EmbeddedMetadata&) const = default;
};

// The year of a declared date ("D:2021…", "2021-05-04", "4 May 2021"): the first run of exactly
// four digits from 1900 to 2100; 0 when there is none.
int year_of_date(std::string_view date);

// Sets `date` and `year` from a declared date unless a date is already set (the first counts).
void set_date(EmbeddedMetadata& metadata, std::string_view date);

// Adds the non-empty, trimmed parts of `text` split at "," and ";" to `keywords`, once each.
void add_keywords(EmbeddedMetadata& metadata, std::string_view text);

// Adds an author, creator or publisher text to `authors`, once.
void add_author(EmbeddedMetadata& metadata, std::string_view text);

// One HTML <meta name content> (or http-equiv="content-language"): description, keywords, author,
// dc.* / dcterms.* and citation_* names, case-insensitive. Other names are ignored.
void add_html_meta(EmbeddedMetadata& metadata, std::string_view name, std::string_view content);

}  // namespace jil::extract
