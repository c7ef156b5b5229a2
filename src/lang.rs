//! Language detection: which language a policy is written in.
//!
//! One linear scan over at most the first 200 KB of the text, with two signals:
//!
//! 1. **Script.** Letters are counted per writing system: Hangul → `ko`, Han with kana → `ja`,
//!    Han without kana (under 10% kana) → `zh`, Cyrillic → `ru`, Arabic → `ar`, Hebrew → `he`,
//!    Greek → `el`, Thai → `th`. Han, kana and Hangul characters weigh two letters each (one
//!    of them carries about as much text as two Latin letters).
//! 2. **Function words** for Latin-script text. Every word is looked up in short lists of
//!    frequent function words of English (`en`), German (`de`), French (`fr`), Spanish (`es`),
//!    Dutch (`nl`), Italian (`it`), Portuguese (`pt`), Danish (`da`), Swedish (`sv`),
//!    Norwegian (`no`), Czech (`cs`) and Polish (`pl`). A word found in a list is a *hit*; a
//!    word may be in several lists (`de` is French, Spanish, Dutch, Portuguese and Danish) and
//!    then supports each of them. The text is cut into chunks (at the first line end after 20
//!    words, or after 100 words), and each chunk's Latin letters go to the language its hits
//!    support most; a chunk with fewer than 2 hits, or hits for under 8% of its words, is of
//!    unknown language. A tie inside a chunk (a Danish chunk with no word that is not also
//!    Norwegian) goes to whichever of the tied languages the whole text supports most.
//!
//! The language with the most letters wins, so the majority of the text decides: an English
//! policy with an address in German and a paragraph in Spanish for California users is `en`,
//! a German policy framed by English navigation is `de`.
//!
//! `confidence` (0..1) is the winner's share of the letters whose language is known (Latin
//! letters of chunks given to a language, plus the weighted letters of the other scripts;
//! chunks of unknown language, such as leftover markup, do not count). For a Latin-script winner
//! it is multiplied by `a / (a + b)`, where, in the chunks given to the winner, `a` counts hits
//! that support the winner but not its closest rival (the language with the next most hits
//! over the whole text) and `b` hits that support the rival but not the winner: close pairs
//! such as Danish/Norwegian or Spanish/Portuguese told apart by only a few words get a lower
//! confidence.
//!
//! `reliable`: for a Latin-script winner, confidence ≥ 0.6, at least 10 hits for the winner (or
//! at least 4 and confidence ≥ 0.85 for a short text) and `a ≥ 2b + 2`; for a script, confidence
//! ≥ 0.6 over at least 20 letters, or ≥ 0.9 over at least 5. No letters, fewer than 3 hits in
//! Latin-script text, or more than three times as many letters of unknown language as of the
//! winner give `"und"` with confidence 0.

use std::collections::HashMap;

use crate::pattern::FxBuild;
use std::sync::OnceLock;

/// At most this many bytes from the start of the text are read.
const SCAN_LIMIT: usize = 200_000;

/// The detected language of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LanguageGuess {
    /// ISO 639-1 code (`"en"`, `"de"`, ...), or `"und"` when undetermined.
    pub code: &'static str,
    /// How sure the guess is, in 0..1 (see the module docs for how it is computed).
    pub confidence: f32,
    /// Enough evidence that the guess can be trusted.
    pub reliable: bool,
}

impl LanguageGuess {
    const UNDETERMINED: LanguageGuess = LanguageGuess {
        code: "und",
        confidence: 0.0,
        reliable: false,
    };
}

/// Function-word lists, one per Latin-script language. Order matters only for ties.
const STOPWORDS: [(&str, &[&str]); 12] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "that", "for", "with", "you", "your", "we", "our", "are",
            "this", "be", "by", "or", "not", "from", "may", "will", "have", "which", "us", "can",
            "it", "if", "these", "such", "any", "other", "when", "who", "has", "been", "their",
            "they", "would", "about", "how", "what", "as", "at", "should", "also", "its", "were",
            "was", "there", "only", "into",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für",
            "ist", "im", "dem", "nicht", "ein", "eine", "einen", "einem", "einer", "als", "auch",
            "werden", "wird", "aus", "hat", "haben", "dass", "daß", "sie", "nach", "bei", "sind",
            "oder", "können", "kann", "diese", "dieser", "wir", "uns", "unsere", "ihre", "ihrer",
            "ihnen", "über", "zur", "zum", "daten", "wenn", "durch", "sowie", "es", "wie", "nur",
        ],
    ),
    (
        "fr",
        &[
            "le",
            "la",
            "les",
            "de",
            "des",
            "du",
            "et",
            "est",
            "que",
            "qui",
            "dans",
            "pour",
            "pas",
            "sur",
            "au",
            "aux",
            "par",
            "avec",
            "ce",
            "ces",
            "cette",
            "il",
            "ne",
            "se",
            "sont",
            "vous",
            "nous",
            "votre",
            "vos",
            "nos",
            "notre",
            "données",
            "ou",
            "être",
            "leur",
            "leurs",
            "peut",
            "une",
            "un",
            "à",
            "personnelles",
            "lorsque",
            "afin",
            "ainsi",
            "été",
            "comme",
            "elle",
            "tout",
            "si",
        ],
    ),
    (
        "es",
        &[
            "el",
            "los",
            "las",
            "de",
            "del",
            "y",
            "que",
            "la",
            "por",
            "para",
            "con",
            "una",
            "su",
            "sus",
            "al",
            "es",
            "lo",
            "como",
            "más",
            "este",
            "esta",
            "estos",
            "estas",
            "cuando",
            "también",
            "usted",
            "nuestro",
            "nuestra",
            "nuestros",
            "datos",
            "puede",
            "información",
            "sobre",
            "entre",
            "pero",
            "sin",
            "se",
            "le",
            "un",
            "hay",
            "otros",
            "sea",
            "si",
        ],
    ),
    (
        "nl",
        &[
            "de",
            "het",
            "een",
            "van",
            "dat",
            "zijn",
            "voor",
            "met",
            "die",
            "niet",
            "aan",
            "ook",
            "als",
            "bij",
            "door",
            "worden",
            "wordt",
            "uw",
            "je",
            "jouw",
            "wij",
            "ons",
            "onze",
            "deze",
            "naar",
            "kunnen",
            "gegevens",
            "persoonsgegevens",
            "hebben",
            "wanneer",
            "zoals",
            "dan",
            "hoe",
            "welke",
            "op",
            "heeft",
            "kan",
            "wat",
            "zal",
            "tot",
            "dit",
            "uit",
        ],
    ),
    (
        "it",
        &[
            "il",
            "di",
            "che",
            "la",
            "per",
            "un",
            "del",
            "è",
            "si",
            "una",
            "le",
            "della",
            "con",
            "da",
            "sono",
            "lo",
            "dei",
            "gli",
            "alla",
            "come",
            "nel",
            "più",
            "questo",
            "questa",
            "questi",
            "anche",
            "delle",
            "dati",
            "ai",
            "ha",
            "nella",
            "essere",
            "vostro",
            "suoi",
            "tuoi",
            "tuo",
            "sua",
            "può",
            "informazioni",
            "degli",
            "dal",
            "dalla",
            "alle",
            "sul",
            "nostro",
            "nostri",
            "quando",
            "al",
            "possono",
        ],
    ),
    (
        "pt",
        &[
            "de",
            "os",
            "da",
            "dos",
            "das",
            "não",
            "que",
            "para",
            "com",
            "uma",
            "por",
            "se",
            "ao",
            "aos",
            "ou",
            "mais",
            "seu",
            "sua",
            "seus",
            "suas",
            "você",
            "nós",
            "nosso",
            "nossa",
            "nossos",
            "dados",
            "pelo",
            "pela",
            "são",
            "está",
            "também",
            "pode",
            "informações",
            "como",
            "quando",
            "em",
            "na",
            "nas",
            "nos",
            "um",
            "este",
            "esta",
            "isso",
            "sobre",
            "às",
            "é",
            "foi",
        ],
    ),
    (
        "da",
        &[
            "og",
            "af",
            "at",
            "ikke",
            "hvad",
            "nogle",
            "efter",
            "mig",
            "dig",
            "sig",
            "vores",
            "bliver",
            "oplysninger",
            "personoplysninger",
            "hvor",
            "være",
            "når",
            "også",
            "jeres",
            "dine",
            "din",
            "til",
            "med",
            "som",
            "det",
            "er",
            "på",
            "den",
            "de",
            "vi",
            "har",
            "fra",
            "ved",
            "om",
            "skal",
            "vil",
            "eller",
            "kan",
            "kun",
            "andre",
            "disse",
            "denne",
            "deres",
            "hvis",
            "blive",
            "anden",
            "sådan",
        ],
    ),
    (
        "sv",
        &[
            "och",
            "att",
            "är",
            "för",
            "på",
            "med",
            "till",
            "den",
            "det",
            "som",
            "har",
            "inte",
            "om",
            "ett",
            "de",
            "vi",
            "du",
            "kan",
            "eller",
            "vår",
            "våra",
            "vårt",
            "dig",
            "oss",
            "från",
            "när",
            "också",
            "uppgifter",
            "personuppgifter",
            "dina",
            "din",
            "ditt",
            "av",
            "vid",
            "sådana",
            "hur",
            "vilka",
            "ska",
            "kommer",
            "andra",
            "detta",
            "dessa",
            "deras",
            "används",
            "samt",
        ],
    ),
    (
        "no",
        &[
            "og",
            "av",
            "ikke",
            "hva",
            "noen",
            "etter",
            "meg",
            "deg",
            "seg",
            "våre",
            "vår",
            "vårt",
            "blir",
            "opplysninger",
            "personopplysninger",
            "hvor",
            "være",
            "når",
            "også",
            "dine",
            "din",
            "ditt",
            "til",
            "med",
            "som",
            "det",
            "er",
            "på",
            "den",
            "de",
            "vi",
            "har",
            "fra",
            "ved",
            "om",
            "skal",
            "vil",
            "eller",
            "kan",
            "kun",
            "andre",
            "disse",
            "denne",
            "deres",
            "hvis",
            "bli",
            "slik",
        ],
    ),
    (
        "cs",
        &[
            "jsou",
            "jsme",
            "nebo",
            "také",
            "při",
            "podle",
            "údaje",
            "údajů",
            "osobní",
            "osobních",
            "vaše",
            "vašich",
            "vás",
            "vám",
            "může",
            "není",
            "který",
            "které",
            "která",
            "kterou",
            "jako",
            "pro",
            "že",
            "se",
            "na",
            "je",
            "ve",
            "ze",
            "od",
            "tak",
            "jeho",
            "být",
            "bude",
            "budou",
            "tyto",
            "této",
            "tento",
            "těchto",
            "pouze",
            "až",
            "či",
            "jejich",
            "své",
            "svých",
            "z",
            "v",
        ],
    ),
    (
        "pl",
        &[
            "się",
            "nie",
            "że",
            "jest",
            "na",
            "od",
            "po",
            "jak",
            "dla",
            "przez",
            "lub",
            "oraz",
            "są",
            "tym",
            "jego",
            "jej",
            "ich",
            "może",
            "które",
            "który",
            "która",
            "dane",
            "danych",
            "osobowe",
            "osobowych",
            "państwa",
            "twoje",
            "twoich",
            "ze",
            "być",
            "przy",
            "tak",
            "czy",
            "także",
            "również",
            "w",
            "z",
            "tych",
            "tego",
            "jeśli",
            "mogą",
            "będzie",
            "wraz",
        ],
    ),
];

const NLANG: usize = STOPWORDS.len();

/// Longest word (in bytes) that is looked up.
const MAX_WORD: usize = 24;

/// Word → bit set of the languages (indexes into `STOPWORDS`) whose list has it.
fn stopword_table() -> &'static HashMap<&'static str, u16, FxBuild> {
    static TABLE: OnceLock<HashMap<&'static str, u16, FxBuild>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::default();
        for (index, (_, words)) in STOPWORDS.iter().enumerate() {
            for word in words.iter() {
                *table.entry(*word).or_insert(0u16) |= 1 << index;
            }
        }
        table
    })
}

/// Writing systems told apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Hangul,
    Kana,
    Han,
    Cyrillic,
    Arabic,
    Hebrew,
    Greek,
    Thai,
}

fn script_of(c: char) -> Option<Script> {
    let script = match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => return Some(Script::Latin),
        0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0xE00..=0xE7F => Script::Thai,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        // Kana, including the prolonged sound mark and the middle dot.
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => return Some(Script::Kana),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => Script::Han,
        _ => return None,
    };
    // Leave out the punctuation, digits and symbols of these blocks.
    c.is_alphabetic().then_some(script)
}

/// A chunk ends at the first line end after this many words ...
const CHUNK_MIN_WORDS: usize = 20;
/// ... or after this many words.
const CHUNK_MAX_WORDS: usize = 100;

/// More than this many times the winner's letters in chunks of unknown language give "und".
const UNKNOWN_RATIO: usize = 3;

/// Function-word hits of a stretch of text.
#[derive(Default)]
struct Hits {
    /// Hits supporting each language.
    support: [usize; NLANG],
    /// `exclusive[w][r]`: hits supporting `w` but not `r`.
    exclusive: [[usize; NLANG]; NLANG],
    /// Words that are hits.
    hits: usize,
    /// All words.
    words: usize,
    /// Latin letters.
    letters: usize,
}

impl Hits {
    fn add(&mut self, other: &Hits) {
        for w in 0..NLANG {
            self.support[w] += other.support[w];
            for r in 0..NLANG {
                self.exclusive[w][r] += other.exclusive[w][r];
            }
        }
        self.hits += other.hits;
        self.words += other.words;
        self.letters += other.letters;
    }
}

/// The state of one scan.
struct Scan {
    table: &'static HashMap<&'static str, u16, FxBuild>,
    /// Hits of the whole text.
    all: Hits,
    /// Hits of the current chunk.
    chunk: Hits,
    /// Latin letters per language, from the chunks given to it.
    letters: [usize; NLANG],
    /// In the chunks given to `w`: `own[w][r]` hits supporting `w` but not `r`, and
    /// `against[w][r]` hits supporting `r` but not `w`.
    own: [[usize; NLANG]; NLANG],
    against: [[usize; NLANG]; NLANG],
    /// Chunks tied between several languages, by bit set of the tied languages.
    tied: HashMap<u16, Hits>,
    /// Latin letters of chunks in no known language.
    unknown: usize,
    /// Letters of each script (indexed by `Script as usize`).
    scripts: [usize; 9],
    /// The current word, lower-cased; `word_too_long` once it passed `MAX_WORD`.
    word: String,
    word_too_long: bool,
    /// Latin letters in the current word.
    word_latin: usize,
    /// Cyrillic and Greek letters in the current word that look like Latin letters (and are
    /// in `word` as those letters): they are Latin when the word has Latin letters too.
    word_lookalikes: [usize; 2],
}

impl Scan {
    fn new() -> Self {
        Scan {
            table: stopword_table(),
            all: Hits::default(),
            chunk: Hits::default(),
            letters: [0; NLANG],
            own: [[0; NLANG]; NLANG],
            against: [[0; NLANG]; NLANG],
            tied: HashMap::new(),
            unknown: 0,
            scripts: [0; 9],
            word: String::with_capacity(MAX_WORD * 2),
            word_too_long: false,
            word_latin: 0,
            word_lookalikes: [0; 2],
        }
    }

    /// Adds a lower-case letter to the current word.
    fn push_letter(&mut self, c: char) {
        if !self.word_too_long {
            self.word.extend(c.to_lowercase());
            if self.word.len() > MAX_WORD {
                self.word.clear();
                self.word_too_long = true;
            }
        }
    }

    fn char(&mut self, c: char) {
        let script = script_of(c);
        if script == Some(Script::Latin) {
            self.scripts[Script::Latin as usize] += 1;
            self.chunk.letters += 1;
            self.word_latin += 1;
            self.push_letter(c);
            return;
        }
        // A Cyrillic or Greek look-alike (`е`, `о`, `ѕ`) inside an English word ("sеll") is a
        // disguised Latin letter, not a word of another language: decided at the word's end.
        let lookalike = match script {
            Some(Script::Cyrillic) => Some(0),
            Some(Script::Greek) => Some(1),
            _ => None,
        };
        if let Some(k) = lookalike {
            if let Some(a) = crate::normalize::homoglyph(c) {
                self.word_lookalikes[k] += 1;
                self.push_letter(a);
                return;
            }
        }
        if let Some(script) = script {
            self.scripts[script as usize] += 1;
        }
        self.end_word();
        if c == '\n' && self.chunk.words >= CHUNK_MIN_WORDS {
            self.end_chunk();
        }
    }

    fn end_word(&mut self) {
        let [cyrillic, greek] = std::mem::take(&mut self.word_lookalikes);
        let latin = std::mem::take(&mut self.word_latin);
        if latin == 0 && cyrillic + greek > 0 {
            // Only look-alikes: a Cyrillic or Greek word ("со", "και").
            self.scripts[Script::Cyrillic as usize] += cyrillic;
            self.scripts[Script::Greek as usize] += greek;
            self.word.clear();
            self.word_too_long = false;
            return;
        }
        self.scripts[Script::Latin as usize] += cyrillic + greek;
        self.chunk.letters += cyrillic + greek;
        if self.word.is_empty() && !self.word_too_long {
            return;
        }
        self.chunk.words += 1;
        let mask = if self.word_too_long {
            None
        } else {
            self.table.get(self.word.as_str()).copied()
        };
        self.word.clear();
        self.word_too_long = false;
        if let Some(mask) = mask {
            self.chunk.hits += 1;
            for w in (0..NLANG).filter(|w| mask & (1 << w) != 0) {
                self.chunk.support[w] += 1;
                for (r, exclusive) in self.chunk.exclusive[w].iter_mut().enumerate() {
                    if mask & (1 << r) == 0 {
                        *exclusive += 1;
                    }
                }
            }
        }
        if self.chunk.words >= CHUNK_MAX_WORDS {
            self.end_chunk();
        }
    }

    fn end_chunk(&mut self) {
        let chunk = std::mem::take(&mut self.chunk);
        self.all.add(&chunk);
        if chunk.letters == 0 {
            return;
        }
        if chunk.hits < 2 || chunk.hits * 100 < chunk.words * 8 {
            self.unknown += chunk.letters;
            return;
        }
        let best = chunk.support.iter().copied().max().unwrap_or(0);
        let mut mask = 0u16;
        for (w, &support) in chunk.support.iter().enumerate() {
            if support == best {
                mask |= 1 << w;
            }
        }
        if mask.count_ones() == 1 {
            self.give(mask.trailing_zeros() as usize, &chunk);
        } else {
            self.tied.entry(mask).or_default().add(&chunk);
        }
    }

    /// Counts `chunk` as text in language `w`.
    fn give(&mut self, w: usize, chunk: &Hits) {
        self.letters[w] += chunk.letters;
        for r in 0..NLANG {
            self.own[w][r] += chunk.exclusive[w][r];
            self.against[w][r] += chunk.exclusive[r][w];
        }
    }

    /// Ranks languages by hits over the whole text: more support first, then more hits of
    /// their own against the other, then list order.
    fn better(&self, a: usize, b: usize) -> bool {
        let (sa, sb) = (self.all.support[a], self.all.support[b]);
        if sa != sb {
            return sa > sb;
        }
        let (ea, eb) = (self.all.exclusive[a][b], self.all.exclusive[b][a]);
        if ea != eb {
            return ea > eb;
        }
        a < b
    }

    /// The best-ranked of `candidates` (see [`Scan::better`]).
    fn best_among(&self, candidates: impl Iterator<Item = usize>) -> Option<usize> {
        let mut best: Option<usize> = None;
        for w in candidates {
            if best.map_or(true, |b| self.better(w, b)) {
                best = Some(w);
            }
        }
        best
    }

    fn finish(mut self) -> LanguageGuess {
        self.end_word();
        self.end_chunk();
        // Tied chunks go to the tied language the whole text supports most.
        let tied = std::mem::take(&mut self.tied);
        for (mask, chunks) in &tied {
            if let Some(w) = self.best_among((0..NLANG).filter(|w| mask & (1 << w) != 0)) {
                self.give(w, chunks);
            }
        }

        let count = |s: Script| self.scripts[s as usize];
        let (han, kana) = (count(Script::Han), count(Script::Kana));
        let cjk = if kana * 10 >= han + kana { "ja" } else { "zh" };
        // (code, weighted letters, letters)
        let scripts: [(&'static str, usize, usize); 7] = [
            ("ko", 2 * count(Script::Hangul), count(Script::Hangul)),
            (cjk, 2 * (han + kana), han + kana),
            ("ru", count(Script::Cyrillic), count(Script::Cyrillic)),
            ("ar", count(Script::Arabic), count(Script::Arabic)),
            ("he", count(Script::Hebrew), count(Script::Hebrew)),
            ("el", count(Script::Greek), count(Script::Greek)),
            ("th", count(Script::Thai), count(Script::Thai)),
        ];
        // Letters of unknown language (code, markup, unsupported languages) are left out of
        // the shares; they only make the result "und" when they are most of the text.
        let total = self.letters.iter().sum::<usize>() + scripts.iter().map(|s| s.1).sum::<usize>();

        let mut latin = 0;
        for w in 1..NLANG {
            if self.letters[w] > self.letters[latin]
                || (self.letters[w] == self.letters[latin] && self.better(w, latin))
            {
                latin = w;
            }
        }
        let script = scripts
            .iter()
            .max_by_key(|s| s.1)
            .copied()
            .unwrap_or(("und", 0, 0));

        if script.1 > self.letters[latin] && script.1 > 0 {
            if self.unknown > UNKNOWN_RATIO * script.1 {
                return LanguageGuess::UNDETERMINED;
            }
            let share = script.1 as f32 / total as f32;
            let reliable = (share >= 0.6 && script.2 >= 20) || (share >= 0.9 && script.2 >= 5);
            return LanguageGuess {
                code: script.0,
                confidence: share,
                reliable,
            };
        }
        if self.letters[latin] == 0
            || self.all.hits < 3
            || self.unknown > UNKNOWN_RATIO * self.letters[latin]
        {
            return LanguageGuess::UNDETERMINED;
        }
        let winner = latin;
        let rival = self
            .best_among((0..NLANG).filter(|&w| w != winner))
            .unwrap_or(winner);
        let a = self.own[winner][rival];
        let b = self.against[winner][rival];
        let separation = if a + b == 0 {
            0.5
        } else {
            a as f32 / (a + b) as f32
        };
        let share = self.letters[winner] as f32 / total as f32;
        let confidence = (share * separation).clamp(0.0, 1.0);
        let hits = self.all.support[winner];
        let clear = a >= 2 * b + 2;
        let reliable =
            clear && confidence >= 0.6 && (hits >= 10 || (hits >= 4 && confidence >= 0.85));
        LanguageGuess {
            code: STOPWORDS[winner].0,
            confidence,
            reliable,
        }
    }
}

/// Detects the language of `text` (see the module docs for how).
pub fn detect(text: &str) -> LanguageGuess {
    let mut end = text.len().min(SCAN_LIMIT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut scan = Scan::new();
    for c in text[..end].chars() {
        scan.char(c);
    }
    scan.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        detect(text).code
    }

    #[track_caller]
    fn assert_lang(text: &str, expected: &str) {
        let guess = detect(text);
        assert_eq!(guess.code, expected, "{guess:?} for {text:?}");
        assert!(guess.reliable, "{guess:?} for {text:?}");
        assert!(
            guess.confidence > 0.6 && guess.confidence <= 1.0,
            "{guess:?}"
        );
    }

    #[test]
    fn english() {
        assert_lang(
            "We collect the information that you give us when you create an account, and we \
             use it to provide and improve our services. We do not sell your personal data.",
            "en",
        );
    }

    #[test]
    fn german() {
        assert_lang(
            "Wir verarbeiten Ihre Daten nur, wenn Sie uns dazu eine Einwilligung gegeben haben \
             oder wenn dies für die Erfüllung des Vertrags mit Ihnen erforderlich ist.",
            "de",
        );
    }

    #[test]
    fn french() {
        assert_lang(
            "Nous utilisons vos données personnelles pour vous fournir nos services et pour \
             améliorer la qualité de notre site. Vous pouvez retirer votre consentement à tout \
             moment.",
            "fr",
        );
    }

    #[test]
    fn spanish() {
        assert_lang(
            "Utilizamos sus datos personales para prestar los servicios y para mejorar la \
             calidad del sitio. Usted puede retirar su consentimiento en cualquier momento y \
             también solicitar la eliminación de sus datos.",
            "es",
        );
    }

    #[test]
    fn dutch() {
        assert_lang(
            "Wij gebruiken uw persoonsgegevens om onze diensten aan te bieden en om de \
             kwaliteit van de website te verbeteren. U kunt uw toestemming op elk moment \
             intrekken door contact met ons op te nemen.",
            "nl",
        );
    }

    #[test]
    fn italian() {
        assert_lang(
            "Utilizziamo i tuoi dati personali per fornire i nostri servizi e per migliorare la \
             qualità del sito. Puoi revocare il consenso in qualsiasi momento, anche \
             contattando il titolare del trattamento della privacy.",
            "it",
        );
    }

    #[test]
    fn portuguese() {
        assert_lang(
            "Usamos os seus dados pessoais para fornecer os nossos serviços e para melhorar a \
             qualidade do site. Você pode retirar o seu consentimento a qualquer momento e \
             também pedir a exclusão dos dados.",
            "pt",
        );
    }

    #[test]
    fn danish() {
        assert_lang(
            "Vi bruger dine personoplysninger til at levere vores tjenester og til at forbedre \
             kvaliteten af hjemmesiden. Du kan til enhver tid trække dit samtykke tilbage, og \
             vi sletter oplysningerne efter tre år, hvis du ikke har brugt kontoen.",
            "da",
        );
    }

    #[test]
    fn swedish() {
        assert_lang(
            "Vi använder dina personuppgifter för att tillhandahålla våra tjänster och för att \
             förbättra kvaliteten på webbplatsen. Du kan när som helst återkalla ditt samtycke \
             och vi raderar uppgifterna efter tre år.",
            "sv",
        );
    }

    #[test]
    fn norwegian() {
        assert_lang(
            "Vi bruker dine personopplysninger for å levere våre tjenester og for å forbedre \
             kvaliteten av nettstedet. Du kan når som helst trekke tilbake samtykket ditt, og \
             vi sletter opplysningene etter tre år hvis du ikke har brukt kontoen.",
            "no",
        );
    }

    #[test]
    fn czech() {
        assert_lang(
            "Vaše osobní údaje zpracováváme pouze pro účely poskytování služeb a podle \
             platných předpisů. Souhlas můžete kdykoli odvolat, a údaje, které jsou uloženy \
             v našich systémech, budou smazány.",
            "cs",
        );
    }

    #[test]
    fn polish() {
        assert_lang(
            "Przetwarzamy Twoje dane osobowe wyłącznie w celu świadczenia usług oraz zgodnie z \
             obowiązującymi przepisami. Zgodę można wycofać w każdej chwili, a dane, które są \
             przechowywane w naszych systemach, zostaną usunięte.",
            "pl",
        );
    }

    #[test]
    fn scripts() {
        assert_lang(
            "당사는 서비스 제공을 위하여 필요한 최소한의 개인정보를 수집하고 있습니다.",
            "ko",
        );
        assert_lang(
            "当社は、お客様の個人情報を適切に管理し、サービスの提供のために利用します。",
            "ja",
        );
        assert_lang(
            "我们会收集您在使用服务时主动提供的个人信息，并采取安全措施保护这些信息。",
            "zh",
        );
        assert_lang(
            "Мы собираем персональные данные только для предоставления наших услуг.",
            "ru",
        );
        assert_lang(
            "نحن نجمع المعلومات الشخصية فقط لتقديم خدماتنا وتحسينها.",
            "ar",
        );
        assert_lang("אנו אוספים מידע אישי רק כדי לספק את השירותים שלנו.", "he");
        assert_lang(
            "Συλλέγουμε προσωπικά δεδομένα μόνο για την παροχή των υπηρεσιών μας.",
            "el",
        );
        assert_lang("เราเก็บรวบรวมข้อมูลส่วนบุคคลเพื่อให้บริการแก่คุณเท่านั้น", "th");
    }

    #[test]
    fn english_with_foreign_paragraph_is_english() {
        let text = "Privacy Policy. This policy explains how we collect, use and share the \
            information you give us when you use our website and our apps. We collect your \
            name and email address when you sign up, and we use them to provide the service, \
            to send you receipts and to answer your questions. We do not sell your personal \
            information to third parties. You can ask us to delete your data at any time by \
            writing to the address below, and we will answer within thirty days.\n\
            Aviso para usuarios de California: puede solicitar la eliminación de sus datos \
            personales y también saber qué datos tenemos sobre usted.\n\
            Datenschutz: Example GmbH, Hauptstraße 5, 10115 Berlin, Deutschland.\n\
            If you have questions about this policy, please contact us. We may update this \
            policy from time to time, and we will tell you about any changes that are \
            important to you.";
        assert_lang(text, "en");
    }

    #[test]
    fn german_policy_with_english_chrome_is_german() {
        let text = "Home About us Products Contact Sign in Privacy Terms Cookie settings\n\
            Datenschutzerklärung\n\
            Wir nehmen den Schutz Ihrer persönlichen Daten sehr ernst. Wir behandeln Ihre \
            personenbezogenen Daten vertraulich und entsprechend der gesetzlichen \
            Datenschutzvorschriften sowie dieser Datenschutzerklärung. Wenn Sie diese Website \
            benutzen, werden verschiedene personenbezogene Daten erhoben. Die Daten werden \
            nur für die Bereitstellung der Website und zur Verbesserung unserer Dienste \
            genutzt, und sie werden nicht an Dritte weitergegeben.\n\
            Follow us on social media. Copyright 2024 All rights reserved.";
        assert_lang(text, "de");
    }

    #[test]
    fn mixed_text_goes_to_the_majority() {
        let en = "We use your data to run the service, and we keep it for as long as you have \
                  an account with us. You can ask us to delete it at any time.\n";
        let fr = "Nous utilisons vos données pour fournir le service, et nous les conservons \
                  tant que vous avez un compte chez nous. Vous pouvez demander leur \
                  suppression.\n";
        assert_eq!(code(&format!("{en}{en}{fr}")), "en");
        assert_eq!(code(&format!("{fr}{en}{fr}")), "fr");
        let half = detect(&format!("{en}{fr}"));
        assert!(["en", "fr"].contains(&half.code), "{half:?}");
        assert!(half.confidence < 0.6 && !half.reliable, "{half:?}");
        let mostly_en = detect(&format!("{en}{en}{en}{en}{en}{en}{en}{fr}"));
        assert_eq!(mostly_en.code, "en");
        assert!(mostly_en.confidence > 0.8, "{mostly_en:?}");
    }

    #[test]
    fn multilingual_document_is_its_largest_language_but_unreliable() {
        let en = "We collect the information that you give us, and we use it to provide the \
                  service to you and to improve it over time.\n";
        let de = "Wir erheben die Daten, die Sie uns geben, und wir verwenden sie, um den \
                  Dienst für Sie bereitzustellen und ihn zu verbessern.\n";
        let es = "Recopilamos la información que usted nos proporciona y la utilizamos para \
                  prestar el servicio y para mejorarlo con el tiempo.\n";
        let guess = detect(&format!("{en}{en}{de}{es}"));
        assert_eq!(guess.code, "en");
        assert!(!guess.reliable, "{guess:?}");
    }

    #[test]
    fn korean_with_some_english_is_korean() {
        let text = "개인정보 처리방침 Privacy Policy (English version below) 회사는 이용자의 \
                    개인정보를 중요시하며 정보통신망 이용촉진 및 정보보호에 관한 법률을 준수하고 \
                    있습니다. Contact: privacy@example.com";
        assert_eq!(code(text), "ko");
    }

    #[test]
    fn undetermined() {
        assert_eq!(detect(""), LanguageGuess::UNDETERMINED);
        assert_eq!(code("12345 67890 !!! ???"), "und");
        assert_eq!(code("Hello"), "und");
        assert!(!detect("the cat").reliable);
        // Latin-script text in a language without a word list.
        assert_eq!(
            code(
                "Keräämme henkilötietoja palveluiden tarjoamiseksi ja kehittämiseksi. \
                 Henkilötietoja säilytetään vain niin kauan kuin on tarpeen, minkä jälkeen \
                 tiedot poistetaan turvallisesti järjestelmistämme."
            ),
            "und"
        );
    }

    #[test]
    fn short_text_clearly_one_language() {
        let guess = detect("We do not sell your data to anyone.");
        assert_eq!(guess.code, "en");
        assert!(guess.reliable, "{guess:?}");
    }

    #[test]
    fn only_the_first_part_is_read_and_huge_input_is_fine() {
        let mut text = "The data that we hold about you. ".repeat(10_000);
        text.push_str(&"Die Daten, die wir über Sie haben. ".repeat(100_000));
        let start = std::time::Instant::now();
        assert_eq!(code(&text), "en");
        assert!(start.elapsed().as_secs() < 5);
        // A cut inside a multi-byte character must not panic.
        let s = "é".repeat(SCAN_LIMIT);
        let _ = detect(&s);
        let long_word = "a".repeat(1_000_000);
        assert_eq!(code(&long_word), "und");
    }
}
