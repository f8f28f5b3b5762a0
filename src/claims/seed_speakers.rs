//! The seed article's quotations carry their speakers, each named by the words its span
//! covers. The quotation findings on the same article are tested end to end in
//! `tests/quotes.rs`.

use super::quote::Attribution;
use super::Claims;
use crate::document::Document;
use crate::settings::Settings;

/// The seed article (shared/seed/nato-bucharest.md), copied into the fixtures.
const SEED: &str = include_str!("../../tests/fixtures/quote-attribution/silent/nato-bucharest.md");

#[test]
fn the_seed_quotations_carry_their_speakers() {
    let source = SEED;
    let doc = Document::parse(source);
    let claims = Claims::extract(&doc, &Settings::embedded());
    let speakers: Vec<(Option<Attribution>, String)> = claims
        .quotes
        .iter()
        .filter(|q| q.is_speech)
        .map(|q| {
            let speaker = q
                .speaker
                .as_ref()
                .expect("every seed quotation has a speaker");
            assert_eq!(speaker.span.text(source), speaker.name);
            (q.attribution, speaker.name.clone())
        })
        .collect();
    assert_eq!(
        speakers,
        vec![
            (
                Some(Attribution::SpeechVerb),
                "NATO Secretary-General Jens Stoltenberg".to_string()
            ),
            (Some(Attribution::SpeechVerb), "Stoltenberg".to_string()),
            (
                Some(Attribution::SpeechVerb),
                "Secretary General Jens Stoltenberg".to_string()
            ),
        ]
    );
}
