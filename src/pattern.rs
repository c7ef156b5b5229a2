//! The rule patterns' own small regular-expression engine: a parser for the subset of regex
//! syntax the rules use, a Thompson NFA, a lazy DFA that answers "does it match anywhere?" in
//! one pass over the bytes, and an NFA simulation for counted gaps.
//!
//! ```
//! use policy_lens::pattern::{Pattern, Runs};
//!
//! let p = Pattern::new(r"\bsell\b[^.;:]{0,20}?\bdata\b")?;
//! let mut runs = Runs::default();
//! assert!(p.is_match(b"we sell your data", &mut runs));
//! // The gap stays inside one clause and within its bound.
//! assert!(!p.is_match(b"we sell. data", &mut Runs::default()));
//! assert!(!p.is_match(b"we sell many kinds of goods but not data", &mut Runs::default()));
//!
//! // A set tells which of its patterns match.
//! let set = Pattern::set(&["sell", "share", "rent"])?;
//! assert_eq!(set.matches_relaxed(b"we share and sell"), [0, 1]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Why not the `regex` crate: it is general (Unicode, captures, many engines), and in
//! WebAssembly its pattern compiler dominated both the cold start (hundreds of milliseconds to
//! compile the rules a first report needs) and the module size (about 330 KB of 860 KB). The
//! rules need much less: bytes (text is normalised to lower-case ASCII where it matters),
//! classes, alternation, repetition, `\b`, `^` and `$`, and one question per pattern.
//!
//! The syntax is a subset of the `regex` crate's with Unicode off, and means the same
//! (`tests/pattern.rs` compares the two on every rule and on random patterns):
//!
//! - literals, `.` (any byte but `\n`), classes `[a-z'-]`, `[^.;:]`, escapes `\b \B \w \W \d \D
//!   \s \S \n \t` and escaped punctuation;
//! - groups `(...)`, `(?:...)`, alternation `|`;
//! - repetition `* + ? {n} {n,} {n,m}`, greedy or lazy (the same for "does it match?");
//! - `^` and `$`: start and end of the text.
//!
//! # Counted gaps
//! A bounded repetition of one byte class with a large bound, such as `[^.;:]{0,60}?` (a span
//! inside one clause), is one NFA state with a counter (a *gap*), not 60 states. The lazy DFA
//! reads a gap as unbounded, which keeps it small; that *relaxed* answer is exact whenever no
//! run of the gap's class in the text is longer than its bound ([`Pattern::exact_needed`]),
//! otherwise [`Pattern::is_match_exact`] simulates the NFA with counters (only the smallest
//! count per gap state matters, so it stays linear).
//!
//! # Untrusted input
//! Patterns come from the rule files; the text is hostile. Every search is one pass over the
//! text: the lazy DFA does constant work per byte once its states exist, and builds at most
//! one state per byte; its memory is bounded ([`CACHE_BYTES`]) by starting over when full.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Bounded repetitions of one byte class with at least this upper bound become gaps.
pub const GAP_FROM: u32 = 10;

/// Repetitions are expanded into copies; beyond this the pattern is refused.
const MAX_STATES: usize = 1 << 16;

/// The lazy DFA of one pattern keeps at most this many bytes of transitions (4 per state and
/// byte class), then starts over; a set of patterns (the rules' gates, which read every
/// sentence) four times as many.
pub const CACHE_BYTES: usize = 512 << 10;

/// A pattern that does not parse, with the byte offset where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte offset into the pattern.
    pub offset: usize,
    /// What is wrong there.
    pub message: &'static str,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for Error {}

/// A set of bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn range(lo: u8, hi: u8) -> ByteSet {
        let mut s = ByteSet::default();
        for b in lo..=hi {
            s.insert(b);
        }
        s
    }
    fn insert(&mut self, b: u8) {
        self.0[(b >> 6) as usize] |= 1 << (b & 63);
    }
    fn contains(&self, b: u8) -> bool {
        self.0[(b >> 6) as usize] & (1 << (b & 63)) != 0
    }
    fn union(&mut self, o: &ByteSet) {
        for i in 0..4 {
            self.0[i] |= o.0[i];
        }
    }
    fn negate(&self) -> ByteSet {
        ByteSet([!self.0[0], !self.0[1], !self.0[2], !self.0[3]])
    }
    fn word() -> ByteSet {
        let mut s = ByteSet::range(b'0', b'9');
        s.union(&ByteSet::range(b'a', b'z'));
        s.union(&ByteSet::range(b'A', b'Z'));
        s.insert(b'_');
        s
    }
    fn digit() -> ByteSet {
        ByteSet::range(b'0', b'9')
    }
    fn space() -> ByteSet {
        let mut s = ByteSet::range(b'\t', b'\r');
        s.insert(b' ');
        s
    }
    fn single(&self) -> Option<u8> {
        let n: u32 = self.0.iter().map(|w| w.count_ones()).sum();
        let i = self.0.iter().position(|&w| w != 0)?;
        (n == 1).then(|| (i as u32 * 64 + self.0[i].trailing_zeros()) as u8)
    }
}

/// `\b`, `\B`, `^`, `$`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    Start,
    End,
    Word,
    NotWord,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[derive(Debug)]
enum Ast {
    Empty,
    /// A run of literal bytes.
    Lits(Vec<u8>),
    Set(ByteSet),
    Look(Look),
    Concat(Vec<Ast>),
    Alt(Vec<Ast>),
    Repeat {
        sub: Box<Ast>,
        min: u32,
        max: Option<u32>,
    },
}

/// Per byte: 0 a plain literal, 1 syntax, 2 a repetition operator.
const SYNTAX: [u8; 256] = {
    let mut t = [0u8; 256];
    let syntax = b"()[].^$\\|";
    let mut i = 0;
    while i < syntax.len() {
        t[syntax[i] as usize] = 1;
        i += 1;
    }
    t[b'*' as usize] = 2;
    t[b'+' as usize] = 2;
    t[b'?' as usize] = 2;
    t[b'{' as usize] = 2;
    t
};

struct Parser<'p> {
    p: &'p [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn err<T>(&self, message: &'static str) -> Result<T, Error> {
        Err(Error {
            offset: self.i,
            message,
        })
    }
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn alternation(&mut self) -> Result<Ast, Error> {
        self.depth += 1;
        if self.depth > 100 {
            return self.err("groups nested too deeply");
        }
        let mut alts = vec![self.concat()?];
        while self.eat(b'|') {
            alts.push(self.concat()?);
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Ast::Empty)
        } else {
            Ast::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Ast, Error> {
        let mut items = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            // A plain literal byte not followed by a repetition joins the run before it.
            let plain = SYNTAX[b as usize] == 0;
            let repeated = self
                .p
                .get(self.i + 1)
                .is_some_and(|&n| SYNTAX[n as usize] == 2);
            if plain && !repeated {
                self.i += 1;
                match items.last_mut() {
                    Some(Ast::Lits(run)) => run.push(b),
                    _ => items.push(Ast::Lits(vec![b])),
                }
                continue;
            }
            let atom = self.atom()?;
            items.push(self.repeats(atom)?);
        }
        Ok(match items.len() {
            0 => Ast::Empty,
            1 => items.pop().unwrap_or(Ast::Empty),
            _ => Ast::Concat(items),
        })
    }

    fn number(&mut self) -> Result<u32, Error> {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.p[start..self.i])
            .ok()
            .and_then(|s| s.parse().ok())
            .filter(|&n: &u32| n <= 1000)
            .map_or_else(|| self.err("expected a repetition count up to 1000"), Ok)
    }

    fn repeats(&mut self, mut atom: Ast) -> Result<Ast, Error> {
        for _ in 0..=4 {
            let (min, max) = match self.peek() {
                Some(b'*') => (0, None),
                Some(b'+') => (1, None),
                Some(b'?') => (0, Some(1)),
                Some(b'{') => {
                    self.i += 1;
                    let min = self.number()?;
                    let max = if self.eat(b',') {
                        if self.peek() == Some(b'}') {
                            None
                        } else {
                            Some(self.number()?)
                        }
                    } else {
                        Some(min)
                    };
                    if self.peek() != Some(b'}') {
                        return self.err("expected `}` to close a repetition");
                    }
                    if max.is_some_and(|m| m < min) {
                        return self.err("repetition maximum below its minimum");
                    }
                    (min, max)
                }
                _ => return Ok(atom),
            };
            if matches!(atom, Ast::Look(_)) {
                return self.err("repetition of an assertion");
            }
            self.i += 1;
            self.eat(b'?'); // lazy: the same answer to "does it match?"
            atom = Ast::Repeat {
                sub: Box::new(atom),
                min,
                max,
            };
        }
        self.err("more than four repetition operators in a row")
    }

    fn atom(&mut self) -> Result<Ast, Error> {
        let Some(b) = self.peek() else {
            return self.err("unexpected end of pattern");
        };
        self.i += 1;
        Ok(match b {
            b'(' => {
                if self.eat(b'?') && !self.eat(b':') {
                    return self.err("only `(?:` groups are supported");
                }
                let inner = self.alternation()?;
                if !self.eat(b')') {
                    return self.err("unclosed group");
                }
                inner
            }
            b'[' => Ast::Set(self.class()?),
            b'.' => Ast::Set(ByteSet::range(b'\n', b'\n').negate()),
            b'^' => Ast::Look(Look::Start),
            b'$' => Ast::Look(Look::End),
            b'\\' => self.escape(false)?,
            b'*' | b'+' | b'?' | b'{' => {
                self.i -= 1;
                return self.err("repetition operator without anything to repeat");
            }
            _ => Ast::Set(ByteSet::range(b, b)),
        })
    }

    /// After a `\`: an assertion (not inside a class), a class or a literal byte.
    fn escape(&mut self, in_class: bool) -> Result<Ast, Error> {
        let Some(b) = self.peek() else {
            return self.err("pattern ends in `\\`");
        };
        self.i += 1;
        Ok(match b {
            b'b' if !in_class => Ast::Look(Look::Word),
            b'B' if !in_class => Ast::Look(Look::NotWord),
            b'w' => Ast::Set(ByteSet::word()),
            b'W' => Ast::Set(ByteSet::word().negate()),
            b'd' => Ast::Set(ByteSet::digit()),
            b'D' => Ast::Set(ByteSet::digit().negate()),
            b's' => Ast::Set(ByteSet::space()),
            b'S' => Ast::Set(ByteSet::space().negate()),
            b'n' => Ast::Set(ByteSet::range(b'\n', b'\n')),
            b't' => Ast::Set(ByteSet::range(b'\t', b'\t')),
            // `\<` and `\>` are word-start and word-end assertions for `regex`: not supported.
            b if (b.is_ascii_punctuation() && b != b'<' && b != b'>') || b == b' ' => {
                Ast::Set(ByteSet::range(b, b))
            }
            _ => {
                self.i -= 1;
                return self.err("unsupported escape");
            }
        })
    }

    /// One item of a class, its first byte `b` already consumed: a byte, or (after a backslash) a
    /// byte or a whole class such as `\w`.
    fn class_item(&mut self, b: u8) -> Result<Result<u8, ByteSet>, Error> {
        if b != b'\\' {
            return Ok(Ok(b));
        }
        match self.escape(true)? {
            Ast::Set(s) => Ok(s.single().ok_or(s)),
            _ => self.err("unsupported escape in a class"),
        }
    }

    /// After `[`: the class up to and including `]`.
    fn class(&mut self) -> Result<ByteSet, Error> {
        let negated = self.eat(b'^');
        let mut set = ByteSet::default();
        let mut first = true;
        loop {
            let Some(b) = self.peek() else {
                return self.err("unclosed class");
            };
            if b == b']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            if b == b'[' {
                return self.err("nested classes are not supported");
            }
            if matches!(self.p.get(self.i..self.i + 2), Some(b"&&" | b"~~" | b"--")) {
                // Intersection, symmetric difference and difference for `regex`.
                return self.err("class set operations are not supported");
            }
            self.i += 1;
            let lo = match self.class_item(b)? {
                Ok(one) => one,
                Err(s) => {
                    if self.peek() == Some(b'-')
                        && self.p.get(self.i + 1).is_some_and(|&n| n != b']')
                    {
                        return self.err("a class cannot start a range");
                    }
                    set.union(&s);
                    continue;
                }
            };
            // A range `lo-hi`, unless `-` is last.
            if self.peek() == Some(b'-') && self.p.get(self.i + 1).is_some_and(|&n| n != b']') {
                if self.p.get(self.i + 1) == Some(&b'-') {
                    return self.err("class set operations are not supported");
                }
                self.i += 1;
                let Some(hi) = self.peek() else {
                    return self.err("unclosed class");
                };
                if hi == b'[' {
                    return self.err("nested classes are not supported");
                }
                self.i += 1;
                let Ok(hi) = self.class_item(hi)? else {
                    return self.err("a class cannot end a range");
                };
                if hi < lo {
                    return self.err("range out of order");
                }
                set.union(&ByteSet::range(lo, hi));
            } else {
                set.insert(lo);
            }
        }
        Ok(if negated { set.negate() } else { set })
    }
}

/// One NFA state. `u32` fields are state indices.
#[derive(Clone, Copy, Debug)]
enum State {
    /// Consume byte `.0`, go to `.1`.
    Lit(u8, u32),
    /// Consume one byte of set `.0` (an index into [`Nfa::sets`]), go to `.1`.
    Byte(u32, u32),
    /// Consume up to `max` bytes of set `set`, then (or at once) go to `next`.
    Gap { set: u32, max: u32, next: u32 },
    /// Go to both.
    Split(u32, u32),
    /// Go on if the assertion holds here.
    Look(Look, u32),
    /// Pattern `.0` matches.
    Match(u32),
}

/// A compiled pattern (or several, for a set).
#[derive(Debug)]
struct Nfa {
    states: Vec<State>,
    sets: Vec<ByteSet>,
    start: u32,
    /// Byte to equivalence class: bytes in one class are alike for every set and for `\b`.
    classes: [u8; 256],
    /// One byte of each class.
    reps: Vec<u8>,
    /// Each gap's set and bound (for [`Pattern::exact_needed`]).
    gaps: Vec<(ByteSet, u32)>,
    patterns: u32,
}

struct Compiler {
    states: Vec<State>,
    sets: Vec<ByteSet>,
    set_ids: HashMap<ByteSet, u32, FxBuild>,
    /// Calls of [`Compiler::emit`], bounded.
    work: usize,
    gaps: Vec<(ByteSet, u32)>,
}

impl Compiler {
    fn push(&mut self, s: State) -> Result<u32, Error> {
        if self.states.len() >= MAX_STATES {
            return Err(Error {
                offset: 0,
                message: "pattern too large",
            });
        }
        self.states.push(s);
        Ok((self.states.len() - 1) as u32)
    }

    fn set(&mut self, s: ByteSet) -> u32 {
        let n = self.sets.len() as u32;
        *self.set_ids.entry(s).or_insert_with(|| {
            self.sets.push(s);
            n
        })
    }

    /// Compiles `ast` so that it continues to `next`; returns its entry state.
    fn emit(&mut self, ast: &Ast, next: u32) -> Result<u32, Error> {
        // Repetitions of something empty add no state but still cost work: bound it too.
        self.work += 1;
        if self.work > 4 * MAX_STATES {
            return Err(Error {
                offset: 0,
                message: "pattern too large",
            });
        }
        Ok(match ast {
            Ast::Empty => next,
            Ast::Lits(run) => {
                let mut cur = next;
                for &b in run.iter().rev() {
                    cur = self.push(State::Lit(b, cur))?;
                }
                cur
            }
            Ast::Set(s) => match s.single() {
                Some(b) => self.push(State::Lit(b, next))?,
                None => {
                    let id = self.set(*s);
                    self.push(State::Byte(id, next))?
                }
            },
            Ast::Look(l) => self.push(State::Look(*l, next))?,
            Ast::Concat(items) => {
                let mut cur = next;
                for item in items.iter().rev() {
                    cur = self.emit(item, cur)?;
                }
                cur
            }
            Ast::Alt(alts) => {
                // Alternatives share their literal prefixes (a trie): `share|shares|sharing`
                // enters one state for `s`, not three, so closures and DFA states stay small.
                let mut trie = Trie {
                    nodes: vec![TrieNode::new(0)],
                    rests: Vec::new(),
                };
                for alt in alts {
                    let (prefix, rest): (&[u8], &[Ast]) = match alt {
                        Ast::Lits(run) => (run, &[]),
                        Ast::Concat(items) => match items.first() {
                            Some(Ast::Lits(run)) => (run, &items[1..]),
                            _ => (&[], std::slice::from_ref(alt)),
                        },
                        _ => (&[], std::slice::from_ref(alt)),
                    };
                    trie.insert(prefix, rest);
                }
                self.emit_trie(&trie, 0, next)?
            }
            Ast::Repeat { sub, min, max } => {
                let mut cur = next;
                match (sub.as_ref(), *max) {
                    (Ast::Set(s), Some(max)) if max >= GAP_FROM => {
                        let set = self.set(*s);
                        let bound = max - min;
                        if !self.gaps.contains(&(*s, max)) {
                            self.gaps.push((*s, max));
                        }
                        cur = self.push(State::Gap {
                            set,
                            max: bound,
                            next: cur,
                        })?;
                    }
                    (_, Some(max)) => {
                        for _ in *min..max {
                            let body = self.emit(sub, cur)?;
                            cur = self.push(State::Split(body, cur))?;
                        }
                    }
                    (_, None) => {
                        let lp = self.push(State::Split(0, 0))?;
                        let body = self.emit(sub, lp)?;
                        self.states[lp as usize] = State::Split(body, cur);
                        cur = lp;
                    }
                }
                for _ in 0..*min {
                    cur = self.emit(sub, cur)?;
                }
                cur
            }
        })
    }
}

const NONE: u32 = u32::MAX;

/// The literal-prefix trie of an alternation: for each node the byte that leads to it, its
/// first child and next sibling, and the first of the rests (alternatives whose prefix ends
/// there, a linked list through `rests`).
struct Trie<'a> {
    nodes: Vec<TrieNode>,
    rests: Vec<(&'a [Ast], u32)>,
}

#[derive(Clone, Copy)]
struct TrieNode {
    byte: u8,
    child: u32,
    sibling: u32,
    rest: u32,
}

impl TrieNode {
    fn new(byte: u8) -> TrieNode {
        TrieNode {
            byte,
            child: NONE,
            sibling: NONE,
            rest: NONE,
        }
    }
}

impl<'a> Trie<'a> {
    fn insert(&mut self, prefix: &[u8], rest: &'a [Ast]) {
        let mut node = 0usize;
        for &b in prefix {
            let mut c = self.nodes[node].child;
            while c != NONE && self.nodes[c as usize].byte != b {
                c = self.nodes[c as usize].sibling;
            }
            if c == NONE {
                c = self.nodes.len() as u32;
                let mut n = TrieNode::new(b);
                n.sibling = self.nodes[node].child;
                self.nodes.push(n);
                self.nodes[node].child = c;
            }
            node = c as usize;
        }
        self.rests.push((rest, self.nodes[node].rest));
        self.nodes[node].rest = (self.rests.len() - 1) as u32;
    }
}

impl Compiler {
    fn emit_seq(&mut self, items: &[Ast], next: u32) -> Result<u32, Error> {
        let mut cur = next;
        for item in items.iter().rev() {
            cur = self.emit(item, cur)?;
        }
        Ok(cur)
    }

    /// Emits trie node `node` continuing to `next`; returns its entry. A run of nodes with one
    /// child and no alternative ending there (a long literal) is emitted in a loop, so the
    /// recursion is only as deep as the branchings.
    fn emit_trie(&mut self, trie: &Trie, node: usize, next: u32) -> Result<u32, Error> {
        let mut chain = Vec::new();
        let mut node = node;
        loop {
            let n = trie.nodes[node];
            let only = n.child != NONE && trie.nodes[n.child as usize].sibling == NONE;
            if n.rest != NONE || !only {
                break;
            }
            chain.push(trie.nodes[n.child as usize].byte);
            node = n.child as usize;
        }
        let mut cur = NONE;
        let mut join = |c: &mut Compiler, e: u32| -> Result<(), Error> {
            cur = if cur == NONE || cur == e {
                e
            } else {
                c.push(State::Split(e, cur))?
            };
            Ok(())
        };
        let mut r = trie.nodes[node].rest;
        while r != NONE {
            let (rest, more) = trie.rests[r as usize];
            let e = self.emit_seq(rest, next)?;
            join(self, e)?;
            r = more;
        }
        let mut c = trie.nodes[node].child;
        while c != NONE {
            let n = trie.nodes[c as usize];
            let inner = self.emit_trie(trie, c as usize, next)?;
            let e = self.push(State::Lit(n.byte, inner))?;
            join(self, e)?;
            c = n.sibling;
        }
        let mut entry = if cur == NONE { next } else { cur };
        for &b in chain.iter().rev() {
            entry = self.push(State::Lit(b, entry))?;
        }
        Ok(entry)
    }
}

/// Longer patterns are refused (the rules' longest is a few kilobytes).
const MAX_PATTERN: usize = 1 << 20;

fn parse(pattern: &str) -> Result<Ast, Error> {
    if pattern.len() > MAX_PATTERN {
        return Err(Error {
            offset: MAX_PATTERN,
            message: "pattern too large",
        });
    }
    if let Some(offset) = pattern.bytes().position(|b| !b.is_ascii()) {
        // Text is matched as bytes: a quantifier after `é` would repeat its last byte only.
        return Err(Error {
            offset,
            message: "non-ASCII characters are not supported (text is folded to ASCII)",
        });
    }
    let mut p = Parser {
        p: pattern.as_bytes(),
        i: 0,
        depth: 0,
    };
    let ast = p.alternation()?;
    if p.i < p.p.len() {
        return p.err("unmatched `)`");
    }
    Ok(ast)
}

impl Nfa {
    fn new(patterns: &[&str]) -> Result<Nfa, Error> {
        let mut c = Compiler {
            states: Vec::new(),
            sets: Vec::new(),
            set_ids: HashMap::default(),
            work: 0,
            gaps: Vec::new(),
        };
        let mut starts = Vec::with_capacity(patterns.len());
        for (i, p) in patterns.iter().enumerate() {
            let ast = parse(p)?;
            let m = c.push(State::Match(i as u32))?;
            starts.push(c.emit(&ast, m)?);
        }
        let mut start = match starts.pop() {
            Some(s) => s,
            None => c.push(State::Split(u32::MAX, u32::MAX))?,
        };
        while let Some(s) = starts.pop() {
            start = c.push(State::Split(s, start))?;
        }
        // Equivalence classes: a new class wherever some set, or word-ness, changes.
        // Bit b of `edges`: byte b starts a new class (some set, or word-ness, changes there).
        let mut edges = ByteSet::default();
        for set in c.sets.iter().chain([&ByteSet::word()]) {
            let w = set.0;
            for k in 0..4 {
                let carry = if k == 0 { 0 } else { w[k - 1] >> 63 };
                edges.0[k] |= w[k] ^ (w[k] << 1 | carry);
            }
        }
        for st in &c.states {
            if let State::Lit(b, _) = *st {
                edges.insert(b);
                if b < 255 {
                    edges.insert(b + 1);
                }
            }
        }
        let boundary = |b: u8| edges.contains(b);
        let mut classes = [0u8; 256];
        let mut reps = vec![0u8];
        let mut k = 0u8;
        for b in 1..=255u8 {
            if boundary(b) {
                k += 1;
                reps.push(b);
            }
            classes[b as usize] = k;
        }
        Ok(Nfa {
            states: c.states,
            sets: c.sets,
            start,
            classes,
            reps,
            gaps: c.gaps,
            patterns: patterns.len() as u32,
        })
    }
}

/// Where in the text a closure is computed: what the assertions see.
#[derive(Clone, Copy)]
struct Ctx {
    at_start: bool,
    at_end: bool,
    prev_word: bool,
    next_word: bool,
}

impl Ctx {
    fn holds(&self, look: Look) -> bool {
        match look {
            Look::Start => self.at_start,
            Look::End => self.at_end,
            Look::Word => self.prev_word != self.next_word,
            Look::NotWord => self.prev_word == self.next_word,
        }
    }
}

/// Which NFA states were reached in the current round (a closure, or one position of the
/// exact simulation), cleared in O(1) by starting a new generation.
#[derive(Default)]
struct Stamps {
    stamp: Vec<u32>,
    generation: u32,
}

impl Stamps {
    fn new(n: usize) -> Stamps {
        Stamps {
            stamp: vec![0; n],
            generation: 0,
        }
    }

    fn next_round(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.fill(0);
            self.generation = 1;
        }
    }

    fn seen(&self, s: usize) -> bool {
        self.stamp[s] == self.generation
    }

    fn mark(&mut self, s: usize) {
        self.stamp[s] = self.generation;
    }
}

/// Scratch space for an epsilon closure.
struct Closure {
    stamps: Stamps,
    stack: Vec<u32>,
    /// Byte-consuming states reached (`Byte` and `Gap`).
    consuming: Vec<u32>,
    /// Patterns that match here.
    matches: Vec<u32>,
}

impl Closure {
    fn new(n: usize) -> Closure {
        Closure {
            stamps: Stamps::new(n),
            stack: Vec::new(),
            consuming: Vec::new(),
            matches: Vec::new(),
        }
    }

    fn next_generation(&mut self) {
        self.stamps.next_round();
        self.consuming.clear();
        self.matches.clear();
    }

    /// The closure of `seeds`, plus the start state if `start` (the search is unanchored:
    /// a match may begin anywhere).
    fn compute(&mut self, nfa: &Nfa, seeds: &[u32], ctx: Ctx, start: bool) {
        self.next_generation();
        self.stack.extend(seeds.iter().rev());
        if start {
            self.stack.push(nfa.start);
        }
        while let Some(s) = self.stack.pop() {
            let Some(state) = nfa.states.get(s as usize) else {
                continue; // the empty set's dead end
            };
            if self.stamps.seen(s as usize) {
                continue;
            }
            self.stamps.mark(s as usize);
            match *state {
                State::Byte(..) | State::Lit(..) => self.consuming.push(s),
                State::Gap { next, .. } => {
                    self.consuming.push(s);
                    self.stack.push(next);
                }
                State::Split(a, b) => {
                    self.stack.push(b);
                    self.stack.push(a);
                }
                State::Look(l, next) => {
                    if ctx.holds(l) {
                        self.stack.push(next);
                    }
                }
                State::Match(p) => self.matches.push(p),
            }
        }
    }
}

const UNKNOWN: u32 = u32::MAX;
const FLAG_START: u32 = 1;
const FLAG_WORD: u32 = 2;

/// A fast hash (FxHash's multiply-rotate) for keys made by the crate itself, never chosen by
/// the input: state sets here, the stopword table in `lang.rs`.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A `HashMap` hasher built on [`FxHasher`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The NFA states that byte `b` leads to from the consuming states of a closure: entered
/// states into `out`, gaps that consumed `b` (and stay) into `gaps`.
fn step(nfa: &Nfa, consuming: &[u32], b: u8, out: &mut Vec<u32>, gaps: &mut Vec<u32>) {
    for &s in consuming {
        match nfa.states[s as usize] {
            State::Lit(x, next) if x == b => out.push(next),
            State::Byte(set, next) if nfa.sets[set as usize].contains(b) => out.push(next),
            State::Gap { set, .. } if nfa.sets[set as usize].contains(b) => gaps.push(s),
            _ => {}
        }
    }
}

/// The start state's step over a byte class (see [`Lazy::start_step`]): where its lists start in
/// the arena and their lengths.
#[derive(Clone, Copy)]
struct StepRef {
    off: u32,
    next: u32,
    gaps: u32,
    matches: u32,
}

impl StepRef {
    /// Not computed yet.
    const UNKNOWN: StepRef = StepRef {
        off: u32::MAX,
        next: 0,
        gaps: 0,
        matches: 0,
    };
}

/// The lazy DFA's states and transitions, built as the text needs them. A DFA state is the
/// set of NFA states entered by the last byte (before their closure, which depends on the
/// next byte through `\b`) and whether that byte was a word byte or there was none yet. The
/// start state's closure is in every state (a match may begin anywhere).
struct Lazy {
    /// `trans[state * classes + class]`: `next << 1 | matched-before-this-byte`, or UNKNOWN.
    trans: Vec<u32>,
    /// The patterns that matched before the byte of each transition that has its flag set.
    trans_matches: HashMap<u32, Box<[u32]>, FxBuild>,
    /// The patterns that match at the end of the text, per state (computed on demand).
    end: Vec<Option<Box<[u32]>>>,
    /// Each state's key: its NFA states, then its flags.
    keys: Vec<Arc<[u32]>>,
    /// Memory held by the keys, for the cache budget.
    key_bytes: usize,
    ids: HashMap<Arc<[u32]>, u32, FxBuild>,
    /// [`Lazy::start_step`]'s results, `[flags * classes + class]`, lists in `arena`.
    starts: Vec<StepRef>,
    /// [`Lazy::exit_step`]'s results, by (exit state, flags, class).
    exits: HashMap<u64, StepRef, FxBuild>,
    arena: Vec<u32>,
    matches: Vec<u32>,
    closure: Closure,
    scratch: Vec<u32>,
    gaps: Vec<u32>,
    /// The matches of the transition computed last.
    last_matches: Option<Box<[u32]>>,
    exact: Exact,
}

/// Scratch space of the NFA simulation with counters ([`Lazy::exact`]).
#[derive(Default)]
struct Exact {
    /// The states reached at this position; for those that consume, `pos[s]` is their index
    /// in `consuming`.
    stamps: Stamps,
    pos: Vec<u32>,
    /// Consuming states reached at this position, with the smallest count (gaps only).
    consuming: Vec<(u32, u32)>,
    seeds: Vec<(u32, u32)>,
    stack: Vec<(u32, u32)>,
    /// Exits of the gaps reached at this position, stepped through [`Lazy::exit_step`].
    exits: Vec<u32>,
}

impl Lazy {
    fn new(nfa: &Nfa) -> Lazy {
        // Room for the states a sentence or two builds, so that most automata never regrow.
        const STATES: usize = 128;
        let mut l = Lazy {
            trans: Vec::with_capacity(STATES * nfa.reps.len()),
            trans_matches: HashMap::default(),
            end: Vec::with_capacity(STATES),
            keys: Vec::with_capacity(STATES),
            key_bytes: 0,
            ids: HashMap::with_capacity_and_hasher(STATES, FxBuild::default()),
            starts: vec![StepRef::UNKNOWN; 4 * nfa.reps.len()],
            exits: HashMap::default(),
            arena: Vec::new(),
            matches: Vec::new(),
            closure: Closure::new(nfa.states.len()),
            scratch: Vec::new(),
            gaps: Vec::new(),
            last_matches: None,
            exact: Exact::default(),
        };
        l.scratch.push(FLAG_START);
        l.intern(nfa);
        l
    }

    fn clear(&mut self, nfa: &Nfa) {
        self.trans.clear();
        self.trans_matches.clear();
        self.end.clear();
        self.keys.clear();
        self.ids.clear();
        self.key_bytes = 0;
        let pending = std::mem::replace(&mut self.scratch, vec![FLAG_START]);
        self.intern(nfa);
        self.scratch = pending;
    }

    /// The state whose key is in `scratch` (NFA states, then flags), added if new.
    fn intern(&mut self, nfa: &Nfa) -> u32 {
        if let Some(&id) = self.ids.get(self.scratch.as_slice()) {
            return id;
        }
        let id = self.keys.len() as u32;
        let key: Arc<[u32]> = self.scratch.as_slice().into();
        self.key_bytes += key.len() * 4 + 32;
        self.keys.push(key.clone());
        self.end.push(None);
        self.trans
            .extend(std::iter::repeat(UNKNOWN).take(nfa.reps.len()));
        self.ids.insert(key, id);
        id
    }

    fn ctx(flags: u32, next: Option<u8>) -> Ctx {
        Ctx {
            at_start: flags & FLAG_START != 0,
            at_end: next.is_none(),
            prev_word: flags & FLAG_WORD != 0,
            next_word: next.is_some_and(is_word),
        }
    }

    /// What the start state contributes to a transition on `class` after a byte with
    /// `flags`: its closure stepped over the byte, computed once per (flags, class). The start
    /// is in every DFA state (a match may begin anywhere) and its closure is large: the first
    /// bytes of every alternative. (Caching the step of every NFA state of a DFA state this
    /// way was measured: 1.5x the instructions, as their closures overlap.)
    fn start_step(&mut self, nfa: &Nfa, flags: u32, class: usize) -> StepRef {
        let i = flags as usize * nfa.reps.len() + class;
        if self.starts[i].off != u32::MAX {
            return self.starts[i];
        }
        let r = self.closed_step(nfa, None, flags, class);
        self.starts[i] = r;
        r
    }

    /// The same for the exit of a gap state (its `next`), which the exact simulation would
    /// otherwise close again at every byte the gap spans.
    fn exit_step(&mut self, nfa: &Nfa, exit: u32, flags: u32, class: usize) -> StepRef {
        let key = (exit as u64) << 16 | (flags as u64) << 8 | class as u64;
        if let Some(&r) = self.exits.get(&key) {
            return r;
        }
        let r = self.closed_step(nfa, Some(exit), flags, class);
        self.exits.insert(key, r);
        r
    }

    /// The closure of `seed` (or of the start), stepped over the byte class, into the arena.
    fn closed_step(&mut self, nfa: &Nfa, seed: Option<u32>, flags: u32, class: usize) -> StepRef {
        let b = nfa.reps[class];
        let seeds: &[u32] = match &seed {
            Some(s) => std::slice::from_ref(s),
            None => &[],
        };
        self.closure
            .compute(nfa, seeds, Lazy::ctx(flags, Some(b)), seed.is_none());
        let (mut next, mut gaps) = (Vec::new(), Vec::new());
        step(nfa, &self.closure.consuming, b, &mut next, &mut gaps);
        let off = self.arena.len() as u32;
        for list in [&mut next, &mut gaps, &mut self.closure.matches] {
            list.sort_unstable();
            list.dedup();
        }
        self.arena.extend_from_slice(&next);
        self.arena.extend_from_slice(&gaps);
        self.arena.extend_from_slice(&self.closure.matches);
        StepRef {
            off,
            next: next.len() as u32,
            gaps: gaps.len() as u32,
            matches: self.closure.matches.len() as u32,
        }
    }

    /// The entered states, gaps and matches of a step.
    fn parts(&self, r: StepRef) -> (&[u32], &[u32], &[u32]) {
        let a = r.off as usize;
        let (b, c) = (a + r.next as usize, a + (r.next + r.gaps) as usize);
        (
            &self.arena[a..b],
            &self.arena[b..c],
            &self.arena[c..c + r.matches as usize],
        )
    }

    /// The transition of `state` on `class`, computed and stored.
    fn compute(&mut self, nfa: &Nfa, state: u32, class: usize) -> u32 {
        let b = nfa.reps[class];
        let key = Arc::clone(&self.keys[state as usize]);
        let (&flags, seeds) = key.split_last().unwrap_or((&0, &[]));
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        self.closure
            .compute(nfa, seeds, Lazy::ctx(flags, Some(b)), false);
        step(
            nfa,
            &self.closure.consuming,
            b,
            &mut scratch,
            &mut self.gaps,
        );
        let mut matches = std::mem::take(&mut self.matches);
        matches.clear();
        matches.extend_from_slice(&self.closure.matches);
        let r = self.start_step(nfa, flags, class);
        let (next, gaps, m) = self.parts(r);
        scratch.extend_from_slice(next);
        scratch.extend_from_slice(gaps);
        matches.extend_from_slice(m);
        scratch.append(&mut self.gaps);
        scratch.sort_unstable();
        scratch.dedup();
        scratch.push(if is_word(b) { FLAG_WORD } else { 0 });
        self.scratch = scratch;
        let matched = !matches.is_empty();
        let found: Option<Box<[u32]>> = matched.then(|| {
            matches.sort_unstable();
            matches.dedup();
            matches.as_slice().into()
        });
        self.matches = matches;
        let matches = found;
        let budget = if nfa.patterns > 1 {
            4 * CACHE_BYTES
        } else {
            CACHE_BYTES
        };
        // Transitions, and the state keys (about as large again, twice over: map and list).
        let stored = self.trans.len() * 4 + self.key_bytes < budget;
        if !stored {
            // Full: start over with only the state the search moves to.
            self.clear(nfa);
        }
        let next = self.intern(nfa);
        let t = next << 1 | matched as u32;
        if stored {
            self.trans[state as usize * nfa.reps.len() + class] = t;
            if let Some(m) = &matches {
                self.trans_matches
                    .insert(state << 8 | class as u32, m.clone());
            }
        }
        self.last_matches = matches;
        t
    }

    /// The patterns that match at the end of the text in `state`.
    fn end_matches(&mut self, nfa: &Nfa, state: u32) -> &[u32] {
        if self.end[state as usize].is_none() {
            let key = Arc::clone(&self.keys[state as usize]);
            let (&flags, seeds) = key.split_last().unwrap_or((&0, &[]));
            self.closure
                .compute(nfa, seeds, Lazy::ctx(flags, None), true);
            let mut m = self.closure.matches.clone();
            m.sort_unstable();
            m.dedup();
            self.end[state as usize] = Some(m.into());
        }
        self.end[state as usize].as_deref().unwrap_or(&[])
    }

    /// Does a single pattern match `text` with every gap within its bound? An NFA simulation
    /// in which a gap state carries the number of bytes it has consumed; only the smallest
    /// count per gap state matters (it can do all that a larger one can), so the work per byte
    /// is bounded by the number of NFA states. The unanchored start is stepped through the
    /// lazy DFA's cached start steps ([`Lazy::start_step`]), so only the threads a match has begun cost
    /// anything.
    fn exact(&mut self, nfa: &Nfa, text: &[u8]) -> bool {
        let mut x = std::mem::take(&mut self.exact);
        if x.pos.len() != nfa.states.len() {
            x.stamps = Stamps::new(nfa.states.len());
            x.pos = vec![0; nfa.states.len()];
        }
        x.seeds.clear();
        let found = 'search: {
            for i in 0..=text.len() {
                let mut flags = if i == 0 { FLAG_START } else { 0 };
                if i > 0 && is_word(text[i - 1]) {
                    flags |= FLAG_WORD;
                }
                let next = text.get(i).copied();
                if let (true, Some(b)) = (x.seeds.is_empty(), next) {
                    // No match under way: only a start here could begin one. Most bytes
                    // cannot; their (cached) start step is empty.
                    let class = nfa.classes[b as usize] as usize;
                    let r = self.starts[flags as usize * nfa.reps.len() + class];
                    if r.off != u32::MAX && r.next == 0 && r.gaps == 0 && r.matches == 0 {
                        continue;
                    }
                }
                let ctx = Lazy::ctx(flags, next);
                x.stamps.next_round();
                x.consuming.clear();
                x.exits.clear();
                let mut seeds = std::mem::take(&mut x.seeds);
                x.stack.extend(seeds.drain(..).rev());
                x.seeds = seeds;
                while let Some((s, count)) = x.stack.pop() {
                    let Some(state) = nfa.states.get(s as usize) else {
                        continue;
                    };
                    let su = s as usize;
                    if x.stamps.seen(su) {
                        if let State::Gap { .. } = state {
                            // Only a gap carries a count; its successors are already reached.
                            let c = &mut x.consuming[x.pos[su] as usize].1;
                            *c = (*c).min(count);
                        }
                        continue;
                    }
                    x.stamps.mark(su);
                    match *state {
                        State::Byte(..) | State::Lit(..) => {
                            x.pos[su] = x.consuming.len() as u32;
                            x.consuming.push((s, 0));
                        }
                        State::Gap { next: exit, .. } => {
                            x.pos[su] = x.consuming.len() as u32;
                            x.consuming.push((s, count));
                            if next.is_some() {
                                x.exits.push(exit);
                            } else {
                                x.stack.push((exit, 0));
                            }
                        }
                        State::Split(a, b) => {
                            x.stack.push((b, 0));
                            x.stack.push((a, 0));
                        }
                        State::Look(l, next) => {
                            if ctx.holds(l) {
                                x.stack.push((next, 0));
                            }
                        }
                        State::Match(_) => break 'search true,
                    }
                }
                let Some(b) = next else {
                    // The end: what the start's closure matches there (an empty match).
                    self.closure.compute(nfa, &[], ctx, true);
                    break 'search !self.closure.matches.is_empty();
                };
                let class = nfa.classes[b as usize] as usize;
                let r = self.start_step(nfa, flags, class);
                if self.seed(nfa, r, &mut x.seeds) {
                    break 'search true;
                }
                let mut exits = std::mem::take(&mut x.exits);
                exits.sort_unstable();
                exits.dedup();
                for &e in &exits {
                    let r = self.exit_step(nfa, e, flags, class);
                    if self.seed(nfa, r, &mut x.seeds) {
                        break 'search true;
                    }
                }
                exits.clear();
                x.exits = exits;
                for &(s, count) in &x.consuming {
                    match nfa.states[s as usize] {
                        State::Lit(c, next) if c == b => x.seeds.push((next, 0)),
                        State::Byte(set, next) if nfa.sets[set as usize].contains(b) => {
                            x.seeds.push((next, 0))
                        }
                        State::Gap { set, max, .. }
                            if count < max && nfa.sets[set as usize].contains(b) =>
                        {
                            x.seeds.push((s, count + 1))
                        }
                        _ => {}
                    }
                }
            }
            false
        };
        x.stack.clear();
        self.exact = x;
        found
    }

    /// Adds a cached step's states to the exact simulation's next threads: entered states with
    /// count 0, gaps that consumed the byte with count 1. Returns whether it matched here.
    fn seed(&self, nfa: &Nfa, r: StepRef, seeds: &mut Vec<(u32, u32)>) -> bool {
        let (next, gaps, matches) = self.parts(r);
        seeds.extend(next.iter().map(|&s| (s, 0)));
        for &s in gaps {
            if matches!(nfa.states[s as usize], State::Gap { max, .. } if max > 0) {
                seeds.push((s, 1));
            }
        }
        !matches.is_empty()
    }

    /// Runs over `text`; calls `found(patterns)` where patterns match, until it returns
    /// `false`. Returns whether it was stopped.
    fn search(&mut self, nfa: &Nfa, text: &[u8], mut found: impl FnMut(&[u32]) -> bool) -> bool {
        let n = nfa.reps.len();
        let mut s = 0u32;
        for &b in text {
            let class = nfa.classes[b as usize] as usize;
            let mut t = self.trans[s as usize * n + class];
            let fresh = t == UNKNOWN;
            if fresh {
                t = self.compute(nfa, s, class);
            }
            if t & 1 != 0 {
                let m = if fresh {
                    self.last_matches.as_deref()
                } else {
                    self.trans_matches
                        .get(&(s << 8 | class as u32))
                        .map(|m| &m[..])
                };
                if !found(m.unwrap_or(&[])) {
                    return true;
                }
            }
            s = t >> 1;
        }
        let m = self.end_matches(nfa, s);
        !m.is_empty() && !found(m)
    }
}

/// A compiled pattern. Each search borrows its own lazy DFA state through a lock, so a
/// `Pattern` can be shared (`static`).
pub struct Pattern {
    nfa: Nfa,
    lazy: std::sync::Mutex<Option<Lazy>>,
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("states", &self.nfa.states.len())
            .finish()
    }
}

impl Pattern {
    /// Compiles one pattern.
    pub fn new(pattern: &str) -> Result<Pattern, Error> {
        Pattern::set(&[pattern])
    }

    /// Compiles several patterns into one automaton that tells which of them match.
    pub fn set(patterns: &[&str]) -> Result<Pattern, Error> {
        Ok(Pattern {
            nfa: Nfa::new(patterns)?,
            lazy: std::sync::Mutex::new(None),
        })
    }

    fn with_lazy<R>(&self, f: impl FnOnce(&mut Lazy, &Nfa) -> R) -> R {
        let mut guard = self.lazy.lock().unwrap_or_else(|e| e.into_inner());
        let lazy = guard.get_or_insert_with(|| Lazy::new(&self.nfa));
        f(lazy, &self.nfa)
    }

    /// Does the pattern match anywhere in `text`, reading each gap as unbounded? The same as
    /// [`Pattern::is_match_exact`] unless [`Pattern::exact_needed`] says otherwise.
    pub fn is_match_relaxed(&self, text: &[u8]) -> bool {
        self.with_lazy(|lazy, nfa| lazy.search(nfa, text, |_| false))
    }

    /// The patterns of a set that match somewhere in `text` (relaxed, like
    /// [`Pattern::is_match_relaxed`]), in pattern order.
    pub fn matches_relaxed(&self, text: &[u8]) -> Vec<usize> {
        let mut found = self.first_matches_relaxed(text);
        found.sort_unstable();
        found
    }

    /// The patterns of a set that match somewhere in `text` (relaxed), in the order of the end
    /// of their first match.
    pub fn first_matches_relaxed(&self, text: &[u8]) -> Vec<usize> {
        let mut seen = vec![false; self.nfa.patterns as usize];
        let mut order = Vec::new();
        self.with_lazy(|lazy, nfa| {
            lazy.search(nfa, text, |m| {
                for &p in m {
                    if !std::mem::replace(&mut seen[p as usize], true) {
                        order.push(p as usize);
                    }
                }
                true
            })
        });
        order
    }

    /// Whether the relaxed answer might differ from the exact one on `text`: some gap's class
    /// has a run in `text` longer than the gap's bound. `runs` caches the longest runs of the
    /// classes across the patterns asked about the same text.
    pub fn exact_needed(&self, text: &[u8], runs: &mut Runs) -> bool {
        self.nfa
            .gaps
            .iter()
            .any(|(set, max)| runs.longest(text, set) > *max as usize)
    }

    /// Does the pattern match anywhere in `text`, every gap within its bound?
    pub fn is_match(&self, text: &[u8], runs: &mut Runs) -> bool {
        if !self.is_match_relaxed(text) {
            return false;
        }
        !self.exact_needed(text, runs) || self.is_match_exact(text)
    }

    /// The exact answer by simulating the NFA with a counter per gap (for a single pattern).
    pub fn is_match_exact(&self, text: &[u8]) -> bool {
        self.with_lazy(|lazy, nfa| lazy.exact(nfa, text))
    }
}

/// The longest run of each gap class in one text, computed on first need.
#[derive(Default)]
pub struct Runs {
    known: Vec<(ByteSet, usize)>,
}

impl Runs {
    fn longest(&mut self, text: &[u8], set: &ByteSet) -> usize {
        if let Some(&(_, n)) = self.known.iter().find(|(c, _)| c == set) {
            return n;
        }
        let (mut longest, mut run) = (0, 0);
        for &b in text {
            if set.contains(b) {
                run += 1;
                longest = longest.max(run);
            } else {
                run = 0;
            }
        }
        self.known.push((*set, longest));
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        let p = Pattern::new(p).unwrap();
        let relaxed = p.is_match_relaxed(t.as_bytes());
        let exact = p.is_match_exact(t.as_bytes());
        let mut runs = Runs::default();
        assert_eq!(p.is_match(t.as_bytes(), &mut runs), exact, "{t:?}");
        assert!(!exact || relaxed);
        exact
    }

    #[test]
    fn basics() {
        assert!(m(r"\bsell\b", "we sell data"));
        assert!(!m(r"\bsell\b", "we reseller"));
        assert!(m(r"^we", "we sell"));
        assert!(!m(r"^sell", "we sell"));
        assert!(m(r"data$", "we sell data"));
        assert!(!m(r"we$", "we sell data"));
        assert!(m(r"a[^.;:]{0,12}b", "a1234567890b"));
        assert!(!m(r"a[^.;:]{0,12}b", "a1234567890123b"));
        assert!(!m(r"a[^.;:]{0,12}b", "a12.34b"));
        assert!(m(r"(?: [a-z'-]+){0,3} x", " a b c x"));
        assert!(m(r"colou?r", "color"));
        assert!(m(r"\d{1,4} days", "for 30 days"));
        assert!(m("", "anything"));
        assert!(m(r"\W*$", "x"));
        assert!(m(r"x\B", "xy"));
        assert!(!m(r"x\B", "x y"));
    }

    #[test]
    fn sets_report_each_pattern() {
        let s = Pattern::set(&["sell", "share", r"\bdata\b", "zzz"]).unwrap();
        assert_eq!(s.matches_relaxed(b"we share data and sell"), vec![0, 1, 2]);
        assert_eq!(
            s.first_matches_relaxed(b"we share data and sell"),
            vec![1, 2, 0]
        );
    }

    #[test]
    fn errors() {
        for p in [
            "(", "a)", "[a", "a{2,1}", "*a", r"\p{L}", "(?i)a", r"\", "a{99999}",
        ] {
            assert!(Pattern::new(p).is_err(), "{p}");
        }
    }

    #[test]
    fn a_full_cache_starts_over() {
        // Many distinct states: every position a new set of counters.
        let p = Pattern::new(r"(?:a|b)*a(?:a|b){12}c").unwrap();
        let text: Vec<u8> = (0..20000)
            .map(|i| if i % 7 < 3 { b'a' } else { b'b' })
            .collect();
        assert!(!p.is_match_relaxed(&text));
        let mut t = text.clone();
        t.extend_from_slice(b"aaaaaaaaaaaaac");
        assert!(p.is_match_relaxed(&t));
    }
}
