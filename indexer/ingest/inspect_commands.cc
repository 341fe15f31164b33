// `jil-indexer analyze` and `jil-indexer stats`: look inside the analyzer and the index (stats:
// documents by language, type, year and extraction quality).
#include <xapian.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "ingest/exit_codes.h"
#include "ingest/indexer_commands.h"
#include "schema/index_compatibility.h"
#include "schema/prefixes.h"
#include "schema/value_slots.h"

namespace jil::ingest {

int run_analyze_command(const std::vector<std::string>& arguments) {
  if (arguments.size() != 3 || arguments[0] != "--lang") {
    std::fprintf(stderr, "usage: jil-indexer analyze --lang ar|en|es|fr|ru|zh|und TEXT\n");
    return kExitUsage;
  }
  const auto language = analysis::parse_language(arguments[1]);
  if (!language) {
    std::fprintf(stderr, "jil-indexer: unknown language '%s'\n", arguments[1].c_str());
    return kExitUsage;
  }
  auto analyzer = analysis::Analyzer::create();
  if (!analyzer.is_ok()) return kExitFatal;
  for (const analysis::Token& token : (*analyzer)->analyze(arguments[2], *language)) {
    std::string line = std::to_string(token.position);
    if (token.kind == analysis::TokenKind::kHanWord) line += "W";
    line += ":";
    for (size_t index = 0; index < token.forms.size(); ++index) {
      line += (index ? "," : "") + token.forms[index];
    }
    line += " =" + token.exact;
    for (const auto& stem : token.stems) line += " Z" + stem;
    std::printf("%s\n", line.c_str());
  }
  return kExitOk;
}

int run_stats_command(const std::vector<std::string>& arguments) {
  if (arguments.size() < 2 || arguments[0] != "--db") {
    std::fprintf(stderr, "usage: jil-indexer stats --db DIR [--json]\n");
    return kExitUsage;
  }
  try {
    Xapian::Database database(arguments[1]);
    if (Status status = schema::check_compatible(database); !status.is_ok()) {
      std::fprintf(stderr, "jil-indexer: %s\n", status.message().c_str());
      return kExitFatal;
    }
    std::map<std::string, std::map<std::string, size_t>> counts;
    const std::pair<const char*, Xapian::valueno> kSlots[] = {{"language", schema::kLanguageSlot},
                                                              {"type", schema::kTypeSlot},
                                                              {"year", schema::kYearSlot}};
    for (const auto& [name, slot] : kSlots) {
      for (auto value = database.valuestream_begin(slot); value != database.valuestream_end(slot);
           ++value) {
        ++counts[name][*value];
      }
    }
    // Extraction quality (ok, repaired, suspect, ocr) is a boolean term, counted per value.
    const std::string quality_prefix(schema::kQualityPrefix);
    for (auto term = database.allterms_begin(quality_prefix);
         term != database.allterms_end(quality_prefix); ++term) {
      counts["quality"][(*term).substr(quality_prefix.size())] = term.get_termfreq();
    }
    nlohmann::json out = {{"documents", database.get_doccount()}, {"by", counts}};
    if (arguments.size() > 2 && arguments[2] == "--json") {
      std::printf("%s\n", out.dump(2).c_str());
    } else {
      std::printf("documents: %u\n", database.get_doccount());
      for (const auto& [facet, values] : counts) {
        std::printf("by %s:", facet.c_str());
        for (const auto& [value, count] : values) std::printf(" %s=%zu", value.c_str(), count);
        std::printf("\n");
      }
    }
    return kExitOk;
  } catch (const Xapian::Error& error) {
    std::fprintf(stderr, "jil-indexer: cannot open index %s: %s\n", arguments[1].c_str(),
                 error.get_description().c_str());
    return kExitFatal;
  }
}

}  // namespace jil::ingest
