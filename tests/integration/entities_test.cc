// The entity, figure and quote endpoints end to end: real Arabic articles go in through the
// ingest API, the analyzer extracts entities, figures and quotes, and the queries read them back.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "fixture.h"

namespace khabar::testing {
namespace {

// From /work/shared/data/seed/seed-article.txt.
constexpr const char* kSeedTitle = "150 مليون مشاهدة لمقابلة بوتين مع تاكر كارلسون على منصة “إكس”";
constexpr const char* kSeedBody =
    "حققت المقابلة التي أجراها الرئيس الروسي فلاديمير بوتين مع الصحفي الأمريكي تاكر كارلسون على "
    "منصة التواصل الاجتماعي “إكس” (تويتر سابقا) عددا جديدا من المشاهدات، حيث وصلت إلى 150 مليون "
    "مشاهدة خلال نحو 23 ساعة من نشرها، وعلى “يوتيوب” تجاوزت 8.3 مليون مشاهدة. الى الآن.\n"
    "قال المتحدث باسم الرئاسة الروسية دميتري بيسكوف، الخميس الماضي، إن وصول الصحفي الأمريكي تاكر "
    "كارلسون إلى موسكو ومحادثته مع الرئيس فلاديمير بوتين، كان لهما صدى كبير في البلدين.\n"
    "وأضاف: “من الواضح أن هذه المقابلة منتظرة، ومن الواضح أن هذه المقابلة ستتم قراءتها وتحليلها "
    "لعدة أيام قادمة”، مؤكدا أن أي مقابلة مع رئيس الدولة تعتبر حدثا مهما للغاية.";

struct Item {
  std::map<std::string, std::string> fields;  // String fields; numbers as written.
  double value = 0;
};

struct Page {
  std::vector<Item> items;
  std::string next_cursor;  // Empty for null.
};

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Url(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class EntitiesTest : public ServerTest {
 protected:
  void Put(const std::string& id, const std::string& title, const std::string& body,
           const std::string& published_at) {
    const std::string json = R"({"id":")" + id + R"(","title":")" + JsonEscape(title) +
                             R"(","body":")" + JsonEscape(body) + R"(","published_at":")" +
                             published_at + R"(","source":"test"})";
    const Response r = client_->Post("/v1/articles", json);
    ASSERT_EQ(r.status, 201) << r.body;
  }

  // The seed, one article with a figure and a quote, six generated ones (two per day), and one
  // that alone names Elon Musk.
  void Ingest() {
    Put("seed", kSeedTitle, kSeedBody, "2024-02-10T08:00:00Z");
    Put("m1", "الأسواق اليوم",
        "ارتفعت الأسهم 3.5 في المائة في بورصة موسكو. وقال الرئيس فلاديمير بوتين: \"الاقتصاد قوي\".",
        "2024-03-05T10:00:00Z");
    for (int i = 0; i < 6; ++i) {
      const std::string body = "وقال الرئيس الروسي فلاديمير بوتين في موسكو: \"النمو سيبلغ " +
                               std::to_string(i + 2) +
                               " في المائة هذا العام\". وارتفعت صادرات روسيا " +
                               std::to_string(10 + i) + " مليار دولار.";
      Put("p" + std::to_string(i), "بوتين يتحدث عن الاقتصاد", body,
          "2024-03-1" + std::to_string(i / 2) + "T09:00:00Z");
    }
    Put("solo", "تطبيق إكس",
        "وأعلن الملياردير الأميركي إيلون ماسك أن تنزيلات تطبيق «X» شهدت زيادة غير مسبوقة.",
        "2024-01-20T12:00:00Z");
  }

  // Reads one page of a list: string fields of each object, "value" as a number.
  Page GetPage(const std::string& target, const char* list) {
    Page page;
    const Response r = client_->Get(target);
    EXPECT_EQ(r.status, 200) << target << " " << r.body;
    if (r.status != 200) return page;
    auto j = Json(r.body);
    simdjson::dom::array items;
    EXPECT_EQ(j[list].get(items), simdjson::SUCCESS) << r.body;
    for (auto item : items) {
      Item it;
      simdjson::dom::object obj;
      if (item.get(obj) != simdjson::SUCCESS) continue;
      for (auto field : obj) {
        std::string_view s;
        int64_t n = 0;
        double d = 0;
        if (field.value.get(s) == simdjson::SUCCESS) {
          it.fields[std::string(field.key)] = std::string(s);
        } else if (field.value.get(n) == simdjson::SUCCESS) {
          it.fields[std::string(field.key)] = std::to_string(n);
        }
        if (field.key == "value" && field.value.get(d) == simdjson::SUCCESS) it.value = d;
      }
      page.items.push_back(std::move(it));
    }
    std::string_view cursor;
    if (j["next_cursor"].get(cursor) == simdjson::SUCCESS) page.next_cursor = std::string(cursor);
    return page;
  }

  // Follows next_cursor to the end (at most 50 pages) and returns every item in order.
  std::vector<Item> All(const std::string& target, const char* list, size_t* pages = nullptr) {
    std::vector<Item> all;
    std::string cursor;
    const char sep = target.find('?') == std::string::npos ? '?' : '&';
    for (int i = 0; i < 50; ++i) {
      Page page = GetPage(cursor.empty() ? target : target + sep + "cursor=" + cursor, list);
      if (pages) ++*pages;
      for (auto& item : page.items) all.push_back(std::move(item));
      if (page.next_cursor.empty()) return all;
      EXPECT_FALSE(page.items.empty()) << "a page with a next_cursor is never empty";
      cursor = page.next_cursor;
    }
    ADD_FAILURE() << "more than 50 pages of " << target;
    return all;
  }

  // The id of the first entity the prefix finds.
  std::string EntityId(const std::string& prefix) {
    Page page = GetPage("/v1/entities?prefix=" + Url(prefix), "entities");
    EXPECT_FALSE(page.items.empty()) << prefix;
    return page.items.empty() ? "0" : page.items[0].fields["id"];
  }

  int64_t Field(const std::string& target, const char* key) {
    const Response r = client_->Get(target);
    EXPECT_EQ(r.status, 200) << target << " " << r.body;
    return Int(Json(r.body), key);
  }
};

std::vector<std::string> Column(const std::vector<Item>& items, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.fields.at(key));
  return out;
}

TEST_F(EntitiesTest, AutocompleteDetailAndErrors) {
  Ingest();
  // Most mentioned first when there is no prefix.
  Page all = GetPage("/v1/entities", "entities");
  ASSERT_GE(all.items.size(), 4u);
  EXPECT_EQ(all.items[0].fields["canonical"], "فلاديمير بوتين");
  for (size_t i = 1; i < all.items.size(); ++i) {
    EXPECT_GE(std::stoll(all.items[i - 1].fields["mentions"]),
              std::stoll(all.items[i].fields["mentions"]));
  }
  EXPECT_EQ(GetPage("/v1/entities?limit=2", "entities").items.size(), 2u);

  // The prefix matches the start of any word, normalized.
  Page peskov = GetPage("/v1/entities?prefix=" + Url("بيس"), "entities");
  ASSERT_EQ(peskov.items.size(), 1u);
  EXPECT_EQ(peskov.items[0].fields["canonical"], "دميتري بيسكوف");
  EXPECT_EQ(peskov.items[0].fields["type"], "person");
  EXPECT_TRUE(GetPage("/v1/entities?prefix=" + Url("سكوف"), "entities").items.empty());
  EXPECT_EQ(
      GetPage("/v1/entities?prefix=" + Url("فلاد"), "entities").items.at(0).fields["canonical"],
      "فلاديمير بوتين");
  EXPECT_EQ(GetPage("/v1/entities?prefix=" + Url("إيلون"), "entities").items.size(), 1u);
  EXPECT_EQ(GetPage("/v1/entities?prefix=" + Url("ايلون"), "entities").items.size(),
            1u);  // Folded alef.
  EXPECT_EQ(GetPage("/v1/entities?type=place&prefix=" + Url("موس"), "entities").items.size(), 1u);
  EXPECT_TRUE(GetPage("/v1/entities?type=person&prefix=" + Url("موس"), "entities").items.empty());
  for (const auto& e : GetPage("/v1/entities?type=place", "entities").items) {
    EXPECT_EQ(e.fields.at("type"), "place");
  }

  // One entity: aliases with counts, first and last seen.
  const std::string putin = EntityId("بوتين");
  Response r = client_->Get("/v1/entities/" + putin);
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Json(r.body);
  EXPECT_EQ(Str(j, "canonical"), "فلاديمير بوتين");
  EXPECT_EQ(Str(j, "type"), "person");
  EXPECT_EQ(Int(j, "articles"), 8);
  EXPECT_EQ(Str(j, "first_seen"), "2024-02-10");
  EXPECT_EQ(Str(j, "last_seen"), "2024-03-12");
  const int64_t mentions = Int(j, "mentions");
  int64_t alias_total = 0;
  std::set<std::string> aliases;
  simdjson::dom::array alias_list;
  ASSERT_EQ(j["aliases"].get(alias_list), simdjson::SUCCESS) << r.body;
  for (auto a : alias_list) {
    aliases.insert(Str(a, "text"));
    alias_total += Int(a, "count");
  }
  EXPECT_EQ(alias_total, mentions) << r.body;
  EXPECT_TRUE(aliases.count("بوتين") && aliases.count("فلاديمير بوتين")) << r.body;

  ExpectError(client_->Get("/v1/entities/999999"), 404, "not_found");
  ExpectError(client_->Get("/v1/entities/abc"), 404, "not_found");
  ExpectError(client_->Get("/v1/entities/999999/articles"), 404, "not_found");
  ExpectError(client_->Get("/v1/entities?type=thing"), 400, "invalid_parameter", "type");
  ExpectError(client_->Get("/v1/entities?limit=1001"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/entities?limit=0"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/entities?limit=x"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/entities?q=x"), 400, "unknown_parameter", "q");
  ExpectError(client_->Get("/v1/entities/" + putin + "?limit=1"), 400, "unknown_parameter",
              "limit");
}

TEST_F(EntitiesTest, ArticlesTimelineAndRelated) {
  Ingest();
  const std::string putin = EntityId("فلاديمير");
  const std::string base = "/v1/entities/" + putin;

  // Every article exactly once, newest first, equal timestamps by ingestion order reversed.
  size_t pages = 0;
  const auto articles = All(base + "/articles?limit=3", "articles", &pages);
  EXPECT_EQ(pages, 3u);
  EXPECT_EQ(Column(articles, "id"),
            (std::vector<std::string>{"p5", "p4", "p3", "p2", "p1", "p0", "m1", "seed"}));
  EXPECT_EQ(articles[0].fields.at("title"), "بوتين يتحدث عن الاقتصاد");
  EXPECT_EQ(articles[0].fields.at("published_at"), "2024-03-12T09:00:00Z");
  EXPECT_EQ(All(base + "/articles?limit=8", "articles").size(), 8u);
  EXPECT_EQ(GetPage(base + "/articles?limit=8", "articles").next_cursor, "");
  EXPECT_EQ(All(base + "/articles?limit=1", "articles").size(), 8u);
  ExpectError(client_->Get(base + "/articles?cursor=%%%"), 400, "invalid_query");
  ExpectError(client_->Get(base + "/articles?cursor=not-a-cursor"), 400, "invalid_cursor",
              "cursor");
  ExpectError(client_->Get(base + "/articles?limit=5000"), 400, "invalid_parameter", "limit");

  // Timelines: ascending periods whose counts sum to the entity's articles.
  const std::map<std::string, std::map<std::string, int64_t>> expected = {
      {"day",
       {{"2024-02-10", 1},
        {"2024-03-05", 1},
        {"2024-03-10", 2},
        {"2024-03-11", 2},
        {"2024-03-12", 2}}},
      {"week", {{"2024-W06", 1}, {"2024-W10", 3}, {"2024-W11", 4}}},
      {"month", {{"2024-02", 1}, {"2024-03", 7}}},
  };
  for (const auto& [interval, buckets] : expected) {
    SCOPED_TRACE(interval);
    const Page t = GetPage(base + "/timeline?interval=" + interval, "timeline");
    std::map<std::string, int64_t> got;
    std::string previous;
    for (const auto& b : t.items) {
      EXPECT_LT(previous, b.fields.at("period"));
      previous = b.fields.at("period");
      got[previous] = std::stoll(b.fields.at("articles"));
    }
    EXPECT_EQ(got, buckets);
  }
  EXPECT_EQ(GetPage(base + "/timeline", "timeline").items.size(), 5u);  // Days by default.
  ExpectError(client_->Get(base + "/timeline?interval=year"), 400, "invalid_parameter", "interval");

  // Related: the articles each entity shares with Putin, most first.
  const Page related = GetPage(base + "/related", "entities");
  std::map<std::string, int64_t> counts;
  int64_t previous = INT64_MAX;
  for (const auto& e : related.items) {
    const int64_t c = std::stoll(e.fields.at("count"));
    EXPECT_LE(c, previous);
    previous = c;
    counts[e.fields.at("canonical")] = c;
    EXPECT_NE(e.fields.at("id"), putin);
  }
  EXPECT_EQ(counts["موسكو"], 8);
  EXPECT_EQ(counts["روسيا"], 6);
  EXPECT_EQ(counts["دميتري بيسكوف"], 1);
  EXPECT_EQ(counts.count("إيلون ماسك"), 0u);
  EXPECT_EQ(GetPage(base + "/related?limit=1", "entities").items.size(), 1u);
}

TEST_F(EntitiesTest, FiguresFiltersAndPaging) {
  Ingest();
  const auto all = All("/v1/figures?limit=1000", "figures");
  ASSERT_GE(all.size(), 15u);
  EXPECT_EQ(all.front().fields.at("article_id"), "p5");  // Newest article first.
  EXPECT_FALSE(all.front().fields.at("context").empty());
  std::set<std::string> once;
  const auto paged = All("/v1/figures?limit=4", "figures");
  for (const auto& f : paged) {
    once.insert(f.fields.at("article_id") + "|" + f.fields.at("text") + "|" +
                f.fields.at("context"));
  }
  EXPECT_EQ(paged.size(), all.size());
  EXPECT_EQ(once.size(), all.size());

  const auto percents = All("/v1/figures?kind=percent&limit=3", "figures");
  EXPECT_EQ(percents.size(), 7u);
  for (const auto& f : percents) EXPECT_EQ(f.fields.at("kind"), "percent");
  EXPECT_EQ(percents.back().fields.at("article_id"), "m1");
  EXPECT_EQ(percents.back().value, 3.5);
  EXPECT_EQ(percents.back().fields.at("text"), "3.5 في المائة");
  EXPECT_NE(percents.back().fields.at("context").find("ارتفعت الأسهم"), std::string::npos);

  const auto dollars = All("/v1/figures?currency=USD", "figures");
  EXPECT_EQ(dollars.size(), 6u);
  for (const auto& f : dollars) {
    EXPECT_EQ(f.fields.at("currency"), "USD");
    EXPECT_EQ(f.fields.at("kind"), "money");
  }
  EXPECT_TRUE(GetPage("/v1/figures?currency=EUR", "figures").items.empty());

  // min/max alone walk the value index: ascending values, each once across pages.
  std::vector<double> values;
  for (const auto& f : All("/v1/figures?min=3&max=6&limit=2", "figures")) values.push_back(f.value);
  EXPECT_EQ(values, (std::vector<double>{3, 3.5, 4, 5, 6}));
  values.clear();
  for (const auto& f : All("/v1/figures?min=1e10&limit=4", "figures")) values.push_back(f.value);
  EXPECT_EQ(values, (std::vector<double>{1e10, 11e9, 12e9, 13e9, 14e9, 15e9}));
  EXPECT_EQ(All("/v1/figures?max=6&kind=percent&from=2024-03-11", "figures").size(), 3u);

  // Words, entity and time narrow the articles.
  EXPECT_EQ(All("/v1/figures?q=" + Url("صادرات روسيا") + "&limit=5", "figures").size(), 12u);
  EXPECT_EQ(All("/v1/figures?q=" + Url("الأسهم") + "&min=3", "figures").size(), 1u);
  const std::string putin = EntityId("بوتين");
  EXPECT_EQ(All("/v1/figures?kind=percent&entity=" + putin, "figures").size(), 7u);
  const std::string musk = EntityId("إيلون");
  EXPECT_TRUE(GetPage("/v1/figures?entity=" + musk, "figures").items.empty());
  const auto day = All("/v1/figures?kind=percent&from=2024-03-11&to=2024-03-11", "figures");
  values.clear();
  for (const auto& f : day) values.push_back(f.value);
  EXPECT_EQ(values, (std::vector<double>{5, 4}));  // p3 then p2: same time, later docno first.
  EXPECT_EQ(All("/v1/figures?kind=percent&to=2024-03-10T08:59:59Z", "figures").size(), 1u);

  ExpectError(client_->Get("/v1/figures?min=abc"), 400, "invalid_parameter", "min");
  ExpectError(client_->Get("/v1/figures?min=5&max=1"), 400, "invalid_parameter", "min");
  ExpectError(client_->Get("/v1/figures?kind=bogus"), 400, "invalid_parameter", "kind");
  ExpectError(client_->Get("/v1/figures?entity=x"), 400, "invalid_parameter", "entity");
  ExpectError(client_->Get("/v1/figures?from=yesterday"), 400, "invalid_parameter", "from");
  ExpectError(client_->Get("/v1/figures?to=2024-13-01"), 400, "invalid_parameter", "to");
  ExpectError(client_->Get("/v1/figures?limit=1001"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/figures?unit=x"), 400, "unknown_parameter", "unit");
  ExpectError(client_->Get("/v1/figures?cursor=AAAA"), 400, "invalid_cursor", "cursor");
  // A cursor of one ordering is refused by the other.
  const std::string by_value = GetPage("/v1/figures?min=3&limit=1", "figures").next_cursor;
  ASSERT_FALSE(by_value.empty());
  ExpectError(client_->Get("/v1/figures?cursor=" + by_value), 400, "invalid_cursor", "cursor");
}

TEST_F(EntitiesTest, QuotesBySpeakerAndWords) {
  Ingest();
  const auto peskov = All("/v1/quotes?speaker=" + Url("بيسكوف"), "quotes");
  ASSERT_EQ(peskov.size(), 1u);
  EXPECT_EQ(peskov[0].fields.at("speaker"), "دميتري بيسكوف");
  EXPECT_EQ(peskov[0].fields.at("article_id"), "seed");
  EXPECT_EQ(peskov[0].fields.at("published_at"), "2024-02-10T08:00:00Z");
  EXPECT_NE(peskov[0].fields.at("context").find(peskov[0].fields.at("text")), std::string::npos);
  EXPECT_EQ(All("/v1/quotes?speaker=" + Url("دميتري بيسكوف"), "quotes").size(), 1u);
  EXPECT_TRUE(All("/v1/quotes?speaker=" + Url("فلاديمير بيسكوف"), "quotes").empty());

  size_t pages = 0;
  const auto putin = All("/v1/quotes?speaker=" + Url("بوتين") + "&limit=2", "quotes", &pages);
  EXPECT_EQ(pages, 4u);
  EXPECT_EQ(Column(putin, "article_id"),
            (std::vector<std::string>{"p5", "p4", "p3", "p2", "p1", "p0", "m1"}));
  for (const auto& q : putin) EXPECT_EQ(q.fields.at("speaker"), "فلاديمير بوتين");

  const auto economy = All("/v1/quotes?q=" + Url("الاقتصاد"), "quotes");
  ASSERT_EQ(economy.size(), 1u);  // The titles say it too, but only m1 quotes it.
  EXPECT_EQ(economy[0].fields.at("text"), "الاقتصاد قوي");
  EXPECT_EQ(
      All("/v1/quotes?q=" + Url("النمو سيبلغ") + "&speaker=" + Url("فلاديمير بوتين"), "quotes")
          .size(),
      6u);
  EXPECT_EQ(All("/v1/quotes?q=" + Url("في النمو"), "quotes").size(), 6u);  // Stop words ignored.
  EXPECT_EQ(All("/v1/quotes?from=2024-03-11", "quotes").size(), 4u);
  EXPECT_EQ(All("/v1/quotes?to=2024-03-05", "quotes").size(), 2u);  // m1 and the seed.
  EXPECT_EQ(All("/v1/quotes?limit=1", "quotes").size(),
            All("/v1/quotes?limit=1000", "quotes").size());

  ExpectError(client_->Get("/v1/quotes?from=10/02/2024"), 400, "invalid_parameter", "from");
  ExpectError(client_->Get("/v1/quotes?from=2024-03-02&to=2024-03-01"), 400, "invalid_parameter",
              "from");
  ExpectError(client_->Get("/v1/quotes?limit=-1"), 400, "invalid_parameter", "limit");
  ExpectError(client_->Get("/v1/quotes?who=x"), 400, "unknown_parameter", "who");
  const std::string figures_cursor = GetPage("/v1/figures?limit=1", "figures").next_cursor;
  ExpectError(client_->Get("/v1/quotes?cursor=" + figures_cursor), 400, "invalid_cursor", "cursor");
}

TEST_F(EntitiesTest, DeletingArticlesDropsCounts) {
  Ingest();
  const std::string putin = EntityId("بوتين");
  const std::string musk = EntityId("إيلون");
  const int64_t mentions = Field("/v1/entities/" + putin, "mentions");

  for (const char* id : {"p5", "p4", "solo"}) {
    const Response r = client_->Request("DELETE", std::string("/v1/articles/") + id);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  Response r = client_->Get("/v1/entities/" + putin);
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Json(r.body);
  EXPECT_EQ(Int(j, "articles"), 6);
  EXPECT_EQ(Int(j, "mentions"), mentions - 4);  // Each generated article names him twice.
  EXPECT_EQ(Str(j, "last_seen"), "2024-03-11");
  EXPECT_EQ(All("/v1/entities/" + putin + "/articles?limit=4", "articles").size(), 6u);
  int64_t sum = 0;
  for (const auto& b :
       GetPage("/v1/entities/" + putin + "/timeline?interval=month", "timeline").items) {
    sum += std::stoll(b.fields.at("articles"));
  }
  EXPECT_EQ(sum, 6);

  ExpectError(client_->Get("/v1/entities/" + musk), 404, "not_found");
  EXPECT_TRUE(GetPage("/v1/entities?prefix=" + Url("إيلون"), "entities").items.empty());
  EXPECT_EQ(All("/v1/figures?currency=USD", "figures").size(), 4u);
  EXPECT_EQ(All("/v1/figures?min=1e10", "figures").size(), 4u);
  EXPECT_EQ(All("/v1/quotes?speaker=" + Url("بوتين"), "quotes").size(), 5u);
}

}  // namespace
}  // namespace khabar::testing
