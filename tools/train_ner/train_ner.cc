// khabar-train-ner: trains the entity tagger (an averaged structured perceptron over the
// features of text/ner_features.h, Viterbi-decoded) and writes text/model/ner.model.
//
//   khabar-train-ner --train anercorp-train.conll [--train more.conll] --out ner.model
//                    [--dev-fraction 0.1] [--dev-out dev.conll] [--epochs 10]
//                    [--dev-fold K] [--min-weight 0.05] [--seed 1]
//                    [--pred-out pred.txt] [--margin M] [--recall-cost R]
//
// With --dev-fraction F the last F of the first --train file's sentences are held out, scored
// after every epoch, and written to --dev-out for evaluate.py; the model then excludes them.
// --pred-out writes the held-out words with their gold and predicted tags ("word GOLD PRED").

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/ner_data.h"
#include "text/ner_features.h"
#include "text/ner_model.h"
#include "text/normalize.h"
#include "text/tokenize.h"
#include "tools/train_ner/conll.h"

namespace khabar::tools {
namespace {

using text::ner::kNumFeatures;
using text::ner::kNumTags;
using text::ner::kNumTransitions;

struct Options {
  std::vector<std::string> train;
  std::string out;
  std::string dev_out;
  std::string pred_out;  // Dev sentences with gold and predicted tags, for error analysis.
  double dev_fraction = 0;
  int dev_fold = -1;  // With --dev-fraction F: hold out chunk K of 1/F (default: the last).
  int epochs = 10;
  bool no_gazetteer = false;
  // Subtracted from every word's O score (trades precision for recall); baked into the bias row.
  double o_penalty = 0;  // Ablation: train without lexicon/gazetteer.tsv.
  double min_weight = 0.05;
  unsigned seed = 1;
  int models = 1;
  double word_dropout = 0;  // Probability of hiding a word's identity features in a step.
  // Cost-augmented decoding in training: each wrong tag scores this much more, and a wrong tag
  // on a word of an entity (a missed entity word) `recall_cost` more again.
  double margin = 0;
  double recall_cost = 0;
};

// A sentence as feature ids (index into the weight rows; -1: unseen in training).
struct Encoded {
  std::vector<int32_t> features;  // words * kNumFeatures
  std::vector<uint8_t> tags;
  int size() const { return static_cast<int>(tags.size()); }
};

class Trainer {
 public:
  explicit Trainer(const text::ner::Lexicon& lex) : lex_(lex) {}

  void SetCosts(double margin, double recall_cost) {
    margin_ = static_cast<float>(margin);
    recall_cost_ = static_cast<float>(recall_cost);
  }

  Encoded Encode(const Sentence& s, bool grow) {
    std::vector<text::ner::WordInfo> info(s.words.size());
    for (size_t i = 0; i < s.words.size(); ++i) {
      const std::vector<text::Token> toks = text::Tokenize(s.words[i]);
      const text::TokenKind kind = toks.empty() ? text::TokenKind::kPunct : toks[0].kind;
      text::ner::DescribeWord(lex_, text::Normalize(s.words[i]), kind, &info[i]);
    }
    text::ner::MarkPhrases(lex_, info);
    Encoded e;
    e.tags = s.tags;
    e.features.resize(info.size() * kNumFeatures);
    uint64_t hashes[kNumFeatures];
    for (size_t i = 0; i < info.size(); ++i) {
      text::ner::WordFeatures(info, static_cast<int>(i), hashes);
      for (int f = 0; f < kNumFeatures; ++f) {
        auto it = ids_.find(hashes[f]);
        int32_t id = -1;
        if (it != ids_.end()) {
          id = it->second;
        } else if (grow) {
          id = static_cast<int32_t>(keys_.size());
          ids_.emplace(hashes[f], id);
          keys_.push_back(hashes[f]);
        }
        e.features[i * kNumFeatures + f] = id;
      }
    }
    return e;
  }

  // Zero weights, ready to learn.
  void Allocate() {
    w_.assign(keys_.size() * kNumTags, 0);
    u_.assign(keys_.size() * kNumTags, 0);
    std::fill(trans_, trans_ + kNumTransitions, 0.0f);
    std::fill(utrans_, utrans_ + kNumTransitions, 0.0f);
    c_ = 0;
  }

  // One perceptron step on a sentence.
  // One step with word dropout: with probability `dropout` a word's identity features (word,
  // stem, clitic-less word and the pairs built on them) are hidden, so that the model also
  // learns the context, shape and lexicon evidence it needs for words it has never seen.
  void Learn(const Encoded& sentence, double dropout, std::mt19937* rng) {
    if (dropout <= 0) {
      Learn(sentence);
      return;
    }
    // Positions in WordFeatures' output (text/ner_features.cc): word 1, stem 2, bare 16; pairs
    // w-1|w 0, w|w+1 1, stem-1|stem 9, w-1|bare 10 after the neighbour features.
    constexpr int kPairs = text::ner::kNumFeatures - text::ner::kNumPairFeatures;
    static constexpr int kIdentity[] = {1, 2, 16, kPairs, kPairs + 1, kPairs + 9, kPairs + 10};
    Encoded e = sentence;
    std::bernoulli_distribution drop(dropout);
    for (int i = 0; i < e.size(); ++i) {
      if (!drop(*rng)) continue;
      for (int f : kIdentity) e.features[i * kNumFeatures + f] = -1;
    }
    Learn(e);
  }

  void Learn(const Encoded& e) {
    ++c_;
    std::vector<uint8_t> pred(e.tags.size());
    Decode(e, w_.data(), trans_, pred.data(), margin_ > 0 || recall_cost_ > 0);
    if (pred == e.tags) return;
    for (int i = 0; i < e.size(); ++i) {
      const int g = e.tags[i], p = pred[i];
      const int gp = i == 0 ? kNumTags : e.tags[i - 1];
      const int pp = i == 0 ? kNumTags : pred[i - 1];
      if (g != p || gp != pp) {
        Bump(trans_, utrans_, gp * kNumTags + g, 1);
        Bump(trans_, utrans_, pp * kNumTags + p, -1);
      }
      if (g == p) continue;
      for (int f = 0; f < kNumFeatures; ++f) {
        const int32_t id = e.features[i * kNumFeatures + f];
        if (id < 0) continue;
        Bump(w_.data(), u_.data(), static_cast<size_t>(id) * kNumTags + g, 1);
        Bump(w_.data(), u_.data(), static_cast<size_t>(id) * kNumTags + p, -1);
      }
    }
  }

  // The averaged weights, with o_penalty taken from the O weight of the bias feature.
  void Average(std::vector<float>* w, float* trans, double o_penalty) const {
    w->resize(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) (*w)[i] = w_[i] - u_[i] / static_cast<float>(c_);
    auto bias = ids_.find(bias_key_);
    if (bias != ids_.end())
      (*w)[static_cast<size_t>(bias->second) * kNumTags] -= static_cast<float>(o_penalty);
    for (int i = 0; i < kNumTransitions; ++i)
      trans[i] = trans_[i] - utrans_[i] / static_cast<float>(c_);
  }

  void Decode(const Encoded& e, const float* w, const float* trans, uint8_t* out,
              bool cost = false) const {
    std::vector<float> em(e.tags.size() * kNumTags, 0);
    for (int i = 0; i < e.size(); ++i) {
      float* s = em.data() + i * kNumTags;
      if (cost) {
        const float extra = margin_ + (e.tags[i] != 0 ? recall_cost_ : 0.0f);
        for (int t = 0; t < kNumTags; ++t) s[t] = t == e.tags[i] ? 0.0f : extra;
      }
      for (int f = 0; f < kNumFeatures; ++f) {
        const int32_t id = e.features[i * kNumFeatures + f];
        if (id < 0) continue;
        for (int t = 0; t < kNumTags; ++t) s[t] += w[static_cast<size_t>(id) * kNumTags + t];
      }
    }
    std::vector<float> scratch;
    text::ner::Viterbi(em.data(), e.size(), trans, &scratch, out);
  }

  const std::vector<uint64_t>& keys() const { return keys_; }

 private:
  void Bump(float* w, float* u, size_t i, float d) {
    w[i] += d;
    u[i] += static_cast<float>(c_) * d;
  }

  const text::ner::Lexicon& lex_;
  uint64_t bias_key_ = text::ner::BiasFeature();
  std::unordered_map<uint64_t, int32_t> ids_;
  std::vector<uint64_t> keys_;
  std::vector<float> w_, u_;
  float trans_[kNumTransitions] = {};
  float utrans_[kNumTransitions] = {};
  long c_ = 0;
  float margin_ = 0, recall_cost_ = 0;
};

// Spans (type, first, last) of a tag sequence; MISC is ignored.
std::vector<std::array<int, 3>> Spans(const std::vector<uint8_t>& tags) {
  std::vector<std::array<int, 3>> out;
  for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
    if (tags[i] == 0 || tags[i] % 2 == 0 || tags[i] >= 7) continue;
    int j = i;
    while (j + 1 < static_cast<int>(tags.size()) && tags[j + 1] == tags[i] + 1) ++j;
    out.push_back({tags[i] / 2, i, j});
  }
  return out;
}

void Score(const Trainer& tr, const std::vector<Encoded>& dev, const std::vector<float>& w,
           const float* trans, int epoch) {
  long tp[3] = {}, fp[3] = {}, fn[3] = {};
  for (const Encoded& e : dev) {
    std::vector<uint8_t> pred(e.tags.size());
    tr.Decode(e, w.data(), trans, pred.data());
    auto g = Spans(e.tags), p = Spans(pred);
    for (const auto& s : p) (std::find(g.begin(), g.end(), s) != g.end() ? tp : fp)[s[0]]++;
    for (const auto& s : g) {
      if (std::find(p.begin(), p.end(), s) == p.end()) fn[s[0]]++;
    }
  }
  auto f1 = [](long a, long b, long c) { return a ? 2.0 * a / (2.0 * a + b + c) : 0.0; };
  long ta = tp[0] + tp[1] + tp[2], fa = fp[0] + fp[1] + fp[2], na = fn[0] + fn[1] + fn[2];
  std::fprintf(
      stderr, "epoch %2d dev F1 person %.3f org %.3f place %.3f micro %.3f (P %.3f R %.3f)\n",
      epoch, f1(tp[0], fp[0], fn[0]), f1(tp[1], fp[1], fn[1]), f1(tp[2], fp[2], fn[2]),
      f1(ta, fa, na), ta ? double(ta) / (ta + fa) : 0.0, ta ? double(ta) / (ta + na) : 0.0);
}

int Run(const Options& opt) {
  text::ner::LexiconFiles files = text::ner::EmbeddedLexicon();
  if (opt.no_gazetteer) files.gazetteer = {};
  Result<text::ner::Lexicon> lex = text::ner::Lexicon::Parse(files);
  if (!lex.ok()) {
    std::fprintf(stderr, "%s\n", lex.status().ToString().c_str());
    return 1;
  }
  std::vector<Sentence> train, dev;
  for (size_t k = 0; k < opt.train.size(); ++k) {
    Result<std::vector<Sentence>> s = ReadConll(opt.train[k]);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
      return 1;
    }
    const size_t held =
        k == 0 ? static_cast<size_t>(std::llround(s->size() * opt.dev_fraction)) : 0;
    const size_t from = opt.dev_fold < 0 ? s->size() - held : opt.dev_fold * held;
    for (size_t i = 0; i < s->size(); ++i) {
      (i >= from && i < from + held ? dev : train).push_back(std::move((*s)[i]));
    }
  }
  if (!opt.dev_out.empty() && !dev.empty()) {
    Status st = WriteConll(opt.dev_out, dev);
    if (!st.ok()) std::fprintf(stderr, "%s\n", st.ToString().c_str());
  }
  Trainer tr(*lex);
  tr.SetCosts(opt.margin, opt.recall_cost);
  std::vector<Encoded> etrain, edev;
  for (const Sentence& s : train) etrain.push_back(tr.Encode(s, true));
  for (const Sentence& s : dev) edev.push_back(tr.Encode(s, false));
  std::fprintf(stderr, "train %zu sentences, dev %zu, %zu features\n", etrain.size(), edev.size(),
               tr.keys().size());
  // --models N trains N perceptrons on different shuffles and averages their weights.
  std::vector<float> w(tr.keys().size() * kNumTags, 0), wm;
  float trans[kNumTransitions] = {}, tm[kNumTransitions];
  for (int m = 0; m < opt.models; ++m) {
    std::mt19937 rng(opt.seed + static_cast<unsigned>(m));
    std::vector<size_t> order(etrain.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    tr.Allocate();
    for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      for (size_t i : order) tr.Learn(etrain[i], opt.word_dropout, &rng);
      if (!edev.empty() && (opt.models == 1 || epoch == opt.epochs)) {
        tr.Average(&wm, tm, opt.o_penalty);
        Score(tr, edev, wm, tm, epoch);
      }
    }
    tr.Average(&wm, tm, opt.o_penalty);
    for (size_t i = 0; i < w.size(); ++i) w[i] += wm[i] / static_cast<float>(opt.models);
    for (int i = 0; i < kNumTransitions; ++i) trans[i] += tm[i] / static_cast<float>(opt.models);
  }
  // Rows whose largest weight is under --min-weight are left out of the model; score what ships.
  std::vector<char> keep(tr.keys().size(), 0);
  for (size_t r = 0; r < tr.keys().size(); ++r) {
    float m = 0;
    for (int t = 0; t < kNumTags; ++t) m = std::max(m, std::fabs(w[r * kNumTags + t]));
    keep[r] = m >= opt.min_weight;
    if (!keep[r]) std::fill(w.begin() + r * kNumTags, w.begin() + (r + 1) * kNumTags, 0.0f);
  }
  if (!edev.empty()) Score(tr, edev, w, trans, 0);
  if (!opt.pred_out.empty()) {
    static constexpr const char* kNames[] = {"O",     "B-PERS", "I-PERS", "B-ORG", "I-ORG",
                                             "B-LOC", "I-LOC",  "B-MISC", "I-MISC"};
    std::ofstream pred(opt.pred_out);
    for (size_t k = 0; k < edev.size(); ++k) {
      std::vector<uint8_t> p(edev[k].tags.size());
      tr.Decode(edev[k], w.data(), trans, p.data());
      for (size_t i = 0; i < p.size(); ++i) {
        pred << dev[k].words[i] << ' ' << kNames[edev[k].tags[i]] << ' ' << kNames[p[i]] << '\n';
      }
      pred << '\n';
    }
  }
  std::vector<uint64_t> keys;
  std::vector<float> rows;
  for (size_t r = 0; r < tr.keys().size(); ++r) {
    if (!keep[r]) continue;
    keys.push_back(tr.keys()[r]);
    rows.insert(rows.end(), w.begin() + r * kNumTags, w.begin() + (r + 1) * kNumTags);
  }
  const std::string bytes = text::ner::Model::Serialize(keys, rows, trans);
  std::ofstream out(opt.out, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", opt.out.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: %zu feature rows, %zu bytes\n", opt.out.c_str(), keys.size(),
               bytes.size());
  return 0;
}

}  // namespace
}  // namespace khabar::tools

int main(int argc, char** argv) {
  khabar::tools::Options opt;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--train") {
      opt.train.push_back(value);
    } else if (flag == "--out") {
      opt.out = value;
    } else if (flag == "--dev-out") {
      opt.dev_out = value;
    } else if (flag == "--dev-fraction") {
      opt.dev_fraction = std::stod(value);
    } else if (flag == "--dev-fold") {
      opt.dev_fold = std::stoi(value);
    } else if (flag == "--no-gazetteer") {
      opt.no_gazetteer = value == "1";
    } else if (flag == "--o-penalty") {
      opt.o_penalty = std::stod(value);
    } else if (flag == "--models") {
      opt.models = std::stoi(value);
    } else if (flag == "--word-dropout") {
      opt.word_dropout = std::stod(value);
    } else if (flag == "--pred-out") {
      opt.pred_out = value;
    } else if (flag == "--margin") {
      opt.margin = std::stod(value);
    } else if (flag == "--recall-cost") {
      opt.recall_cost = std::stod(value);
    } else if (flag == "--epochs") {
      opt.epochs = std::stoi(value);
    } else if (flag == "--min-weight") {
      opt.min_weight = std::stod(value);
    } else if (flag == "--seed") {
      opt.seed = static_cast<unsigned>(std::stoul(value));
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (opt.train.empty() || opt.out.empty()) {
    std::fprintf(stderr, "usage: khabar-train-ner --train FILE.conll --out ner.model [...]\n");
    return 2;
  }
  return khabar::tools::Run(opt);
}
