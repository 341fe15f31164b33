// Implementation of citation.h.
#include "render/citation.h"

namespace jil::render {
namespace {

// Control characters (CR and LF above all, which end a RIS line) become spaces, runs of
// whitespace one space, and the ends are trimmed.
std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    const bool blank = static_cast<unsigned char>(c) < 0x20 || c == ' ' || c == 0x7f;
    if (blank) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A sentence part ends with one full stop, whatever punctuation the title already has.
std::string with_full_stop(const std::string& text) {
  if (text.empty()) return text;
  const char last = text.back();
  if (last == '.' || last == '?' || last == '!') return text;
  return text + ".";
}

// RIS reference types (RIS specification, "TY" tag) for the vocabulary's document types.
std::string_view ris_type(std::string_view type) {
  if (type == "report") return "RPRT";
  if (type == "legislation") return "STAT";
  if (type == "code-of-conduct" || type == "guidance") return "GOVDOC";
  return "GEN";
}

// biblatex language names (langid) of the six library languages.
std::string_view bibtex_language(analysis::Language language) {
  switch (language) {
    case analysis::Language::kAr:
      return "arabic";
    case analysis::Language::kEn:
      return "english";
    case analysis::Language::kEs:
      return "spanish";
    case analysis::Language::kFr:
      return "french";
    case analysis::Language::kRu:
      return "russian";
    case analysis::Language::kZh:
      return "chinese";
    default:
      return "";
  }
}

void ris_field(std::string& out, std::string_view tag, std::string_view value) {
  const std::string text = one_line(value);
  if (text.empty()) return;
  out += tag;
  out += "  - ";
  out += text;
  out += "\r\n";
}

void bibtex_field(std::string& out, std::string_view name, const std::string& braced) {
  out += "  ";
  out += name;
  out += " = {";
  out += braced;
  out += "},\n";
}

}  // namespace

std::string citation_line(const CitationFields& fields) {
  const schema::DocRecord& record = fields.record;
  std::string line = with_full_stop(one_line(fields.organisation));
  line += " " + with_full_stop(one_line(record.title));
  if (record.year > 0) line += " " + std::to_string(record.year) + ".";
  line += " " + with_full_stop(one_line(fields.type));
  line += " " + fields.url;
  return line;
}

std::string ris_record(const CitationFields& fields) {
  const schema::DocRecord& record = fields.record;
  std::string out;
  ris_field(out, "TY", ris_type(record.type));
  ris_field(out, "ID", record.id);
  ris_field(out, "TI", record.title);
  ris_field(out, "AU", fields.organisation + ",");  // a corporate author: one name, no given name
  ris_field(out, "PB", fields.organisation);
  if (record.year > 0) ris_field(out, "PY", std::to_string(record.year));
  ris_field(out, "LA", analysis::language_code(record.language));
  ris_field(out, "M3", fields.type);
  ris_field(out, "AB", record.summary);
  for (const std::string& topic : record.topics) ris_field(out, "KW", topic);
  ris_field(out, "UR", fields.url);
  ris_field(out, "DB", "Judicial Integrity Library");
  out += "ER  - \r\n";
  return out;
}

std::string bibtex_record(const CitationFields& fields) {
  const schema::DocRecord& record = fields.record;
  const bool report = record.type == "report";
  // Ids are [a-z0-9-] (schema::is_valid_id), all valid in a BibTeX key.
  std::string out = std::string(report ? "@techreport" : "@misc") + "{jil:" + record.id + ",\n";
  const std::string organisation = bibtex_escaped(fields.organisation);
  bibtex_field(out, "author", "{" + organisation + "}");  // double braces: a corporate name
  bibtex_field(out, "title", "{" + bibtex_escaped(record.title) + "}");  // keep its capitals
  if (record.year > 0) bibtex_field(out, "year", std::to_string(record.year));
  bibtex_field(out, report ? "institution" : "publisher", organisation);
  bibtex_field(out, report ? "type" : "howpublished", bibtex_escaped(fields.type));
  if (const std::string_view language = bibtex_language(record.language); !language.empty()) {
    bibtex_field(out, "langid", std::string(language));
  }
  if (!record.summary.empty()) bibtex_field(out, "abstract", bibtex_escaped(record.summary));
  // The permanent URL is built from a checked host and an id, so it holds no special character.
  bibtex_field(out, "url", fields.url);
  out += "}\n";
  return out;
}

std::string bibtex_escaped(std::string_view text) {
  std::string out;
  for (const char c : one_line(text)) {
    switch (c) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '{':
      case '}':
      case '$':
      case '&':
      case '%':
      case '#':
      case '_':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace jil::render
