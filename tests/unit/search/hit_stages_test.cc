// Tests that a page's result entries made in stages (search/hit_maker.h: heads, passages, then
// the texts inflated back to back per dictionary, then snippets) are each exactly the entry made
// alone. A real on-disk index whose documents' data use two trained text dictionaries and none,
// interleaved, so that a page's frames are read in another order than its entries: every entry of
// a page of 12 must equal the one-entry page at its rank (record, weight, title, snippet, page).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hit_description.h"
#include "sample_documents.h"
#include "sample_prose.h"
#include "schema/document_data.h"
#include "schema/text_dictionary.h"
#include "search/searcher.h"
#include "temporary_directory.h"

namespace jil::search {
namespace {

std::shared_ptr<const schema::TextDictionary> trained(size_t each) {
  Result<std::shared_ptr<const schema::TextDictionary>> made =
      schema::TextDictionary::train(prose_samples(2 * 1024 * 1024, each));
  EXPECT_TRUE(made.is_ok()) << made.status().to_string();
  return made.is_ok() ? std::move(made).value() : nullptr;
}

class HitStagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::shared_ptr<const schema::TextDictionary> first = trained(3000);
    const std::shared_ptr<const schema::TextDictionary> second = trained(5000);
    ASSERT_TRUE(first && second);
    ASSERT_NE(first->id(), second->id());
    // 36 documents: the samples with three blocks of prose each, so that passages lie in
    // different blocks; written as the document builder makes them, then their data compressed
    // again with the first dictionary, the second or none, in turn.
    std::vector<schema::DocRecord> records;
    const std::vector<schema::DocRecord> samples = sample_documents();
    for (int index = 0; index < 36; ++index) {
      schema::DocRecord record = samples[index % samples.size()];
      record.id = "doc-" + std::to_string(index);
      record.work = record.id;
      record.text += " " + sample_prose(3 * schema::kTextBlockBytes, 100 + index);
      records.push_back(std::move(record));
    }
    const std::string path = index_path().string();
    {
      Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
      add_documents(writer, records);
      writer.commit();
    }
    Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
    schema::BlockDecompressor plain;
    schema::BlockCompressor with_first;
    with_first.use_dictionary(first);
    schema::BlockCompressor with_second;
    with_second.use_dictionary(second);
    schema::BlockCompressor without;
    schema::BlockCompressor* compressors[] = {&with_first, &with_second, &without};
    for (const auto& dictionary : {first, second}) {
      writer.set_metadata(schema::text_dictionary_key(dictionary->id()), dictionary->bytes());
    }
    for (Xapian::docid docid = 1; docid <= writer.get_lastdocid(); ++docid) {
      Xapian::Document document = writer.get_document(docid);
      Result<std::string> data = schema::recompressed_document_data(
          document.get_data(), plain, *compressors[docid % std::size(compressors)]);
      ASSERT_TRUE(data.is_ok()) << data.status().to_string();
      ++per_dictionary_[*schema::document_data_dictionary(*data)];
      document.set_data(*data);
      writer.replace_document(docid, document);
    }
    writer.commit();
  }

  std::filesystem::path index_path() const { return directory_.path() / "index"; }

  TemporaryDirectory directory_;
  std::map<uint32_t, int> per_dictionary_;  // documents per dictionary id (0: none)
};

TEST_F(HitStagesTest, EachEntryOfAPageIsTheEntryMadeAlone) {
  ASSERT_EQ(per_dictionary_.size(), 3u);
  for (const auto& [id, documents] : per_dictionary_) EXPECT_EQ(documents, 12) << id;
  Result<std::unique_ptr<Searcher>> searcher = Searcher::open(index_path());
  ASSERT_TRUE(searcher.is_ok()) << searcher.status().to_string();
  for (const char* query : {"judge court", "integrity", "\"conflict of interest\" tribunal"}) {
    SearchRequest request;
    request.query = query;
    request.collapse_translations = false;
    request.size = 12;
    Result<SearchResults> page = (*searcher)->search(request);
    ASSERT_TRUE(page.is_ok()) << page.status().to_string();
    ASSERT_GE(page->hits.size(), 6u) << query;
    for (size_t rank = 0; rank < page->hits.size(); ++rank) {
      SearchRequest alone = request;
      alone.size = 1;
      alone.page = static_cast<uint32_t>(rank + 1);
      Result<SearchResults> single = (*searcher)->search(alone);
      ASSERT_TRUE(single.is_ok()) << single.status().to_string();
      ASSERT_EQ(single->hits.size(), 1u);
      EXPECT_EQ(hit_description(page->hits[rank]), hit_description(single->hits[0]))
          << query << " rank " << rank;
      // The passage was found and read: the snippet marks a query word.
      bool marked = false;
      for (const TextPart& part : page->hits[rank].snippet) marked = marked || part.match;
      EXPECT_TRUE(marked) << query << " rank " << rank;
    }
  }
}

}  // namespace
}  // namespace jil::search
