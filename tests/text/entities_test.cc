#include "text/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "text/entity_canonical.h"
#include "text/ner_data.h"
#include "text/ner_lexicon.h"
#include "text/ner_model.h"
#include "text/normalize.h"

namespace khabar::text {
namespace {

class EntitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::shared_ptr<const EntityRecognizer>> r = EntityRecognizer::Create();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    recognizer_ = std::move(*r);
  }
  static std::shared_ptr<const EntityRecognizer> recognizer_;
};
std::shared_ptr<const EntityRecognizer> EntitiesTest::recognizer_;

// The mention with exactly this text, or nullptr.
const Entity* Find(const std::vector<Entity>& es, std::string_view text) {
  for (const Entity& e : es) {
    if (e.text == text) return &e;
  }
  return nullptr;
}

void ExpectSpansPointIntoOriginal(const std::vector<Entity>& es, std::string_view title,
                                  std::string_view body) {
  for (const Entity& e : es) {
    const std::string_view field = e.span.field == Field::kTitle ? title : body;
    ASSERT_LE(e.span.start, e.span.end);
    ASSERT_LE(e.span.end, field.size());
    EXPECT_EQ(field.substr(e.span.start, e.span.end - e.span.start), e.text);
    EXPECT_FALSE(e.canonical.empty());
  }
}

TEST_F(EntitiesTest, EmbeddedDataLoads) {
  EXPECT_TRUE(ner::Lexicon::Parse(ner::EmbeddedLexicon()).ok());
  Result<ner::Model> m = ner::Model::Load(ner::EmbeddedModel());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_GT(m->num_rows(), 1000u);
}

TEST_F(EntitiesTest, CorruptModelIsAnError) {
  EXPECT_FALSE(EntityRecognizer::FromData("not a model", ner::EmbeddedLexicon()).ok());
  const std::string truncated(ner::EmbeddedModel().substr(0, 100));
  EXPECT_FALSE(EntityRecognizer::FromData(truncated, ner::EmbeddedLexicon()).ok());
}

TEST_F(EntitiesTest, TitlesStayOutOfPersonSpans) {
  const std::string body = "حققت المقابلة التي أجراها الرئيس الروسي فلاديمير بوتين نجاحا كبيرا.";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  const Entity* putin = Find(es, "فلاديمير بوتين");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type, EntityType::kPerson);
  EXPECT_EQ(putin->canonical, "فلاديمير بوتين");
  EXPECT_EQ(Find(es, "الرئيس الروسي فلاديمير بوتين"), nullptr);
}

TEST_F(EntitiesTest, SpellingsShareOneCanonical) {
  const std::string body =
      "قال المتحدث باسم الرئاسة الروسية دميتري بيسكوف إن الزيارة مهمة. وأوضح المتحدث باسم "
      "الكرملين ديمتري بيسكوف أن المقابلة لم تجر لأي رد فعل. وأشار بيسكوف إلى أن الكرملين لا "
      "يجمع الأسئلة.";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  std::set<std::string> peskov;
  for (const Entity& e : es) {
    if (e.text.find("بيسكوف") != std::string::npos) {
      EXPECT_EQ(e.type, EntityType::kPerson) << e.text;
      peskov.insert(e.canonical);
    }
  }
  EXPECT_EQ(peskov, std::set<std::string>{"دميتري بيسكوف"});
}

TEST_F(EntitiesTest, CliticsStayOutOfSpans) {
  const std::string body = "قال منسق الاتصالات بالبيت الأبيض جون كيربي إن والكرملين لم يرد.";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  const Entity* wh = Find(es, "البيت الأبيض");
  ASSERT_NE(wh, nullptr);
  EXPECT_EQ(wh->type, EntityType::kOrganization);
  ASSERT_NE(Find(es, "جون كيربي"), nullptr);
}

// A CLDR country or city is a place even after a one-letter clitic, which stays out of the span;
// "مالي" (financial, and the country) is an everyday word and no listed place.
TEST_F(EntitiesTest, ListedPlacesAfterACliticArePlaces) {
  const std::string body =
      "وصل الوفد لدمشق بعد محادثات طويلة بأثينا ، وقدم دعما ماليا للقطاع المالي في سيدني .";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  for (const char* name : {"دمشق", "أثينا", "سيدني"}) {
    const Entity* e = Find(es, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kPlace) << name;
  }
  for (const Entity& e : es) EXPECT_EQ(e.text.find("مالي"), std::string::npos) << e.text;
}

TEST_F(EntitiesTest, PlaceListHoldsOnlyOneWordCountriesAndCities) {
  Result<ner::Lexicon> lex = ner::Lexicon::Parse(ner::EmbeddedLexicon());
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE(lex->IsPlace(ner::HashBytes(Normalize("دمشق"))));
  EXPECT_TRUE(lex->IsPlace(ner::HashBytes(Normalize("السعودية"))));
  EXPECT_FALSE(lex->IsPlace(ner::HashBytes(Normalize("سعودية"))));
  EXPECT_FALSE(lex->IsPlace(ner::HashBytes(Normalize("مالي"))));   // Financial.
  EXPECT_FALSE(lex->IsPlace(ner::HashBytes(Normalize("ترول"))));   // In "بترول".
  EXPECT_FALSE(lex->IsPlace(ner::HashBytes(Normalize("ماهي"))));   // "ما هي", written joined.
  EXPECT_FALSE(lex->IsPlace(ner::HashBytes(Normalize("ديلي"))));   // The Daily Telegraph.
}

// A clitic is cut only where what remains can be a word: "وكالة" (agency) keeps its waw, and
// "بالاك" (Ballack) is no "bi-al-ak".
TEST_F(EntitiesTest, CliticsAreNotCutOutOfWords) {
  const std::string body =
      "ونقلت وكالة رويترز عن مصدر مطلع قوله إن المفاوضات متعثرة . ونقلت صحيفة صن عن "
      "ميكايل بالاك قوله إن الفريق جاهز ، وتحدث بالاك عن المباراة .";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  for (const Entity& e : es) {
    EXPECT_FALSE(e.text.starts_with("كالة")) << e.text;
    EXPECT_FALSE(e.text.starts_with("الة")) << e.text;
    EXPECT_NE(e.text, "الاك");
  }
}

// An honorific with a pronoun ("معاليه", His Excellency) refers to a person and names nobody.
TEST_F(EntitiesTest, HonorificsAreNoNames) {
  const std::string body =
      "استقبل وزير الخارجية فيصل بن فرحان نظيره الإيراني . وقال معاليه إن العلاقات تتطور ، "
      "وأكد سموه وفخامته ذلك .";
  const auto es = recognizer_->Recognize("", body);
  for (const Entity& e : es) {
    EXPECT_NE(e.text, "معاليه");
    EXPECT_NE(e.text, "سموه");
    EXPECT_NE(e.text, "فخامته");
  }
}

// An organization span that runs from a known organization into a name is cut in two.
TEST_F(EntitiesTest, AKnownOrganizationThenAPerson) {
  const std::string body = "وقال مفوض عام وكالة الأونروا فيليب لازاريني إن الوضع في غزة كارثي .";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  const Entity* p = Find(es, "فيليب لازاريني");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, EntityType::kPerson);
  const Entity* o = Find(es, "الأونروا");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->type, EntityType::kOrganization);
}

// Listed names are matched by their light stem, so none may share one with an everyday word:
// Ford would be "warada" (was mentioned) and Fiat the "-iyat" of "aliyat" (vehicles).
TEST_F(EntitiesTest, EverydayWordsAreNoListedNames) {
  const std::string body = "كما ورد في التقرير ، ودخلت آليات ثقيلة إلى الحي بعد أن صدر البيان .";
  EXPECT_TRUE(recognizer_->Recognize("", body).empty());
}

// A paper's name in quotation marks after its head noun is an organization, even when it is an
// everyday word ("al-Safir", the ambassador; "al-Hayat", life).
TEST_F(EntitiesTest, QuotedNamesAfterAMediumAreOrganizations) {
  const std::string body =
      "وكتبت صحيفة \" السفير \" المقربة من المعارضة أن الحكومة ستسقط ، ونقلت صحيفة «الحياة» "
      "اللندنية عن مصادر قولها إن الاجتماع تأجل .";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  for (const char* name : {"السفير", "الحياة"}) {
    const Entity* e = Find(es, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kOrganization) << name;
  }
  // Without the marks the words stay words.
  EXPECT_TRUE(recognizer_->Recognize("", "وقال السفير إن الحياة عادت إلى طبيعتها .").empty());
}

// A city followed by a masculine nationality adjective is its club; the city itself is feminine.
TEST_F(EntitiesTest, ACityWithAMasculineNationalityIsItsClub) {
  const std::string body = "وفاز ميلان الإيطالي على بورتو البرتغالي بهدفين ، وقال مصدر في العراق الأمريكي .";
  const auto es = recognizer_->Recognize("", body);
  for (const char* club : {"ميلان", "بورتو"}) {
    const Entity* e = Find(es, club);
    ASSERT_NE(e, nullptr) << club;
    EXPECT_EQ(e->type, EntityType::kOrganization) << club;
  }
  const Entity* iraq = Find(es, "العراق");  // A definite, masculine country stays a place.
  ASSERT_NE(iraq, nullptr);
  EXPECT_EQ(iraq->type, EntityType::kPlace);
  // Valencia keeps its first letter (no "fa-" + "al-Nasiya"), and is the club too.
  const auto v = recognizer_->Recognize("", "وفاز فالنسيا الإسباني على ضيفه بهدفين .");
  const Entity* valencia = Find(v, "فالنسيا");
  ASSERT_NE(valencia, nullptr);
  EXPECT_EQ(valencia->type, EntityType::kOrganization);
  // After a masculine noun in construct the adjective is the noun's: the crossing, the port.
  const std::string body2 = "وعبرت الشاحنات معبر رفح المصري ، ورست السفينة في ميناء حيفا الإسرائيلي .";
  for (const char* place : {"رفح", "حيفا"}) {
    const auto es2 = recognizer_->Recognize("", body2);
    const Entity* e = Find(es2, place);
    ASSERT_NE(e, nullptr) << place;
    EXPECT_EQ(e->type, EntityType::kPlace) << place;
  }
}

// The word that opens a reported clause is never the end of a name.
TEST_F(EntitiesTest, ANameStopsBeforeBiAnna) {
  const std::string body = "وصرح حسين لبيب بأن \"الفريق سيعود أقوى\" .";
  const auto es = recognizer_->Recognize("", body);
  ASSERT_NE(Find(es, "حسين لبيب"), nullptr);
  for (const Entity& e : es) EXPECT_EQ(e.text.find("بأن"), std::string::npos) << e.text;
}

// A known club named after its city is one organization, not the city.
TEST_F(EntitiesTest, KnownOrganizationsHoldThePlacesInTheirNames) {
  const std::string body = "وفاز ريال مدريد على ضيفه دينامو كييف بخمسة أهداف في دوري أبطال أوروبا .";
  const auto es = recognizer_->Recognize("", body);
  bool dynamo = false;
  for (const Entity& e : es) {
    EXPECT_NE(e.text, "كييف");
    EXPECT_NE(e.text, "مدريد");
    if (e.text == "دينامو كييف") {
      dynamo = true;
      EXPECT_EQ(e.type, EntityType::kOrganization);
    }
  }
  EXPECT_TRUE(dynamo);
}

// "'Abd al-Fattah" written apart or together is one name.
TEST_F(EntitiesTest, AbdWrittenApartOrTogetherIsOneName) {
  const std::string body =
      "استقبل الرئيس المصري عبد الفتاح السيسي اليوم وزير الخارجية . وأكد الرئيس عبدالفتاح السيسي "
      "عمق العلاقات .";
  const auto es = recognizer_->Recognize("", body);
  std::set<std::string> canonicals;
  for (const Entity& e : es) {
    if (e.text.find("\xD8\xB3\xD9\x8A\xD8\xB3\xD9\x8A") != std::string::npos) {  // sisi
      canonicals.insert(e.canonical);
    }
  }
  EXPECT_EQ(canonicals.size(), 1u);
}

// A known organization keeps its type even when the tagger calls it a person, and it is cut
// off a person's span that it opens.
TEST_F(EntitiesTest, AKnownOrganizationIsNoPerson) {
  const std::string body =
      "واعتبر الأمين العام للناتو ينس ستولتنبرغ أن قرار الانضمام يعود للدول نفسها وأن الناتو "
      "لن يتدخل .";
  const auto es = recognizer_->Recognize("", body);
  int natu = 0;
  for (const Entity& e : es) {
    if (e.text.find("\xD9\x86\xD8\xA7\xD8\xAA\xD9\x88") != std::string::npos) {  // natu
      EXPECT_EQ(e.type, EntityType::kOrganization) << e.text;
      ++natu;
    }
  }
  EXPECT_EQ(natu, 2);
  const Entity* stoltenberg = Find(es, "ينس ستولتنبرغ");
  ASSERT_NE(stoltenberg, nullptr);
  EXPECT_EQ(stoltenberg->type, EntityType::kPerson);
}

// A name right after a place head is the place.
TEST_F(EntitiesTest, ANameAfterAPlaceHeadIsAPlace) {
  const std::string body = "ولد أينشتاين في مدينة أولم عام 1879 وتوفي في برينستون .";
  const auto es = recognizer_->Recognize("", body);
  const Entity* ulm = Find(es, "أولم");
  ASSERT_NE(ulm, nullptr);
  EXPECT_EQ(ulm->type, EntityType::kPlace);
}

// A hamza on alef starts no name: the clitic before it stays out ("li-Italya", "wa-Ukraniya").
TEST_F(EntitiesTest, ACliticBeforeHamzaStaysOut) {
  const std::string body = "وقال إن الاتفاق بين روسيا وأوكرانيا يمتد لإيطاليا وبإسرائيل .";
  const auto es = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(es, "", body);
  for (const char* place : {"أوكرانيا", "إيطاليا", "إسرائيل"}) {
    const Entity* e = Find(es, place);
    ASSERT_NE(e, nullptr) << place;
    EXPECT_EQ(e->type, EntityType::kPlace);
  }
}

TEST_F(EntitiesTest, TitleAndBodyGroupTogether) {
  const std::string title = "مقابلة بوتين مع كارلسون";
  const std::string body = "أجرى الصحفي الأمريكي تاكر كارلسون مقابلة مع الرئيس فلاديمير بوتين.";
  const auto es = recognizer_->Recognize(title, body);
  ExpectSpansPointIntoOriginal(es, title, body);
  std::map<std::string, std::string> canonical_of;
  for (const Entity& e : es) {
    if (e.span.field == Field::kTitle) canonical_of[e.text] = e.canonical;
  }
  EXPECT_EQ(canonical_of["بوتين"], "فلاديمير بوتين");
  EXPECT_EQ(canonical_of["كارلسون"], "تاكر كارلسون");
}

// The seed article's acceptance list (the issue that founded the module).
TEST_F(EntitiesTest, SeedArticle) {
  std::ifstream in(std::string(KHABAR_SHARED_DIR) + "/data/seed/seed-article.txt");
  if (!in) GTEST_SKIP() << "shared data not found";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  const size_t nl = all.find('\n');
  const std::string title = all.substr(0, nl), body = all.substr(nl + 1);
  const auto es = recognizer_->Recognize(title, body);
  ExpectSpansPointIntoOriginal(es, title, body);
  const struct {
    const char* text;
    EntityType type;
    const char* canonical;
  } want[] = {
      {"فلاديمير بوتين", EntityType::kPerson, "فلاديمير بوتين"},
      {"بوتين", EntityType::kPerson, "فلاديمير بوتين"},
      {"تاكر كارلسون", EntityType::kPerson, "تاكر كارلسون"},
      {"كارلسون", EntityType::kPerson, "تاكر كارلسون"},
      {"دميتري بيسكوف", EntityType::kPerson, "دميتري بيسكوف"},
      {"ديمتري بيسكوف", EntityType::kPerson, "دميتري بيسكوف"},
      {"بيسكوف", EntityType::kPerson, "دميتري بيسكوف"},
      {"جون كيربي", EntityType::kPerson, "جون كيربي"},
      {"كيربي", EntityType::kPerson, "جون كيربي"},
      {"إيلون ماسك", EntityType::kPerson, "إيلون ماسك"},
      {"موسكو", EntityType::kPlace, "موسكو"},
      {"أوكرانيا", EntityType::kPlace, "أوكرانيا"},
      {"الكرملين", EntityType::kOrganization, "الكرملين"},
      {"البيت الأبيض", EntityType::kOrganization, "البيت الأبيض"},
  };
  for (const auto& w : want) {
    SCOPED_TRACE(w.text);
    bool found = false;
    for (const Entity& e : es) {
      if (e.text != w.text) continue;
      found = true;
      EXPECT_EQ(e.type, w.type);
      EXPECT_EQ(e.canonical, w.canonical);
    }
    EXPECT_TRUE(found);
  }
  // Every mention of a name has the same canonical, wherever it is.
  std::map<std::string, std::set<std::string>> canonicals;
  for (const Entity& e : es) canonicals[e.text].insert(e.canonical);
  for (const auto& [text, set] : canonicals) EXPECT_EQ(set.size(), 1u) << text;
}

TEST_F(EntitiesTest, BadInputNeverCrashes) {
  EXPECT_TRUE(recognizer_->Recognize("", "").empty());
  EXPECT_TRUE(recognizer_->Recognize("   \n\n ", "..،،").empty());
  const std::string invalid = "\xff\xfe بوتين \xc3 موسكو \xe2\x80";
  ExpectSpansPointIntoOriginal(recognizer_->Recognize(invalid, invalid), invalid, invalid);
  std::string one_word;
  while (one_word.size() < 10'000'000) one_word += "بوتين";
  const auto huge = recognizer_->Recognize("", one_word);
  EXPECT_LE(huge.size(), 1u);
  std::string repeated;
  while (repeated.size() < 10'000'000) repeated += "فلاديمير بوتين ";
  const auto many = recognizer_->Recognize("", repeated);
  ExpectSpansPointIntoOriginal(many, "", repeated);
}

// One recognizer shared by threads gives each the same answer as a lone caller.
TEST_F(EntitiesTest, ConcurrentCallsAgree) {
  const std::vector<std::string> bodies = {
      "قال الرئيس الروسي فلاديمير بوتين في موسكو إن الكرملين يرحب بالمقابلة.",
      "أعلن الملياردير الأميركي إيلون ماسك أن شركة تسلا ستفتتح مصنعا في برلين.",
      "وقال المتحدث باسم البيت الأبيض جون كيربي إن واشنطن تتابع الوضع في أوكرانيا.",
  };
  std::vector<std::vector<Entity>> expected;
  for (const std::string& b : bodies) expected.push_back(recognizer_->Recognize("", b));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const size_t k = static_cast<size_t>(round + t) % bodies.size();
        if (recognizer_->Recognize("", bodies[k]) != expected[k]) ++mismatches[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

// More distinct words than the word cache holds: it is emptied between sentences and the
// answers stay the same.
TEST_F(EntitiesTest, WordCacheOverflow) {
  const std::string letters[] = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ر", "س", "ش", "ك", "م", "ن"};
  std::string many;
  for (int k = 0; k < 80000; ++k) {
    for (int v = k, d = 0; d < 5; ++d, v /= 13) many += letters[v % 13];
    many += k % 20 == 19 ? ". " : " ";
  }
  const std::string body = "قال الرئيس الروسي فلاديمير بوتين في موسكو إن الكرملين يرحب.";
  const auto before = recognizer_->Recognize("", body);
  ExpectSpansPointIntoOriginal(recognizer_->Recognize("", many), "", many);
  EXPECT_EQ(recognizer_->Recognize("", body), before);
}

// Random mixes of Arabic words, clitics, titles, punctuation, digits and broken UTF-8.
TEST_F(EntitiesTest, RandomTextKeepsSpansValid) {
  const std::vector<std::string> pieces = {
      "الرئيس",   "فلاديمير", "بوتين",   "و",      "ب", "ال",     "لل",     "وزارة",  "مدينة",
      " ",        " ",        "\n",      ".",      "،", "«",      "»",      "\xff",   "\xd8",
      "\xe2\x80", "12",       "Reuters", "ـ",      "َ",  "\u200f", "بالبيت", "الأبيض", "كيربي",
      "وكارلسون", "ديمتري",   "دميتري",  "بيسكوف", "(", "؟"};
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937 rng(seed);
  for (int round = 0; round < 300; ++round) {
    std::string title, body;
    const int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      std::string& field = rng() % 5 == 0 ? title : body;
      field += pieces[rng() % pieces.size()];
      if (rng() % 2) field += ' ';
    }
    const auto es = recognizer_->Recognize(title, body);
    ExpectSpansPointIntoOriginal(es, title, body);
  }
}

// A body mention of `type` over the first occurrence of `text` in `body` (after `after`).
Entity MentionOf(std::string_view body, std::string_view text, EntityType type,
                 std::string_view after = "") {
  const size_t at = body.find(text, after.empty() ? 0 : body.find(after));
  EXPECT_NE(at, std::string_view::npos) << text;
  Entity e;
  e.type = type;
  e.text = std::string(text);
  e.span = Span{Field::kBody, static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
  return e;
}

TEST(JoinAdjacentPersonsTest, JoinsANameCutInTwo) {
  const std::string body = "وسعادة عيسى حمد بوشهاب سفير الدولة ، وكان كيم جونغ - ايل هناك .";
  std::vector<Entity> m = {MentionOf(body, "عيسى", EntityType::kPerson),
                           MentionOf(body, "حمد بوشهاب", EntityType::kPerson),
                           MentionOf(body, "كيم جونغ", EntityType::kPerson),
                           MentionOf(body, "ايل", EntityType::kPerson)};
  JoinAdjacentPersons("", body, &m);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].text, "عيسى حمد بوشهاب");
  EXPECT_EQ(body.substr(m[0].span.start, m[0].span.end - m[0].span.start), m[0].text);
  EXPECT_EQ(m[1].text, "كيم جونغ - ايل");
}

// A run of repeated names ("فلاديمير بوتين فلاديمير بوتين ...") is not one endless name.
TEST(JoinAdjacentPersonsTest, NamesOfMoreThanSixWordsAreNotJoined) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "فلاديمير بوتين ";
  std::vector<Entity> m;
  for (size_t at = 0; at < body.size();) {
    const size_t end = body.find(' ', body.find(' ', at) + 1);
    Entity e;
    e.type = EntityType::kPerson;
    e.text = body.substr(at, end - at);
    e.span = Span{Field::kBody, static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
    m.push_back(e);
    at = end + 1;
  }
  JoinAdjacentPersons("", body, &m);
  EXPECT_GE(m.size(), 333u);
  for (const Entity& e : m) EXPECT_LE(std::count(e.text.begin(), e.text.end(), ' '), 5);
}

TEST(JoinAdjacentPersonsTest, ListsAndOtherTypesStayApart) {
  const std::string body = "بوش وشارون في لقاء جورج بوش واشنطن ومع نبيه بري ، فؤاد السنيورة .";
  std::vector<Entity> m = {MentionOf(body, "بوش", EntityType::kPerson),
                           MentionOf(body, "وشارون", EntityType::kPerson),
                           MentionOf(body, "جورج بوش", EntityType::kPerson),
                           MentionOf(body, "واشنطن", EntityType::kPlace),
                           MentionOf(body, "نبيه بري", EntityType::kPerson),
                           MentionOf(body, "فؤاد السنيورة", EntityType::kPerson)};
  JoinAdjacentPersons("", body, &m);
  EXPECT_EQ(m.size(), 6u);
}

// A two-letter name joins the full name it starts: "شي" is "شي جين بينغ".
TEST(AssignCanonicalsTest, ATwoLetterFirstNameJoinsItsFullName) {
  const std::string body = "قال الرئيس الصيني شي جين بينغ إن بكين مستعدة . وكان شي قد التقى بايدن .";
  std::vector<Entity> m = {MentionOf(body, "شي جين بينغ", EntityType::kPerson)};
  m.push_back(MentionOf(body, "شي", EntityType::kPerson, "وكان"));
  AssignCanonicals(&m);
  EXPECT_EQ(m[1].canonical, "شي جين بينغ");
}

// A name that looks like a clitic and the article ("بالاك", Ballack) still joins its full name.
TEST(AssignCanonicalsTest, ANameThatLooksLikeACliticJoinsItsFullName) {
  const std::string body = "سجل ميكايل بالاك هدفا ، وتحدث بالاك عن المباراة .";
  std::vector<Entity> m = {MentionOf(body, "ميكايل بالاك", EntityType::kPerson)};
  m.push_back(MentionOf(body, "بالاك", EntityType::kPerson, "وتحدث"));
  AssignCanonicals(&m);
  EXPECT_EQ(m[1].canonical, "ميكايل بالاك");
}

}  // namespace
}  // namespace khabar::text
