//! Which block quote each block sits in: asked for every quotation in marks and its
//! neighbours. A long file has hundreds of thousands of blocks, so each block's entry is one
//! `u32` (a `usize` option took four times the room: 6.4 MB on the 20 MB benchmark file).

use std::num::NonZeroU32;

use super::Quotation;
use crate::document::Document;

/// For each block, the index (into the block quotes it was built from) of the block quote it
/// sits in; a later block quote wins where two cover the same block.
pub(super) struct EnclosingBlockQuotes {
    /// The block quote's index plus one, so that `None` costs no room.
    by_block: Vec<Option<NonZeroU32>>,
}

impl EnclosingBlockQuotes {
    pub(super) fn new(doc: &Document, block_quotes: &[Quotation]) -> Self {
        let mut by_block = vec![None; doc.blocks.len()];
        for (index, quotation) in block_quotes.iter().enumerate() {
            // A file has fewer than 4 GiB of bytes, so fewer block quotes than that.
            let entry = u32::try_from(index + 1).ok().and_then(NonZeroU32::new);
            for slot in &mut by_block[quotation.block..=quotation.last_block] {
                *slot = entry;
            }
        }
        Self { by_block }
    }

    /// The index of the block quote `block` sits in.
    pub(super) fn of(&self, block: usize) -> Option<usize> {
        self.by_block[block].map(|entry| entry.get() as usize - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The former map: a `usize` option a block.
    fn enclosing_as_before(doc: &Document, block_quotes: &[Quotation]) -> Vec<Option<usize>> {
        let mut enclosing = vec![None; doc.blocks.len()];
        for (index, quotation) in block_quotes.iter().enumerate() {
            for slot in &mut enclosing[quotation.block..=quotation.last_block] {
                *slot = Some(index);
            }
        }
        enclosing
    }

    #[test]
    fn reads_as_the_former_map() {
        let source = "Intro.\n\n> \"First,\" she said.\n>\n> More.\n\nBetween.\n\n> Again.\n\n\
                      After \"this\" one.\n";
        let doc = Document::parse(source);
        let settings = crate::settings::Settings::embedded();
        let block_quotes = super::super::block_quote::block_quotes(
            &doc,
            &settings.style.credits,
            &settings.style.words,
        );
        assert!(block_quotes.len() >= 2, "the fixture has block quotes");
        let compact = EnclosingBlockQuotes::new(&doc, &block_quotes);
        let before = enclosing_as_before(&doc, &block_quotes);
        let now: Vec<Option<usize>> = (0..doc.blocks.len()).map(|b| compact.of(b)).collect();
        assert_eq!(now, before);
        assert!(now.iter().any(Option::is_some) && now.iter().any(Option::is_none));
    }

    #[test]
    fn an_entry_takes_four_bytes() {
        assert_eq!(std::mem::size_of::<Option<NonZeroU32>>(), 4);
    }
}
