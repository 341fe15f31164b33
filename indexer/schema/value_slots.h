// The index contract, part 2: value slots. Single-valued facets have one slot each so that
// Xapian's ValueCountMatchSpy (which works on remote shards too) can count them; multi-valued
// facets (topics, values) use one slot per position in the list, counted together.
#pragma once

#include <xapian.h>

namespace jil::schema {

inline constexpr Xapian::valueno kYearSortSlot = 0;   // sortable_serialise(year)
inline constexpr Xapian::valueno kTitleSortSlot = 1;  // ICU root collation key of the title
inline constexpr Xapian::valueno kWorkSlot = 2;       // work id: collapse key for translations
inline constexpr Xapian::valueno kTypeSlot = 3;
inline constexpr Xapian::valueno kLanguageSlot = 4;
inline constexpr Xapian::valueno kCountrySlot = 5;
inline constexpr Xapian::valueno kRegionSlot = 6;
inline constexpr Xapian::valueno kOrganisationSlot = 7;
inline constexpr Xapian::valueno kYearSlot = 8;         // year as text, for the facet
inline constexpr Xapian::valueno kFingerprintSlot = 9;  // sha256 of original + metadata
inline constexpr Xapian::valueno kFirstTopicSlot = 10;  // topics: slots 10..13
inline constexpr unsigned kMaxTopics = 4;
inline constexpr Xapian::valueno kFirstValueSlot = 14;  // judicial values: slots 14..19
inline constexpr unsigned kMaxValues = 6;
// Thesaurus concepts with their ancestors, most mentioned first: slots 20..31. A document tagged
// with more keeps its most mentioned ones here (the XN filter terms hold them all).
inline constexpr Xapian::valueno kFirstConceptSlot = 20;
inline constexpr unsigned kMaxConceptSlots = 12;
// The title as text, for sorting in the reader's collation (searchd's TitleKeyMaker), which
// cannot start from the root collation key of kTitleSortSlot.
inline constexpr Xapian::valueno kTitleTextSlot = 32;
// When the indexer wrote this version of the document (DocRecord::indexed_at,
// "YYYY-MM-DDThh:mm:ssZ", whose text order is time order): the feeds' "newest added" order and,
// through the slot's upper bound, when the library last changed.
inline constexpr Xapian::valueno kIndexedAtSlot = 33;

}  // namespace jil::schema
