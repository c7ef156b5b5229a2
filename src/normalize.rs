//! Text normalisation for matching: rules see lower-case text with ASCII quotes, dashes and
//! spaces, single spaces, and no invisible characters. Evidence always quotes the original.

/// Appends the normalised form of `src` to `out`.
///
/// - ASCII letters are lower-cased; Unicode letters that look like ASCII letters (Cyrillic
///   `а`, Greek `ο`, full-width `ｓ`, ...) become those letters, so a homoglyph cannot hide a
///   keyword;
/// - curly quotes become `'`/`"`, dashes `-`, every kind of space one ` `;
/// - zero-width and bidirectional control characters and soft hyphens are dropped, and text
///   under a right-to-left override is read in the order it is shown;
/// - runs of whitespace become one space.
pub(crate) fn normalize_into(src: &str, out: &mut String) {
    let mut last_space = out.ends_with(' ') || out.is_empty();
    let mut push = |c: char, out: &mut String| match map_char(c) {
        Mapped::Drop => {}
        Mapped::Char(' ') => {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        }
        Mapped::Char(m) => {
            out.push(m);
            last_space = false;
        }
    };
    // Text after a right-to-left override (U+202E) is shown reversed up to the next pop
    // (U+202C): "\u{202e}lles\u{202c}" reads "sell" on screen, and so it does here.
    let mut reversed: Option<Vec<char>> = None;
    for c in src.chars() {
        match (c, &mut reversed) {
            ('\u{202e}', None) => reversed = Some(Vec::new()),
            ('\u{202e}', Some(_)) => {}
            ('\u{202c}', r @ Some(_)) => {
                for &m in r.take().iter().flatten().rev() {
                    push(m, out);
                }
            }
            (_, Some(buf)) => buf.push(c),
            (_, None) => push(c, out),
        }
    }
    for &m in reversed.iter().flatten().rev() {
        push(m, out);
    }
}

/// Is `c` a character that takes no room on the page (a zero-width or bidirectional control
/// character, a soft hyphen, a BOM, an ASCII control other than whitespace)? Matching drops
/// these, and the sentence splitter looks through them, so that they cannot hide a keyword
/// or glue two sentences together.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(map_char(c), Mapped::Drop)
}

enum Mapped {
    Drop,
    Char(char),
}

fn map_char(c: char) -> Mapped {
    use Mapped::{Char, Drop};
    if c.is_ascii() {
        return match c {
            'A'..='Z' => Char(c.to_ascii_lowercase()),
            '\t' | '\n' | '\r' | '\x0b' | '\x0c' => Char(' '),
            '\0'..='\x1f' | '\x7f' => Drop,
            _ => Char(c),
        };
    }
    match c {
        '\u{00ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' => Drop,
        // C1 control characters (U+0085, next line, is a line break: see below).
        '\u{80}'..='\u{84}' | '\u{86}'..='\u{9f}' => Drop,
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' => Drop,
        '\u{00a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' => Char(' '),
        '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{85}' => Char(' '),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => Char('\''),
        '\u{00b4}' => Char('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
        | '\u{00bb}' => Char('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => Char('-'),
        '\u{2026}' => Char('.'),
        // Full-width ASCII.
        '\u{ff01}'..='\u{ff5e}' => {
            let ascii = char::from_u32(c as u32 - 0xff01 + 0x21).unwrap_or(c);
            Char(ascii.to_ascii_lowercase())
        }
        _ => match homoglyph(c) {
            Some(a) => Char(a),
            None => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => Char(l),
                    _ => Char(c),
                }
            }
        },
    }
}

/// Letters of other scripts (and accented Latin letters) that read as an ASCII letter.
pub(crate) fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => {
            'a'
        }
        'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' | 'ç' | 'Ç' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ε' | 'Ε' | 'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ɡ' => 'g',
        'һ' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ì' | 'í' | 'î' | 'ï' | 'Í' | 'Î' | 'Ï' => 'i',
        'ј' | 'Ј' => 'j',
        'К' | 'κ' | 'Κ' => 'k',
        'М' | 'Μ' => 'm',
        'ո' | 'Ν' | 'ñ' | 'Ñ' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ô' | 'Ö' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'ù' | 'ú' | 'û' | 'ü' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ν' => 'v',
        'ԝ' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'ý' | 'ÿ' => 'y',
        'Ζ' => 'z',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::normalize_into;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize_into(s, &mut out);
        out
    }

    #[test]
    fn lowercases_and_collapses_space() {
        assert_eq!(norm("We  DO\tNot\u{a0}Sell"), "we do not sell");
    }

    #[test]
    fn folds_quotes_dashes_and_invisible_characters() {
        assert_eq!(
            norm("don\u{2019}t se\u{200b}ll \u{2014} \u{201c}x\u{201d}"),
            "don't sell - \"x\""
        );
        assert_eq!(norm("so\u{00ad}ld\u{202e}"), "sold");
    }

    #[test]
    fn control_characters_are_dropped() {
        // Bug guarded: C1 controls (U+0080..U+009F, invisible on a page) stayed in the
        // normalised text and split words: "s\u{9b}ell" did not read as "sell".
        assert_eq!(norm("s\0e\u{1b}l\u{9b}l\u{7f}"), "sell");
        assert_eq!(norm("a\u{85}b"), "a b");
    }

    #[test]
    fn right_to_left_override_reads_as_shown() {
        // Bug guarded: "\u{202e}lles\u{202c}" shows as "sell" but was read as "lles".
        assert_eq!(norm("we \u{202e}lles\u{202c} data"), "we sell data");
        assert_eq!(norm("we \u{202e}atad ruoy lles"), "we sell your data");
        assert_eq!(norm("a\u{202c}b"), "ab");
    }

    #[test]
    fn homoglyphs_read_as_ascii() {
        assert_eq!(norm("s\u{0435}ll d\u{0430}t\u{0430}"), "sell data");
        assert_eq!(norm("\u{ff33}\u{ff25}\u{ff2c}\u{ff2c}"), "sell");
    }
}
