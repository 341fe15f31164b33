// md4c callbacks for markdown_extractor.h.
#include "extract/markdown_extractor.h"

#include <gumbo.h>
#include <md4c.h>

#include <memory>
#include <string>

#include "extract/text_cleanup.h"

namespace jil::extract {
namespace {

struct MarkdownState {
  std::string text;
  std::string title;
  bool in_first_heading = false;
  bool title_done = false;
};

// An entity md4c found (`&eacute;`, `&#233;`), decoded by gumbo, which knows every HTML5 name.
std::string decoded_entity(std::string_view entity) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, entity.data(), entity.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  std::string text;
  const GumboVector& sections = output->root->v.element.children;  // <head>, <body>
  for (unsigned section = 0; section < sections.length; ++section) {
    const auto* body = static_cast<const GumboNode*>(sections.data[section]);
    if (body->type != GUMBO_NODE_ELEMENT || body->v.element.tag != GUMBO_TAG_BODY) continue;
    for (unsigned index = 0; index < body->v.element.children.length; ++index) {
      const auto* child = static_cast<const GumboNode*>(body->v.element.children.data[index]);
      if (child->type == GUMBO_NODE_TEXT) text += child->v.text.text;
    }
  }
  return text.empty() ? std::string(entity) : text;
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  auto* state = static_cast<MarkdownState*>(userdata);
  // The cells of a row on one line, kept apart as in the HTML extractor: "judges | 1,108".
  if ((type == MD_BLOCK_TD || type == MD_BLOCK_TH) && !state->text.empty() &&
      state->text.back() != '\n') {
    state->text += " | ";
  }
  if (type == MD_BLOCK_H && !state->title_done &&
      static_cast<MD_BLOCK_H_DETAIL*>(detail)->level == 1) {
    state->in_first_heading = true;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* userdata) {
  auto* state = static_cast<MarkdownState*>(userdata);
  if (type == MD_BLOCK_H && state->in_first_heading) {
    state->in_first_heading = false;
    state->title_done = true;
  }
  if (type == MD_BLOCK_TD || type == MD_BLOCK_TH) return 0;
  state->text += type == MD_BLOCK_LI ? "\n" : "\n\n";
  return 0;
}

int no_span(MD_SPANTYPE, void*, void*) { return 0; }

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto* state = static_cast<MarkdownState*>(userdata);
  std::string piece;
  switch (type) {
    case MD_TEXT_HTML:
    case MD_TEXT_NULLCHAR:
      return 0;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      piece = "\n";
      break;
    case MD_TEXT_ENTITY:
      piece = decoded_entity(std::string_view(text, size));
      break;
    default:
      piece.assign(text, size);
  }
  state->text += piece;
  if (state->in_first_heading) state->title += piece;
  return 0;
}

}  // namespace

Result<ExtractedText> extract_markdown(std::string_view markdown) {
  MarkdownState state;
  MD_PARSER parser{};
  parser.abi_version = 0;
  // Raw HTML reaches on_text as MD_TEXT_HTML, where it is dropped.
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = no_span;
  parser.leave_span = no_span;
  parser.text = on_text;
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &state) != 0) {
    return Status(StatusCode::kCorrupt, "Markdown could not be parsed");
  }
  ExtractedText extracted;
  extracted.title = cleaned_text(state.title);
  extracted.text = cleaned_text(state.text);
  return extracted;
}

}  // namespace jil::extract
