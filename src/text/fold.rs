//! How names compare across accents and transliterations: each letter lower-cased and
//! folded ("Erdoğan" and "Erdogan", "Zelenskyy" and "Zelenskiy" compare equal). Here, below
//! the fact base, so that the fact base can keep its names' folded first letters and word
//! counts (`facts::name_shapes`) for `fact-name` to compare with.

/// The characters of `name` folded for comparison: lower case, accents dropped, "y" and "j"
/// read as "i" (Zelenskyy, Zelenskiy; Jens, Iens), so transliterations compare equal.
pub fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().flat_map(char::to_lowercase).map(fold_letter)
}

/// The first of [`folded`], ASCII without the Unicode lower case.
pub fn first_folded(name: &str) -> Option<char> {
    let c = name.chars().next()?;
    if c.is_ascii() {
        Some(fold_letter(c.to_ascii_lowercase()))
    } else {
        folded(name).next()
    }
}

/// [`folded`] into `out` (replacing what it held), ASCII without the Unicode lower case.
pub fn fold_into(name: &str, out: &mut Vec<char>) {
    out.clear();
    for c in name.chars() {
        if c.is_ascii() {
            out.push(fold_letter(c.to_ascii_lowercase()));
        } else {
            out.extend(c.to_lowercase().map(fold_letter));
        }
    }
}

/// The number of words of a name (as `split_whitespace` counts them), ASCII read as bytes.
pub fn word_count(name: &str) -> usize {
    if !name.is_ascii() {
        return name.split_whitespace().count();
    }
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let mut words = 0;
    let mut in_word = false;
    for &b in name.as_bytes() {
        let letter = !space(b);
        words += usize::from(letter && !in_word);
        in_word = letter;
    }
    words
}

/// One lower-case letter folded (see [`folded`]).
pub fn fold_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ă' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ę' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' | 'y' | 'ý' | 'j' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'ş' | 'š' | 'ș' | 'ś' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ğ' => 'g',
        'ñ' | 'ń' | 'ň' => 'n',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ď' => 'd',
        '’' => '\'',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_folding_and_word_counts_agree_with_the_general_ones() {
        for name in [
            "Recep Tayyip Erdoğan",
            "  Olaf\tScholz ",
            "İlham Əliyev",
            "Jens Stoltenberg’s",
            "",
            "A\u{0B}B\u{a0}C",
            "Yves Leterme",
            "Ünal Çevik",
        ] {
            let mut form = Vec::new();
            fold_into(name, &mut form);
            assert_eq!(form, folded(name).collect::<Vec<_>>(), "{name}");
            assert_eq!(first_folded(name), form.first().copied(), "{name}");
            assert_eq!(word_count(name), name.split_whitespace().count(), "{name}");
        }
    }
}
