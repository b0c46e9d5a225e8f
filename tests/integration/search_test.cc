// Search against a brute-force scan of the same articles: match sets, phrases, exclusions, OR,
// filters, cursors (also while articles are being added) and spelling-variant equivalence.

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "fixture.h"
#include "text/terms.h"

namespace khabar::testing {
namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string UrlEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

struct Doc {
  std::string id, title, body, source, day;
  std::vector<text::Term> title_terms, body_terms;
  std::set<std::string> terms;
};

class SearchTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    auto t = text::TermAnalyzer::Create();
    ASSERT_TRUE(t.ok());
    terms_ = *t;
    LoadVocabulary();
  }

  void LoadVocabulary() {
    std::ifstream in(std::string(KHABAR_SHARED_DIR) + "/data/dev/news-dev-gold.jsonl");
    std::string line;
    std::map<std::string, int> freq;
    while (std::getline(in, line)) {
      auto doc = parser_.parse(line);
      std::string_view text;
      if (doc["text"].get(text) != simdjson::SUCCESS) continue;
      std::vector<text::Term> ts;
      terms_->Terms(text, &ts);
      for (const auto& t : ts) {
        std::string word(text.substr(t.start, t.end - t.start));
        if (word.size() >= 6 && static_cast<unsigned char>(word[0]) >= 0xD8) ++freq[word];
      }
    }
    std::vector<std::pair<int, std::string>> byfreq;
    for (auto& [w, n] : freq) byfreq.emplace_back(-n, w);
    std::sort(byfreq.begin(), byfreq.end());
    for (size_t i = 0; i < byfreq.size() && i < 1500; ++i) vocab_.push_back(byfreq[i].second);
    ASSERT_GT(vocab_.size(), 500u);
  }

  std::string Word(std::mt19937& rng) {
    // Zipf-like: low indexes far more often, so some terms are common and most are rare.
    std::uniform_real_distribution<double> u(0, 1);
    const size_t i =
        static_cast<size_t>(std::pow(u(rng), 2.5) * static_cast<double>(vocab_.size()));
    std::string w = vocab_[std::min(i, vocab_.size() - 1)];
    const int variant = static_cast<int>(rng() % 10);
    if (variant == 0) w = "\xD9\x88" + w;  // و + word
    if (variant == 1) w += "\xD9\x8E";     // a trailing fatha
    return w;
  }

  Doc MakeDoc(std::mt19937& rng, const std::string& id) {
    static const char* kSources[] = {"spa", "okaz", "sabq", "alriyadh", "aawsat"};
    Doc d;
    d.id = id;
    for (int i = 0; i < 5; ++i) d.title += (i ? " " : "") + Word(rng);
    for (int i = 0; i < 40; ++i) d.body += (i ? (i % 13 == 0 ? "\n" : " ") : "") + Word(rng);
    d.source = kSources[rng() % 5];
    char day[16];
    std::snprintf(day, sizeof day, "2015-08-%02d", static_cast<int>(1 + rng() % 28));
    d.day = day;
    terms_->Terms(d.title, &d.title_terms);
    terms_->Terms(d.body, &d.body_terms);
    for (const auto& t : d.title_terms) d.terms.insert(t.text);
    for (const auto& t : d.body_terms) d.terms.insert(t.text);
    return d;
  }

  std::string Json(const Doc& d) {
    return R"({"id":")" + d.id + R"(","title":")" + Escape(d.title) + R"(","body":")" +
           Escape(d.body) + R"(","published_at":")" + d.day + R"(","source":")" + d.source +
           R"("})";
  }

  void Ingest(const std::vector<Doc>& docs, HttpClient& c) {
    for (size_t i = 0; i < docs.size(); i += 1000) {
      std::string body;
      for (size_t j = i; j < std::min(docs.size(), i + 1000); ++j) body += Json(docs[j]) + "\n";
      const Response r = c.Post("/v1/articles/_bulk", body, "application/x-ndjson");
      ASSERT_EQ(r.status, 200);
      ASSERT_EQ(r.body.find("\"errors\":true"), std::string::npos) << r.body.substr(0, 500);
    }
  }

  // Every id of a search, paging with cursors; fails on a duplicate.
  std::set<std::string> AllHits(const std::string& params, uint64_t* total, size_t page = 1000,
                                const std::function<void()>& between_pages = {}) {
    std::set<std::string> ids;
    std::string cursor;
    for (int pages = 0; pages < 1000; ++pages) {
      std::string target = "/v1/search?limit=" + std::to_string(page) + "&highlight=false" + params;
      if (!cursor.empty()) target += "&cursor=" + cursor;
      const Response r = client_->Get(target);
      EXPECT_EQ(r.status, 200) << target << " " << r.body;
      if (r.status != 200) break;
      auto j = parser_.parse(r.body);
      uint64_t t = 0;
      EXPECT_EQ(j["total"].get(t), simdjson::SUCCESS);
      if (pages == 0) *total = t;
      simdjson::dom::array hits;
      EXPECT_EQ(j["hits"].get(hits), simdjson::SUCCESS);
      for (auto h : hits) {
        std::string_view id;
        EXPECT_EQ(h["id"].get(id), simdjson::SUCCESS);
        EXPECT_TRUE(ids.insert(std::string(id)).second) << "duplicate " << id << " in " << params;
      }
      std::string_view next;
      if (j["next_cursor"].get(next) != simdjson::SUCCESS) break;
      cursor = UrlEncode(std::string(next));
      if (between_pages) between_pages();
    }
    return ids;
  }

  static bool HasPhrase(const Doc& d, const std::vector<std::string>& phrase) {
    for (const auto* field : {&d.title_terms, &d.body_terms}) {
      for (size_t i = 0; i + phrase.size() <= field->size(); ++i) {
        bool ok = true;
        for (size_t k = 0; ok && k < phrase.size(); ++k) ok = (*field)[i + k].text == phrase[k];
        if (ok) return true;
      }
    }
    return false;
  }

  std::shared_ptr<const text::TermAnalyzer> terms_;
  std::vector<std::string> vocab_;
};

TEST_F(SearchTest, MatchesABruteForceScanOf10000Articles) {
  std::mt19937 rng(20261125);
  SCOPED_TRACE("seed=20261125");
  std::vector<Doc> docs;
  for (int i = 0; i < 10000; ++i) docs.push_back(MakeDoc(rng, "g-" + std::to_string(i)));
  Ingest(docs, *client_);

  auto term = [&](const std::string& w) { return terms_->TermOf(w); };
  int checked = 0;
  for (int q = 0; q < 40; ++q) {
    const std::string a = Word(rng), b = Word(rng), c = Word(rng);
    const std::string ta = term(a), tb = term(b), tc = term(c);
    if (terms_->IsStopWord(ta) || terms_->IsStopWord(tb) || terms_->IsStopWord(tc)) continue;
    struct Case {
      std::string params;
      std::function<bool(const Doc&)> match;
    };
    const Doc& sample = docs[rng() % docs.size()];
    std::vector<std::string> phrase;
    if (sample.body_terms.size() > 3) {
      const size_t at = rng() % (sample.body_terms.size() - 2);
      phrase = {sample.body_terms[at].text, sample.body_terms[at + 1].text};
    }
    std::string phrase_text;
    if (!phrase.empty()) {
      const auto& t0 = sample.body_terms[0];
      (void)t0;
      for (const auto& bt : sample.body_terms) {
        if (bt.text == phrase[0]) {
          // The original words of the two-term window.
          const size_t idx = static_cast<size_t>(&bt - &sample.body_terms[0]);
          if (idx + 1 < sample.body_terms.size() && sample.body_terms[idx + 1].text == phrase[1]) {
            phrase_text = sample.body.substr(bt.start, sample.body_terms[idx + 1].end - bt.start);
            break;
          }
        }
      }
    }
    const std::string source = q % 3 == 0 ? "okaz" : "";
    std::vector<Case> cases = {
        {"&q=" + UrlEncode(a), [&](const Doc& d) { return d.terms.count(ta) > 0; }},
        {"&q=" + UrlEncode(a + " " + b),
         [&](const Doc& d) { return d.terms.count(ta) && d.terms.count(tb); }},
        {"&q=" + UrlEncode(a + " -" + b),
         [&](const Doc& d) { return d.terms.count(ta) && !d.terms.count(tb); }},
        {"&q=" + UrlEncode(a + " OR " + b),
         [&](const Doc& d) { return d.terms.count(ta) || d.terms.count(tb); }},
        {"&q=" + UrlEncode("(" + a + " OR " + b + ") " + c),
         [&](const Doc& d) {
           return (d.terms.count(ta) || d.terms.count(tb)) && d.terms.count(tc);
         }},
        {"&q=" + UrlEncode(a) + "&source=okaz&from=2015-08-05&to=2015-08-20",
         [&](const Doc& d) {
           return d.terms.count(ta) && d.source == "okaz" && d.day >= "2015-08-05" &&
                  d.day <= "2015-08-20";
         }},
    };
    if (!phrase_text.empty() && phrase_text.find('\n') == std::string::npos) {
      cases.push_back({"&q=" + UrlEncode("\"" + phrase_text + "\""),
                       [&](const Doc& d) { return HasPhrase(d, phrase); }});
    }
    (void)source;
    for (const auto& c2 : cases) {
      std::set<std::string> want;
      for (const auto& d : docs) {
        if (c2.match(d)) want.insert(d.id);
      }
      uint64_t total = 0;
      const auto got = AllHits(c2.params, &total, q % 2 ? 1000 : 250);
      EXPECT_EQ(total, want.size()) << c2.params;
      EXPECT_EQ(got, want) << c2.params;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

TEST_F(SearchTest, UpdatesAndDeletesInsideSharedPostingBlocks) {
  std::mt19937 rng(99);
  std::map<std::string, Doc> docs;
  std::vector<Doc> first;
  for (int i = 0; i < 2000; ++i) first.push_back(MakeDoc(rng, "u-" + std::to_string(i)));
  Ingest(first, *client_);  // Two bulk groups: every term's postings share blocks.
  for (auto& d : first) docs[d.id] = d;
  // Query first, so that the lists of frequent terms are cached and must follow the changes.
  for (size_t i = 0; i < 40; ++i) {
    uint64_t total = 0;
    AllHits("&q=" + UrlEncode(vocab_[i]), &total);
  }
  // Rewrite some articles in bulk, some one by one, and delete others.
  std::vector<Doc> rewrites;
  for (int i = 0; i < 2000; i += 13) rewrites.push_back(MakeDoc(rng, "u-" + std::to_string(i)));
  Ingest(rewrites, *client_);
  for (auto& d : rewrites) docs[d.id] = d;
  for (int i = 5; i < 2000; i += 41) {
    Doc d = MakeDoc(rng, "u-" + std::to_string(i));
    ASSERT_EQ(client_->Post("/v1/articles", Json(d)).status, 200);
    docs[d.id] = d;
  }
  for (int i = 7; i < 2000; i += 17) {
    ASSERT_EQ(client_->Request("DELETE", "/v1/articles/u-" + std::to_string(i)).status, 200);
    docs.erase("u-" + std::to_string(i));
  }
  int checked = 0;
  for (int q = 0; q < 60; ++q) {
    const std::string a = Word(rng);
    const std::string ta = terms_->TermOf(a);
    if (terms_->IsStopWord(ta)) continue;
    std::set<std::string> want;
    for (const auto& [id, d] : docs) {
      if (d.terms.count(ta)) want.insert(id);
    }
    uint64_t total = 0;
    EXPECT_EQ(AllHits("&q=" + UrlEncode(a), &total), want) << a;
    EXPECT_EQ(total, want.size()) << a;
    ++checked;
  }
  EXPECT_GT(checked, 30);
}

TEST_F(SearchTest, CursorsReturnEveryHitOnceWhileArticlesAreAdded) {
  std::mt19937 rng(7);
  std::vector<Doc> docs;
  for (int i = 0; i < 3000; ++i) docs.push_back(MakeDoc(rng, "c-" + std::to_string(i)));
  Ingest(docs, *client_);
  size_t pick = 0;
  while (terms_->IsStopWord(terms_->TermOf(vocab_[pick]))) ++pick;
  const std::string a = vocab_[pick];
  const std::string ta = terms_->TermOf(a);
  std::set<std::string> want;
  for (const auto& d : docs) {
    if (d.terms.count(ta)) want.insert(d.id);
  }
  ASSERT_GT(want.size(), 200u);
  HttpClient writer(server_->port());
  int batch = 0;
  uint64_t total = 0;
  const auto got = AllHits("&q=" + UrlEncode(a), &total, 50, [&] {
    std::vector<Doc> more;
    for (int i = 0; i < 20; ++i)
      more.push_back(MakeDoc(rng, "n-" + std::to_string(batch) + "-" + std::to_string(i)));
    ++batch;
    Ingest(more, writer);
  });
  EXPECT_EQ(total, want.size());
  EXPECT_EQ(got, want);
  EXPECT_GT(batch, 3);
}

TEST_F(SearchTest, SpellingVariantsDiacriticsAndCliticsMeet) {
  const std::string body =
      "وصل الأمير إلى والرياض صباح اليوم، وقالت المدرسة إن العَرَبِيّة لغة الـــتعليم";
  ASSERT_EQ(client_->Post("/v1/articles", Article("v-1", body)).status, 201);
  ASSERT_EQ(client_->Post("/v1/articles", Article("v-2", "خبر آخر لا صلة له")).status, 201);
  auto ids = [&](const std::string& q) {
    uint64_t total = 0;
    return AllHits("&q=" + UrlEncode(q), &total);
  };
  const std::set<std::string> v1 = {"v-1"};
  for (const char* q : {"أمير", "امير", "الامير", "الرياض", "رياض", "مدرسة", "المدرسه", "العربية",
                        "عربية", "التعليم", "\"الرياض صباح\""}) {
    EXPECT_EQ(ids(q), v1) << q;
  }
  EXPECT_TRUE(ids("\"صباح الرياض\"").empty());
  EXPECT_TRUE(ids("الرياض -صباح").empty());
  // Highlights mark the original words.
  const Response r = client_->Get("/v1/search?q=" + UrlEncode("الرياض"));
  EXPECT_NE(r.body.find("<mark>والرياض</mark>"), std::string::npos) << r.body;
}

TEST_F(SearchTest, BadParametersAreRefused) {
  ExpectError(client_->Get("/v1/search?q=%22open"), 400, "invalid_query", "q");
  ExpectError(client_->Get("/v1/search?q=(a"), 400, "invalid_query", "q");
  ExpectError(client_->Get("/v1/search?q=-only"), 400, "invalid_query", "q");
  ExpectError(client_->Get("/v1/search?limit=0"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/search?limit=1001"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/search?from=yesterday"), 400, "invalid_parameter", "from");
  ExpectError(client_->Get("/v1/search?facets=colors"), 400, "invalid_parameter", "facets");
  ExpectError(client_->Get("/v1/search?cursor=zzz"), 400, "invalid_cursor", "cursor");
  ExpectError(client_->Get("/v1/search?colour=red"), 400, "unknown_parameter", "colour");
}

TEST_F(SearchTest, FacetsCountTheMatchingSet) {
  ASSERT_EQ(
      client_
          ->Post(
              "/v1/articles",
              R"({"id":"f1","title":"الرياض","body":"قال الرئيس فلاديمير بوتين في موسكو","published_at":"2024-02-10","source":"a"})")
          .status,
      201);
  ASSERT_EQ(
      client_
          ->Post(
              "/v1/articles",
              R"({"id":"f2","title":"الرياض","body":"بوتين يزور موسكو","published_at":"2024-02-11","source":"b"})")
          .status,
      201);
  ASSERT_EQ(
      client_
          ->Post(
              "/v1/articles",
              R"({"id":"f3","title":"جدة","body":"خبر","published_at":"2024-02-11","source":"b"})")
          .status,
      201);
  const Response r =
      client_->Get("/v1/search?q=" + UrlEncode("الرياض") + "&facets=source,day,places");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = parser_.parse(r.body);
  uint64_t total = 0;
  ASSERT_EQ(j["total"].get(total), simdjson::SUCCESS);
  EXPECT_EQ(total, 2u);
  EXPECT_NE(r.body.find(R"("source":[{"value":"a","count":1},{"value":"b","count":1}])"),
            std::string::npos)
      << r.body;
  EXPECT_NE(
      r.body.find(R"("day":[{"value":"2024-02-10","count":1},{"value":"2024-02-11","count":1}])"),
      std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(R"({"value":"موسكو","count":2})"), std::string::npos) << r.body;
  // Deletes and updates are reflected at once.
  ASSERT_EQ(client_->Request("DELETE", "/v1/articles/f1").status, 200);
  ASSERT_EQ(
      client_
          ->Post(
              "/v1/articles",
              R"({"id":"f2","title":"جدة","body":"تحديث","published_at":"2024-02-11","source":"b"})")
          .status,
      200);
  uint64_t after = 0;
  EXPECT_TRUE(AllHits("&q=" + UrlEncode("الرياض"), &after).empty());
  EXPECT_EQ(after, 0u);
  EXPECT_EQ(AllHits("&q=" + UrlEncode("جدة"), &after), (std::set<std::string>{"f2", "f3"}));
}

}  // namespace
}  // namespace khabar::testing
