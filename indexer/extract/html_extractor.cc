// gumbo tree walk for html_extractor.h.
#include "extract/html_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "extract/embedded_metadata.h"
#include "extract/text_cleanup.h"

namespace jil::extract {
namespace {

bool is_dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

// A <header> or <footer> directly in <body> is the site's banner or footer, not the document;
// inside <article>, <main> or <section> it is part of the content and kept.
bool is_page_chrome(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag != GUMBO_TAG_HEADER && tag != GUMBO_TAG_FOOTER) return false;
  return node->parent && node->parent->type == GUMBO_NODE_ELEMENT &&
         node->parent->v.element.tag == GUMBO_TAG_BODY;
}

// Elements whose end tag may be left out (they close themselves) or that never have content:
// not counted when estimating how deep a page nests.
bool never_nests(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area", "base",  "br",     "col",    "embed",    "hr",    "img",   "input", "link",
      "meta", "param", "source", "track",  "wbr",      "p",     "li",    "dt",    "dd",
      "tr",   "td",    "th",     "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
      "rb",   "rt",    "rtc",    "rp",     "html",     "head",  "body"};
  for (std::string_view candidate : kNames) {
    if (name.size() == candidate.size() &&
        std::equal(name.begin(), name.end(), candidate.begin(),
                   [](char a, char b) { return (a | 0x20) == b; })) {
      return true;
    }
  }
  return false;
}

// Deepest element nesting the page asks for, from a linear scan of its tags. gumbo's cost grows
// with the square of the depth (and its memory too), so very deep pages are refused first.
size_t estimated_nesting_depth(std::string_view html) {
  size_t depth = 0;
  size_t deepest = 0;
  for (size_t index = 0; index + 1 < html.size(); ++index) {
    if (html[index] != '<') continue;
    const bool closing = html[index + 1] == '/';
    size_t start = index + (closing ? 2 : 1);
    size_t end = start;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    if (end == start || !std::isalpha(static_cast<unsigned char>(html[start]))) continue;
    if (never_nests(html.substr(start, end - start))) continue;
    const size_t tag_end = html.find('>', end);
    const bool self_closing = tag_end != std::string_view::npos && html[tag_end - 1] == '/';
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
    } else if (!self_closing) {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool is_table_frame(const GumboNode* node) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

bool is_cell(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT &&
         (node->v.element.tag == GUMBO_TAG_TD || node->v.element.tag == GUMBO_TAG_TH);
}

// Whether a cell of the same row comes before `cell`: then " | " keeps the two apart, so that
// "judges" "1,108" "1,146" do not read as "judges1,1081,146".
bool follows_a_cell(const GumboNode* cell) {
  const GumboNode* row = cell->parent;
  if (row == nullptr || row->type != GUMBO_NODE_ELEMENT) return false;
  for (size_t index = 0; index < cell->index_within_parent; ++index) {
    if (is_cell(static_cast<const GumboNode*>(row->v.element.children.data[index]))) return true;
  }
  return false;
}

std::string node_text(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE) {
      out += current->v.text.text;
    } else if (current->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = current->v.element.children;
      for (unsigned index = children.length; index > 0; --index) {
        stack.push_back(static_cast<const GumboNode*>(children.data[index - 1]));
      }
    }
  }
  return out;
}

void read_head(const GumboNode* head, ExtractedText& extracted) {
  const GumboVector& children = head->v.element.children;
  for (unsigned index = 0; index < children.length; ++index) {
    const auto* child = static_cast<const GumboNode*>(children.data[index]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (child->v.element.tag == GUMBO_TAG_TITLE && extracted.title.empty()) {
      extracted.title = cleaned_text(node_text(child));
      extracted.embedded.title = extracted.title;  // metadata/: embedded fields
    } else if (child->v.element.tag == GUMBO_TAG_META) {
      const GumboAttribute* name = gumbo_get_attribute(&child->v.element.attributes, "name");
      const GumboAttribute* content = gumbo_get_attribute(&child->v.element.attributes, "content");
      if (name && content && std::string_view(name->value) == "description") {
        extracted.description = cleaned_text(content->value);
      }
      // metadata/: embedded fields from <meta name> and <meta http-equiv="content-language">.
      const GumboAttribute* equiv = gumbo_get_attribute(&child->v.element.attributes, "http-equiv");
      if (name && content) add_html_meta(extracted.embedded, name->value, content->value);
      if (equiv && content) add_html_meta(extracted.embedded, equiv->value, content->value);
    }
  }
}

// Text of the body, with blank lines between blocks; the first <h1> becomes a fallback title.
std::string body_text(const GumboNode* root, std::string& first_heading) {
  std::string out;
  // A null entry marks the end of a block element, where a paragraph break goes.
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current == nullptr) {
      out += "\n\n";
      continue;
    }
    // White space between a table's rows and cells is layout of the source, not text.
    if (current->type == GUMBO_NODE_WHITESPACE && is_table_frame(current->parent)) continue;
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE ||
        current->type == GUMBO_NODE_CDATA) {
      out += current->v.text.text;
      continue;
    }
    if (current->type != GUMBO_NODE_ELEMENT && current->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector* children = nullptr;
    if (current->type == GUMBO_NODE_DOCUMENT) {
      children = &current->v.document.children;
    } else {
      const GumboTag tag = current->v.element.tag;
      if (is_dropped(tag) || is_page_chrome(current)) continue;
      if (tag == GUMBO_TAG_H1 && first_heading.empty()) first_heading = node_text(current);
      if (is_block(tag)) {
        out += "\n\n";
        stack.push_back(nullptr);
      }
      // A cell that ended in a block (its own paragraphs) is apart already.
      if (is_cell(current) && follows_a_cell(current) && !out.empty() && out.back() != '\n') {
        out += " | ";
      }
      children = &current->v.element.children;
    }
    for (unsigned index = children->length; index > 0; --index) {
      stack.push_back(static_cast<const GumboNode*>(children->data[index - 1]));
    }
  }
  return out;
}

}  // namespace

Result<ExtractedText> extract_html(std::string_view html) {
  if (estimated_nesting_depth(html) > kMaxHtmlNesting) {
    return limit_exceeded("HTML nests elements deeper than " + std::to_string(kMaxHtmlNesting) +
                          " levels");
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxHtmlParseErrors;  // gumbo copies its element stack into each error
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  if (!output || !output->root) return Status(StatusCode::kCorrupt, "HTML could not be parsed");
  ExtractedText extracted;
  const GumboNode* root = output->root;
  if (const GumboAttribute* lang = gumbo_get_attribute(&root->v.element.attributes, "lang")) {
    extracted.language = lang->value;
    extracted.embedded.language = cleaned_text(lang->value);  // metadata/: embedded fields
  }
  const GumboVector& children = root->v.element.children;
  for (unsigned index = 0; index < children.length; ++index) {
    const auto* child = static_cast<const GumboNode*>(children.data[index]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_HEAD) {
      read_head(child, extracted);
    }
  }
  std::string first_heading;
  extracted.text = cleaned_text(body_text(root, first_heading));
  if (extracted.title.empty()) extracted.title = cleaned_text(first_heading);
  return extracted;
}

}  // namespace jil::extract
