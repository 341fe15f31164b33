// Makes the result entries of a search page: for each ranked match, the version shown (the
// reader's language when collapsing), its stored head, the passage that holds the query's words
// (passage_finder.h; only its compressed blocks are inflated), the title and snippet with the
// matches marked (snippet_maker.h; the record's summary when the search has no words), the page of
// the first match, the work's languages and other versions. One per thread and search: it holds a
// handle, an analyzer and a decompressor, none of them thread-safe, so a helper thread makes part
// of a page with its own (search_helper.h). A run of entries is made in stages (heads, passages,
// texts, snippets), so that the zstd frames of the run are inflated back to back: each frame copies
// many short matches out of its language's 256 KiB dictionary, and between two entries' snippet
// work that dictionary left the CPU's caches (an 8 KiB block took 45-65 µs cold and 15-26 µs right
// after another, README "Hits inflated back to back").
#pragma once

#include <xapian.h>

#include <span>
#include <vector>

#include "analysis/analyzer.h"
#include "base/status.h"
#include "schema/compressed_block.h"
#include "search/local_tables.h"
#include "search/passage_finder.h"
#include "search/query_builder.h"
#include "search/ranked_works.h"
#include "search/search_request.h"
#include "search/snippet_maker.h"
#include "search/translation_collapse.h"

namespace jil::search {

class HitMaker {
 public:
  // Everything must outlive the maker. `tables`: a local index's tables at `database`'s revision,
  // null over remote shards. `query`: the search's query, for the version shown, which is looked
  // up per result (TranslationCollapse::shown_version) unless `versions_chosen`: then the
  // ranking named it (RankedMatch::shown, ranked_works.h). `parts`: what each hit is made with
  // (search_request.h); without a snippet no passage is looked for and no text is read.
  HitMaker(const Xapian::Database& database, analysis::Analyzer& analyzer,
           schema::BlockDecompressor& decompressor, const LocalTables* tables,
           const BuiltQuery& built, const TranslationCollapse& collapse, const Xapian::Query& query,
           bool versions_chosen, HitParts parts);

  // One entry per match, in order; kCorrupt for a match whose stored document data is damaged.
  std::vector<Result<SearchHit>> make(std::span<const RankedMatch> matches);

 private:
  struct Pending;  // an entry between stages (hit_maker.cc)
  void read_head(const RankedMatch& match, Pending& pending);
  void find_passage(Pending& pending);
  void read_passage(Pending& pending);
  Result<SearchHit> finish(Pending& pending);
  // Whether the entry's snippet is its record's summary: a search without words to mark (a
  // listing by filters alone), or a document whose body holds none of them (found through a
  // concept or its title), shows what it is about, not its opening words, which mostly repeat
  // the title.
  bool describes_itself(const Pending& pending) const;

  std::vector<std::string> work_languages(const std::string& work) const;

  const Xapian::Database& database_;
  schema::BlockDecompressor& decompressor_;
  const LocalTables* tables_;
  const TranslationCollapse& collapse_;
  const Xapian::Query& query_;
  bool versions_chosen_;
  HitParts parts_;
  bool has_words_;  // the query has words to mark (BuiltQuery::match_words)
  SnippetMaker snippets_;
  PassageFinder passages_;
};

}  // namespace jil::search
