#include "storage/store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/codec.h"

namespace khabar::storage {
namespace {

#define ASSERT_OK(expr)                    \
  do {                                     \
    const ::khabar::Status s_ = (expr);    \
    ASSERT_TRUE(s_.ok()) << s_.ToString(); \
  } while (0)

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("khabar-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    Open();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
    std::filesystem::remove_all(dir_.string() + "-cp");
  }
  void Open() {
    store_.reset();
    Options o;
    o.path = dir_.string();
    o.sync = false;
    auto s = Store::Open(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  static PutArticle Put(const std::string& id, const std::string& body,
                        std::optional<uint64_t> expected = std::nullopt) {
    PutArticle p;
    p.article.id = id;
    p.article.title = "t";
    p.article.body = body;
    p.article.published_at = "2024-02-10";
    p.analysis.figures.push_back(Figure{
        "3 ملايين", 3e6, "", FigureKind::kNumber, "", Qualifier::kExact, {Field::kBody, 0, 5}});
    p.expected_version = expected;
    return p;
  }
  std::vector<Result<Receipt>> Apply(std::vector<WriteOp> ops) { return store_->Apply(ops, 1000); }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, DecidesCreatedNoopUpdatedInOneGroup) {
  auto r = Apply({Put("a", "x"), Put("a", "x"), Put("a", "y"), Put("b", "z")});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0]->result, WriteResult::kCreated);
  EXPECT_EQ(r[1]->result, WriteResult::kNoop);
  EXPECT_EQ(r[1]->version, 1u);
  EXPECT_EQ(r[2]->result, WriteResult::kUpdated);
  EXPECT_EQ(r[2]->version, 2u);
  EXPECT_EQ(r[3]->result, WriteResult::kCreated);
  EXPECT_EQ(store_->ArticleCount(), 2u);
  Analysis analysis;
  auto got = store_->Get("a", &analysis);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->article.body, "y");
  EXPECT_EQ(got->version, 2u);
  EXPECT_EQ(got->ingested_at_ms, 1000);
  ASSERT_EQ(analysis.figures.size(), 1u);
  EXPECT_EQ(analysis.figures[0].value, 3e6);
}

TEST_F(StoreTest, VersionConflictsAndDeletes) {
  auto r = Apply({Put("a", "x", 0), Put("a", "y", 0), DeleteArticle{"a", 2}, DeleteArticle{"a", 1},
                  DeleteArticle{"a", std::nullopt}, DeleteArticle{"zz", std::nullopt}});
  EXPECT_TRUE(r[0].ok());
  EXPECT_EQ(r[1].status().reason(), "version_conflict");
  EXPECT_EQ(r[2].status().reason(), "version_conflict");
  ASSERT_TRUE(r[3].ok());
  EXPECT_EQ(r[3]->result, WriteResult::kDeleted);
  EXPECT_EQ(r[4].status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(r[5].status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->ArticleCount(), 0u);
  EXPECT_EQ(store_->Get("a").status().code(), ErrorCode::kNotFound);
}

TEST_F(StoreTest, CountsAndDocnosSurviveReopen) {
  (void)Apply({Put("a", "1"), Put("b", "2"), Put("c", "3")});
  (void)Apply({DeleteArticle{"b", std::nullopt}});
  const uint32_t docno_c = store_->Get("c")->docno;
  Open();
  EXPECT_EQ(store_->ArticleCount(), 2u);
  auto r = Apply({Put("d", "4"), Put("c", "33")});
  EXPECT_EQ(store_->Get("c")->docno, docno_c);  // Updates keep their docno.
  EXPECT_GT(store_->Get("d")->docno, docno_c);  // New articles never reuse one.
  EXPECT_EQ(store_->ArticleCount(), 3u);
}

TEST_F(StoreTest, CheckpointOpensAsADatabase) {
  (void)Apply({Put("a", "1")});
  ASSERT_OK(store_->Checkpoint(dir_.string() + "-cp"));
  Options o;
  o.path = dir_.string() + "-cp";
  auto copy = Store::Open(o);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ((*copy)->ArticleCount(), 1u);
  EXPECT_TRUE((*copy)->Get("a").ok());
  EXPECT_TRUE(store_->Health().ok());
  ASSERT_OK(store_->Flush());
}

TEST(Codec, RoundTripsAndRejectsCorruption) {
  StoredArticle s;
  s.article = {"id",       "عنوان",    "نص",  "2024-02-10", "src",
               "http://x", {"a", "b"}, "sec", {"t"},        "ar"};
  s.version = 7;
  s.ingested_at_ms = -5;
  s.docno = 42;
  StoredArticle back;
  const std::string bytes = EncodeArticleRecord(s);
  ASSERT_TRUE(DecodeArticleRecord(bytes, &back));
  EXPECT_EQ(back.article, s.article);
  EXPECT_EQ(back.version, 7u);
  EXPECT_EQ(back.ingested_at_ms, -5);
  EXPECT_EQ(back.docno, 42u);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(DecodeArticleRecord(bytes.substr(0, cut), &back)) << cut;
  }
  Analysis a;
  a.entities.push_back({EntityType::kPlace, "موسكو", "موسكو", {Field::kTitle, 3, 13}});
  a.dates.push_back(
      {"أمس", "2024-02-09", "relative_day", Calendar::kGregorian, "", {Field::kBody, 1, 7}});
  a.quotes.push_back({"كلام", "بيسكوف", {Field::kBody, 20, 30}});
  Analysis a2;
  ASSERT_TRUE(DecodeAnalysisRecord(EncodeAnalysisRecord(a), &a2));
  EXPECT_EQ(a, a2);
}

}  // namespace
}  // namespace khabar::storage

namespace khabar::storage {
namespace {

TEST_F(StoreTest, NearSpellingsOfAPersonMeetAcrossArticles) {
  auto put = [](const std::string& id, const std::string& key, const std::string& surface) {
    PutArticle p = StoreTest::Put(id, "x");
    EntityRef ref;
    ref.type = EntityType::kPerson;
    ref.canonical = surface;
    ref.key = key;
    ref.mentions = 1;
    ref.surfaces = {{surface, 1}};
    p.index.entities.push_back(ref);
    p.index.published_ms = 1000;
    return p;
  };
  (void)Apply({put("a", "دميتري بيسكوف", "دميتري بيسكوف")});
  (void)Apply(
      {put("b", "ديمتري بيسكوف", "ديمتري بيسكوف"), put("c", "دميتري لافروف", "دميتري لافروف")});
  Open();  // The match also holds for entities loaded at start-up.
  (void)Apply({put("d", "دمتري بيسكوف", "دمتري بيسكوف")});
  auto view = store_->View();
  const auto id = view->EntityId(EntityType::kPerson, "دميتري بيسكوف");
  ASSERT_TRUE(id.has_value());
  const EntityInfo* e = view->Entity(*id);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->articles, 3u);  // a, b and d; not Lavrov.
  EXPECT_EQ(e->aliases.size(), 3u);
  EXPECT_EQ(view->EntityDocs(*id).size(), 3u);
}

}  // namespace
}  // namespace khabar::storage
