//! How a title's form joins its words: which gaps are hyphens. A leaf with no dependency, so
//! the build script reads the embedded titles with the same function as the loader reads a
//! newsroom's.

/// The joints (bit `i`: a hyphen between word `i` and `i + 1`; gaps past the 32nd count as
/// spaces) of `form` if it writes exactly `words` (any case) joined by spaces or hyphens.
pub fn joints_of(words: &[String], form: &str) -> Option<u32> {
    let mut joints = 0;
    let mut rest = form.trim();
    for (index, word) in words.iter().enumerate() {
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        rest = &rest[word.len()..];
        if index + 1 < words.len() {
            let mut chars = rest.chars();
            match chars.next()? {
                '-' if index < 32 => joints |= 1 << index,
                '-' | ' ' => {}
                _ => return None,
            }
            rest = chars.as_str();
        }
    }
    rest.is_empty().then_some(joints)
}
