//! Search: folding text for matching, and the index that answers fuzzy queries over paragraphs.
