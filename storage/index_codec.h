#pragma once
// Value encodings of the index column families (docs/storage.md).

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "storage/index_types.h"

namespace khabar::storage {

// A postings block (the value of term \0 block-id): varint count, then per document in ascending
// docno order: varint docno delta, varint title count, title positions (delta varints), varint
// body count, body positions. Entries must be sorted by docno.
std::string EncodePostingBlock(const std::vector<Posting>& entries);
// The same from positions held elsewhere (the writer's view of the documents it adds).
struct PostingRef {
  uint32_t docno;
  const uint32_t* positions;  // title_count title positions, then body_count body positions.
  uint32_t title_count;
  uint32_t body_count;
};
std::string EncodePostingBlock(const std::vector<PostingRef>& entries);
// Appends the block's postings to out; positions only when asked for.
bool DecodePostingBlock(std::string_view in, bool positions, std::vector<Posting>* out);

std::string EncodeDocMeta(const DocMeta& d, std::string_view source);
bool DecodeDocMeta(std::string_view in, DocMeta* d, std::string* source);

std::string EncodeEntityInfo(const EntityInfo& e);
bool DecodeEntityInfo(std::string_view in, EntityInfo* e);

std::string EncodeFigure(const Figure& f);
bool DecodeFigure(std::string_view in, Figure* f);

std::string EncodeQuote(const Quote& q);
bool DecodeQuote(std::string_view in, Quote* q);

std::string EncodeStrings(const std::vector<std::string>& v);
bool DecodeStrings(std::string_view in, std::vector<std::string>* v);

}  // namespace khabar::storage

namespace khabar::storage {

// forward CF value: what removing a document from the index needs to know.
struct ForwardRecord {
  struct Entity {
    uint32_t id = 0;
    uint32_t mentions = 0;
    std::vector<std::pair<std::string, uint32_t>> surfaces;
  };
  uint32_t block = 0;  // The postings block id that holds this document's entries.
  std::vector<std::string> terms;
  std::vector<double> figure_values;
  std::vector<std::vector<std::string>> speaker_words;
  std::vector<Entity> entities;
};

std::string EncodeForward(const ForwardRecord& f);
bool DecodeForward(std::string_view in, ForwardRecord* f);

}  // namespace khabar::storage
