#include "query/query_parser.h"

#include <algorithm>

namespace khabar::query {
namespace {

struct Lexeme {
  enum class Kind { kWord, kPhrase, kOpen, kClose, kOr, kMinus, kEnd };
  Kind kind;
  std::string_view text;
};

class Parser {
 public:
  Parser(std::string_view q, const text::TermAnalyzer& terms) : q_(q), terms_(terms) {}

  Result<QueryNode> Parse() {
    auto node = ParseOr();
    if (!node.ok()) return node;
    if (Peek().kind == Lexeme::Kind::kClose) return Error("unbalanced ')'");
    if (Peek().kind != Lexeme::Kind::kEnd) return Error("unexpected text in the query");
    return node;
  }

 private:
  static Status Error(std::string message) {
    return InvalidArgument("q: " + std::move(message), "q", "invalid_query");
  }

  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  Lexeme Next() {
    Lexeme l = Peek();
    pos_ = after_;
    return l;
  }

  Lexeme Peek() {
    size_t i = pos_;
    while (i < q_.size() && IsSpace(q_[i])) ++i;
    if (i >= q_.size()) {
      after_ = i;
      return {Lexeme::Kind::kEnd, {}};
    }
    const char c = q_[i];
    if (c == '(' || c == ')') {
      after_ = i + 1;
      return {c == '(' ? Lexeme::Kind::kOpen : Lexeme::Kind::kClose, q_.substr(i, 1)};
    }
    if (c == '"') {
      const size_t close = q_.find('"', i + 1);
      if (close == std::string_view::npos) {
        after_ = q_.size();
        unbalanced_quote_ = true;
        return {Lexeme::Kind::kPhrase, q_.substr(i + 1)};
      }
      after_ = close + 1;
      return {Lexeme::Kind::kPhrase, q_.substr(i + 1, close - i - 1)};
    }
    if (c == '-' && i + 1 < q_.size() && !IsSpace(q_[i + 1])) {
      after_ = i + 1;
      return {Lexeme::Kind::kMinus, q_.substr(i, 1)};
    }
    size_t j = i;
    while (j < q_.size() && !IsSpace(q_[j]) && q_[j] != '(' && q_[j] != ')' && q_[j] != '"') ++j;
    after_ = j;
    const std::string_view word = q_.substr(i, j - i);
    if (word == "OR" || word == "|" || word == "||") return {Lexeme::Kind::kOr, word};
    return {Lexeme::Kind::kWord, word};
  }

  Result<QueryNode> ParseOr() {
    auto first = ParseAnd();
    if (!first.ok()) return first;
    if (Peek().kind != Lexeme::Kind::kOr) return first;
    QueryNode node;
    node.kind = QueryNode::Kind::kOr;
    node.children.push_back(std::move(*first));
    while (Peek().kind == Lexeme::Kind::kOr) {
      Next();
      auto next = ParseAnd();
      if (!next.ok()) return next;
      node.children.push_back(std::move(*next));
    }
    return node;
  }

  Result<QueryNode> ParseAnd() {
    QueryNode node;
    node.kind = QueryNode::Kind::kAnd;
    for (;;) {
      const Lexeme l = Peek();
      if (l.kind == Lexeme::Kind::kEnd || l.kind == Lexeme::Kind::kClose ||
          l.kind == Lexeme::Kind::kOr) {
        break;
      }
      bool negate = false;
      if (l.kind == Lexeme::Kind::kMinus) {
        Next();
        negate = true;
      }
      auto operand = ParseUnary();
      if (!operand.ok()) return operand;
      if (operand->kind == QueryNode::Kind::kAnd && operand->children.empty())
        continue;  // Stop words.
      if (negate) {
        QueryNode n;
        n.kind = QueryNode::Kind::kNot;
        n.children.push_back(std::move(*operand));
        node.children.push_back(std::move(n));
      } else {
        node.children.push_back(std::move(*operand));
      }
    }
    if (node.children.size() == 1 && node.children[0].kind != QueryNode::Kind::kNot) {
      QueryNode only = std::move(node.children[0]);
      return only;
    }
    return node;
  }

  Result<QueryNode> ParseUnary() {
    const Lexeme l = Next();
    switch (l.kind) {
      case Lexeme::Kind::kOpen: {
        auto inner = ParseOr();
        if (!inner.ok()) return inner;
        if (Next().kind != Lexeme::Kind::kClose) return Error("unbalanced '('");
        return inner;
      }
      case Lexeme::Kind::kPhrase: {
        if (unbalanced_quote_) return Error("unbalanced '\"'");
        std::vector<text::Term> terms;
        terms_.Terms(l.text, &terms);
        QueryNode n;
        if (terms.empty()) return n;  // Matches everything, dropped by the caller.
        n.kind = terms.size() == 1 ? QueryNode::Kind::kTerm : QueryNode::Kind::kPhrase;
        for (auto& t : terms) n.terms.push_back(std::move(t.text));
        return n;
      }
      case Lexeme::Kind::kWord: {
        std::vector<text::Term> terms;
        terms_.Terms(l.text, &terms);
        // Stop words are dropped outside phrases: they would only slow a query down.
        std::erase_if(terms, [&](const text::Term& t) { return terms_.IsStopWord(t.text); });
        QueryNode n;
        if (terms.empty()) return n;
        // A word that splits into several terms ("3.5%", "e-mail") must match as a phrase.
        n.kind = terms.size() == 1 ? QueryNode::Kind::kTerm : QueryNode::Kind::kPhrase;
        for (auto& t : terms) n.terms.push_back(std::move(t.text));
        return n;
      }
      case Lexeme::Kind::kClose:
        return Error("unbalanced ')'");
      default:
        return Error("an operator needs an operand");
    }
  }

  std::string_view q_;
  const text::TermAnalyzer& terms_;
  size_t pos_ = 0;
  size_t after_ = 0;
  bool unbalanced_quote_ = false;
};

bool OnlyExclusions(const QueryNode& n) {
  if (n.kind == QueryNode::Kind::kNot) return true;
  if (n.kind != QueryNode::Kind::kAnd || n.children.empty()) return false;
  return std::all_of(n.children.begin(), n.children.end(),
                     [](const QueryNode& c) { return c.kind == QueryNode::Kind::kNot; });
}

void CollectPositive(const QueryNode& n, std::vector<std::string>* out) {
  if (n.kind == QueryNode::Kind::kNot) return;
  for (const auto& t : n.terms) out->push_back(t);
  for (const auto& c : n.children) CollectPositive(c, out);
}

}  // namespace

Result<QueryNode> ParseQuery(std::string_view q, const text::TermAnalyzer& terms) {
  if (q.size() > 4096) return InvalidArgument("q: longer than 4096 bytes", "q", "invalid_query");
  Parser p(q, terms);
  auto node = p.Parse();
  if (!node.ok()) return node;
  if (OnlyExclusions(*node)) {
    return InvalidArgument("q: a query needs at least one word that is not excluded", "q",
                           "invalid_query");
  }
  return node;
}

std::vector<std::string> PositiveTerms(const QueryNode& node) {
  std::vector<std::string> out;
  CollectPositive(node, &out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace khabar::query
