#include "ingest/ingestor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <set>

#include "ingest/index_builder.h"

namespace khabar::ingest {
namespace {

class IngestorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("khabar-ingest-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    storage::Options so;
    so.path = dir_.string();
    so.sync = false;
    auto store = storage::Store::Open(so);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto analyzer = text::Analyzer::Create();
    auto terms = text::TermAnalyzer::Create();
    ASSERT_TRUE(analyzer.ok() && terms.ok());
    analyzer_ = *analyzer;
    terms_ = *terms;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  static Article MakeArticle(const std::string& id, const std::string& body) {
    Article a;
    a.id = id;
    a.title = "عنوان";
    a.body = body;
    a.published_at = "2024-02-10";
    return a;
  }

  std::filesystem::path dir_;
  std::unique_ptr<storage::Store> store_;
  std::shared_ptr<const text::Analyzer> analyzer_;
  std::shared_ptr<const text::TermAnalyzer> terms_;
};

TEST_F(IngestorTest, PrepareAnalyzesAndIndexes) {
  Ingestor ingestor(*store_, analyzer_, terms_, Options{});
  storage::PutArticle put = ingestor.Prepare(
      MakeArticle("a", "قال الرئيس الروسي فلاديمير بوتين في موسكو إن النمو بلغ 3.5 في المائة"),
      std::nullopt);
  EXPECT_FALSE(put.analysis.entities.empty());
  EXPECT_FALSE(put.analysis.figures.empty());
  EXPECT_EQ(put.index.body_length, 13u);  // Word tokens, "3.5" included.
  // Each term once, in order of first occurrence, with as many positions as occurrences.
  std::set<std::string> seen;
  uint32_t occurrences = 0;
  for (const TermPositions& t : put.index.terms) {
    EXPECT_TRUE(seen.insert(t.term).second) << t.term;
    occurrences += t.title_count + t.body_count;
  }
  EXPECT_EQ(occurrences, put.index.positions.size());
  ASSERT_FALSE(put.index.terms.empty());
  EXPECT_EQ(put.index.positions[put.index.terms[0].first], 0u);  // The first word comes first.
  EXPECT_FALSE(put.index.entities.empty());
  EXPECT_EQ(EntityKey("إيلون  ماسك"), "ايلون ماسك");
}

TEST_F(IngestorTest, BatchesCommitInOrderAndSingleWritesReport) {
  Ingestor ingestor(*store_, analyzer_, terms_, Options{});
  std::vector<storage::WriteOp> ops;
  ops.emplace_back(ingestor.Prepare(MakeArticle("a", "أول"), std::nullopt));
  ops.emplace_back(ingestor.Prepare(MakeArticle("a", "ثان"), std::nullopt));
  std::promise<std::vector<Result<Receipt>>> done;
  ASSERT_TRUE(
      ingestor
          .SubmitBatch(std::move(ops),
                       [&](std::vector<Result<Receipt>> r) { done.set_value(std::move(r)); })
          .ok());
  auto results = done.get_future().get();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]->result, WriteResult::kCreated);
  EXPECT_EQ(results[1]->result, WriteResult::kUpdated);  // The later line wins.
  std::promise<Result<Receipt>> one;
  ASSERT_TRUE(ingestor
                  .Submit(storage::DeleteArticle{"a", std::nullopt},
                          [&](Result<Receipt> r) { one.set_value(std::move(r)); })
                  .ok());
  EXPECT_EQ(one.get_future().get()->result, WriteResult::kDeleted);
  EXPECT_EQ(ingestor.counters().created.load(), 1u);
  EXPECT_EQ(ingestor.counters().updated.load(), 1u);
  EXPECT_EQ(ingestor.counters().deleted.load(), 1u);
}

TEST_F(IngestorTest, FullQueueRefusesAndStoppedIngestorIsUnavailable) {
  Options o;
  o.queue_capacity = 1;
  o.fault_commit_delay_ms = 200;
  Ingestor ingestor(*store_, analyzer_, terms_, o);
  std::atomic<int> completed{0};
  auto count = [&](Result<Receipt>) { ++completed; };
  // The writer takes the first write at once and sleeps; the second waits in the queue.
  ASSERT_TRUE(ingestor.Submit(ingestor.Prepare(MakeArticle("q1", "نص"), std::nullopt), count).ok());
  Status second;
  for (int i = 0; i < 100; ++i) {  // Until the writer has taken q1 off the queue.
    second = ingestor.Submit(ingestor.Prepare(MakeArticle("q2", "نص"), std::nullopt), count);
    if (second.ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(second.ok());
  const Status third =
      ingestor.Submit(ingestor.Prepare(MakeArticle("q3", "نص"), std::nullopt), count);
  EXPECT_EQ(third.code(), ErrorCode::kResourceExhausted);
  EXPECT_EQ(third.reason(), "queue_full");
  ingestor.Stop();  // Commits what was queued.
  EXPECT_EQ(completed.load(), 2);
  EXPECT_EQ(store_->ArticleCount(), 2u);
  const Status after =
      ingestor.Submit(ingestor.Prepare(MakeArticle("q4", "نص"), std::nullopt), count);
  EXPECT_EQ(after.code(), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace khabar::ingest
