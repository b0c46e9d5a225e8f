#include "storage/new_postings.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace khabar::storage {
namespace {

std::map<std::string, std::vector<uint32_t>> Collect(const NewPostings& p) {
  std::map<std::string, std::vector<uint32_t>> out;
  p.ForEach([&](std::string_view term, const std::vector<PostingRef>& postings) {
    auto& docnos = out[std::string(term)];
    EXPECT_TRUE(docnos.empty()) << "term visited twice: " << term;
    for (const auto& r : postings) docnos.push_back(r.docno);
  });
  return out;
}

TEST(NewPostings, GroupsByTermInDocnoOrderAndDropsRemoved) {
  const uint32_t positions[] = {1, 2, 3};
  NewPostings p;
  p.Add("beta", {7, positions, 1, 0});
  p.Add("alpha", {7, positions, 0, 2});
  p.Add("alpha", {9, positions, 1, 1});
  p.Add("alpha", {3, positions, 1, 0});  // An update keeps its older, smaller docno.
  p.Add("gamma", {9, positions, 1, 0});
  p.Remove("gamma", 9);
  p.Remove("beta", 8);     // Not there: nothing happens.
  p.Remove("missing", 7);  // Unknown term: nothing happens.
  const auto got = Collect(p);
  ASSERT_EQ(got.size(), 2u);  // gamma lost its only posting.
  EXPECT_EQ(got.at("alpha"), (std::vector<uint32_t>{3, 7, 9}));
  EXPECT_EQ(got.at("beta"), (std::vector<uint32_t>{7}));
}

TEST(NewPostings, GrowsPastManyTerms) {
  std::vector<std::string> terms;
  for (int i = 0; i < 5000; ++i) terms.push_back("t" + std::to_string(i));
  const uint32_t positions[] = {0};
  NewPostings p;
  for (uint32_t doc = 1; doc <= 3; ++doc) {
    for (const auto& t : terms) p.Add(t, {doc, positions, 1, 0});
  }
  const auto got = Collect(p);
  ASSERT_EQ(got.size(), terms.size());
  for (const auto& t : terms) EXPECT_EQ(got.at(t), (std::vector<uint32_t>{1, 2, 3})) << t;
}

TEST(NewPostings, EmptyVisitsNothing) {
  NewPostings p;
  p.Remove("x", 1);
  EXPECT_TRUE(Collect(p).empty());
}

}  // namespace
}  // namespace khabar::storage
