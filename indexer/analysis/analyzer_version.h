// The version of the analysis rules. Stored in every index; searchd refuses an index built with
// another version, because index and query terms would no longer meet. Bump on any change
// that alters terms (tests/golden/analysis/*.tsv shows which), including the thesaurus's
// concept terms (2: exact labels, thesaurus version 2; 3: Arabic broken plurals also indexed as
// their singulars).
#pragma once

namespace jil::analysis {
inline constexpr int kAnalyzerVersion = 3;
}
