//! From sentences and rule hits to a report.

use std::sync::OnceLock;

use crate::document::{Document, Sentence};
use crate::lang;
use crate::normalize::normalize_into;
use crate::pattern::Pattern;
use crate::policy;
use crate::report::*;
use crate::rules::{Cue, Matcher, RULES};

/// At most this many evidence sentences per practice.
const MAX_EVIDENCE: usize = 3;
/// At most this many distinct periods are listed in `retention.details.periods`.
const MAX_PERIODS: usize = 10;

/// One rule that holds in one sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub sentence: usize,
    pub rule: usize,
}

impl Hit {
    pub(crate) fn cue(self) -> Cue {
        RULES[self.rule].cue
    }
}

/// The sentences of a document with their normalised text and the rules that hold in each.
pub(crate) struct Reading<'d> {
    pub doc: &'d Document,
    pub sentences: Vec<Sentence>,
    /// Normalised sentences, concatenated; `norm_ends[i]` is where sentence `i` ends.
    pub norm: String,
    pub norm_ends: Vec<usize>,
    pub hits: Vec<Hit>,
}

impl<'d> Reading<'d> {
    /// Reads the document: one pass of the rule set over every sentence.
    pub(crate) fn new(doc: &'d Document) -> Reading<'d> {
        let matcher = Matcher::get();
        let sentences = doc.sentences();
        let mut norm = String::with_capacity(doc.text().len());
        let mut norm_ends = Vec::with_capacity(sentences.len());
        let mut hits = Vec::new();
        let mut found = Vec::new();
        let mut section: Option<Cue> = None;
        let mut section_block = usize::MAX;
        for (i, s) in sentences.iter().enumerate() {
            let from = norm.len();
            normalize_into(&doc.text()[s.start..s.end], &mut norm);
            norm.push(' ');
            norm_ends.push(norm.len());
            matcher.matching(&norm.as_bytes()[from..], &mut found);
            if s.heading && section_block != s.block {
                // A new heading opens a new section; its topic comes from its own rule hits.
                section = found
                    .iter()
                    .map(|&r| RULES[r].cue)
                    .find(|c| matches!(c, Cue::SectionRetention | Cue::SectionCookies));
                section_block = s.block;
            }
            for &r in &found {
                let rule = &RULES[r];
                if let Some(need) = rule.section {
                    if section != Some(need.cue()) {
                        continue;
                    }
                }
                hits.push(Hit {
                    sentence: i,
                    rule: r,
                });
            }
        }
        Reading {
            doc,
            sentences,
            norm,
            norm_ends,
            hits,
        }
    }

    /// The normalised text of sentence `i`.
    pub(crate) fn norm_of(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.norm_ends[i - 1] };
        &self.norm[from..self.norm_ends[i]]
    }

    fn with(&self, cues: &[Cue]) -> Vec<Hit> {
        self.hits
            .iter()
            .copied()
            .filter(|h| cues.contains(&h.cue()))
            .collect()
    }

    fn has(&self, cue: Cue) -> bool {
        self.hits.iter().any(|h| h.cue() == cue)
    }

    /// A decided practice: its verdict, level and headline, with `hits` as evidence.
    fn decided<V, D>(
        &self,
        verdict: V,
        level: Level,
        headline: String,
        hits: &[Hit],
        details: D,
    ) -> Practice<V, D> {
        Practice {
            verdict,
            level,
            headline,
            reason: None,
            evidence: self.evidence(hits),
            details,
        }
    }

    /// Evidence for the given hits: distinct sentences, in the order of `hits`.
    fn evidence(&self, hits: &[Hit]) -> Vec<Evidence> {
        let mut out: Vec<Evidence> = Vec::new();
        for h in hits {
            if out.len() == MAX_EVIDENCE {
                break;
            }
            let s = self.sentences[h.sentence];
            if out.iter().any(|e| e.start == s.start) {
                continue;
            }
            out.push(self.quote(s, RULES[h.rule].id));
        }
        out
    }

    fn quote(&self, s: Sentence, rule: &'static str) -> Evidence {
        let text = self.doc.text();
        Evidence {
            quote: text[s.start..s.end].to_string(),
            start: s.start,
            end: s.end,
            start_utf16: 0,
            end_utf16: 0,
            block: s.block,
            rule,
        }
    }
}

/// Fills `start_utf16`/`end_utf16` of every evidence item in one pass over the text.
fn fill_utf16(text: &str, items: &mut [&mut Evidence]) {
    let mut marks: Vec<(usize, usize, bool)> = Vec::with_capacity(items.len() * 2);
    for (i, e) in items.iter().enumerate() {
        marks.push((e.start, i, true));
        marks.push((e.end, i, false));
    }
    marks.sort_unstable();
    let (mut byte, mut units) = (0usize, 0usize);
    let mut chars = text.char_indices().peekable();
    for (at, i, is_start) in marks {
        while let Some(&(b, c)) = chars.peek() {
            if b >= at {
                break;
            }
            units += c.len_utf16();
            byte = b + c.len_utf8();
            chars.next();
        }
        debug_assert!(byte <= at);
        if is_start {
            items[i].start_utf16 = units;
        } else {
            items[i].end_utf16 = units;
        }
    }
}

/// Options of an analysis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Give verdicts even when the text does not read as a privacy policy
    /// ("analyze this page anyway"). A language the rules do not cover is never analyzed.
    pub force: bool,
}

/// Analyzes a document.
pub fn analyze_document(doc: &Document, options: Options) -> Report {
    let reading = Reading::new(doc);
    let language = lang::detect(doc.text());
    let policy = policy::assess(&reading);
    let title = title_of(doc);
    let stats = Stats {
        bytes: doc.text().len(),
        blocks: doc.blocks().len(),
        sentences: reading.sentences.len(),
    };

    let english = language.code == "en" || (language.code == "und" && !language.reliable);
    let reason = if !english {
        Some(format!(
            "The text is in {} ({}); policy-lens reads English policies only so far.",
            language_name(language.code),
            language.code
        ))
    } else if !policy.is_policy && !options.force {
        Some("The text does not read as a privacy policy.".to_string())
    } else {
        None
    };
    let mut report = Report {
        version: crate::VERSION,
        is_policy: policy.is_policy,
        policy_confidence: policy.confidence,
        language: language.code,
        language_confidence: language.confidence,
        title,
        stats,
        practices: match &reason {
            Some(r) => not_analyzed(r),
            None => Practices {
                tracking: tracking(&reading),
                sale: sale(&reading),
                retention: retention(&reading),
            },
        },
        findings: if reason.is_some() {
            Vec::new()
        } else {
            findings(&reading)
        },
    };
    let p = &mut report.practices;
    let mut all: Vec<&mut Evidence> = p
        .tracking
        .evidence
        .iter_mut()
        .chain(p.sale.evidence.iter_mut())
        .chain(p.retention.evidence.iter_mut())
        .chain(report.findings.iter_mut().map(|f| &mut f.evidence))
        .collect();
    fill_utf16(doc.text(), &mut all);
    report
}

fn title_of(doc: &Document) -> Option<String> {
    doc.blocks()
        .iter()
        .take(8)
        .filter(|b| matches!(b.kind, crate::BlockKind::Title | crate::BlockKind::Heading))
        .map(|b| doc.text()[b.start..b.end].trim_start_matches(['#', ' ']))
        // A lone "#" or a block of invisible characters is no title.
        .find(|t| t.chars().any(char::is_alphanumeric))
        .map(|t| {
            let mut s: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.len() > 120 {
                let mut cut = 117;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
                s.push_str("...");
            }
            s
        })
}

fn not_analyzed(reason: &str) -> Practices {
    fn practice<V, D>(verdict: V, details: D, reason: &str) -> Practice<V, D> {
        Practice {
            verdict,
            level: Level::Unknown,
            headline: "Not analyzed".to_string(),
            reason: Some(reason.to_string()),
            evidence: Vec::new(),
            details,
        }
    }
    Practices {
        tracking: practice(
            TrackingVerdict::NotAnalyzed,
            tracking_details_empty(),
            reason,
        ),
        sale: practice(
            SaleVerdict::NotAnalyzed,
            SaleDetails {
                business_transfer: false,
                opt_out: false,
                denial: false,
            },
            reason,
        ),
        retention: practice(
            RetentionVerdict::NotAnalyzed,
            RetentionDetails {
                periods: Vec::new(),
                after_deletion: false,
            },
            reason,
        ),
    }
}

fn tracking_details_empty() -> TrackingDetails {
    TrackingDetails {
        advertising: false,
        analytics: false,
        cross_site: false,
        do_not_track: DntStance::NotMentioned,
        third_parties: Vec::new(),
    }
}

fn tracking(r: &Reading) -> Practice<TrackingVerdict, TrackingDetails> {
    use Cue::*;
    let third = r.with(&[
        TrackingCrossSite,
        TrackingAdNetwork,
        TrackingAnalyticsProvider,
        TrackingThirdParty,
    ]);
    let first = r.with(&[TrackingFirstParty]);
    let none = r.with(&[TrackingNone]);
    let mut details = tracking_details_empty();
    details.advertising = r.has(TrackingAdNetwork) || r.has(TrackingCrossSite);
    details.analytics = r.has(TrackingAnalytics) || r.has(TrackingAnalyticsProvider);
    details.cross_site = r.has(TrackingCrossSite);
    details.do_not_track = if r.has(TrackingDntHonored) {
        DntStance::Honored
    } else if r.has(TrackingDntNotHonored) {
        DntStance::NotHonored
    } else {
        DntStance::NotMentioned
    };
    details.third_parties = vendors(r, &third);

    let (verdict, mut evidence_hits) = if !third.is_empty() {
        (TrackingVerdict::ThirdParty, third)
    } else if !none.is_empty() {
        // An explicit "we do not use cookies / do not track you" outweighs mentions of logs
        // or strictly necessary cookies elsewhere.
        (TrackingVerdict::None, none)
    } else if !first.is_empty() {
        (TrackingVerdict::FirstParty, first)
    } else {
        (TrackingVerdict::NotMentioned, Vec::new())
    };
    // Most telling first: named vendors and cross-site tracking before generic mentions.
    evidence_hits.sort_by_key(|h| {
        let rank = match h.cue() {
            TrackingCrossSite => 0,
            TrackingAnalyticsProvider | TrackingAdNetwork => 1,
            _ => 2,
        };
        (rank, h.sentence)
    });
    let headline = match verdict {
        TrackingVerdict::ThirdParty => {
            let who = if details.third_parties.is_empty() {
                String::new()
            } else {
                format!(" ({})", list_names(&details.third_parties, 3))
            };
            if details.cross_site || details.advertising {
                format!("Lets advertisers and other third parties track you{who}")
            } else {
                format!("Lets third parties collect data about your visits{who}")
            }
        }
        TrackingVerdict::FirstParty => {
            "Uses its own cookies or logs; no third-party tracking named".to_string()
        }
        TrackingVerdict::None => "Says it uses no cookies or tracking technologies".to_string(),
        _ => "Cookies and tracking are not mentioned".to_string(),
    };
    r.decided(verdict, verdict.level(), headline, &evidence_hits, details)
}

fn list_names(names: &[String], max: usize) -> String {
    let mut s = names
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > max {
        s.push_str(&format!(" and {} more", names.len() - max));
    }
    s
}

/// Known third-party tracker products, found in the sentences that support third-party tracking.
fn vendors(r: &Reading, hits: &[Hit]) -> Vec<String> {
    static SET: OnceLock<Pattern> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let words: Vec<String> = VENDORS
            .iter()
            .map(|(p, _)| format!(r"\b(?:{p})\b"))
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        Pattern::set(&words).expect("vendor patterns compile (checked by a test)")
    });
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for h in hits {
        if !seen.insert(h.sentence) {
            continue;
        }
        for i in set.first_matches_relaxed(r.norm_of(h.sentence).as_bytes()) {
            let name = VENDORS[i].1.to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// (pattern, display name) of tracker products named in policies.
const VENDORS: &[(&str, &str)] = &[
    ("google analytics|ga4", "Google Analytics"),
    ("doubleclick", "DoubleClick"),
    ("google ad ?words|google ads|adwords", "Google Ads"),
    ("adsense", "AdSense"),
    ("google tag manager", "Google Tag Manager"),
    ("firebase", "Firebase"),
    ("crashlytics", "Crashlytics"),
    ("admob", "AdMob"),
    (
        "(?:facebook|meta) (?:pixel|sdk|analytics|audience network|custom audiences)",
        "Meta Pixel",
    ),
    ("hotjar", "Hotjar"),
    ("mixpanel", "Mixpanel"),
    ("amplitude", "Amplitude"),
    ("segment\\.(?:io|com)", "Segment"),
    ("adobe analytics|omniture", "Adobe Analytics"),
    ("quantcast", "Quantcast"),
    ("comscore", "comScore"),
    ("nielsen", "Nielsen"),
    ("criteo", "Criteo"),
    ("taboola", "Taboola"),
    ("outbrain", "Outbrain"),
    ("appnexus|xandr", "AppNexus"),
    ("appsflyer", "AppsFlyer"),
    ("adjust(?:\\.com| gmbh| sdk)", "Adjust"),
    ("kochava", "Kochava"),
    ("branch\\.io|branch metrics", "Branch"),
    ("applovin", "AppLovin"),
    ("unity ads", "Unity Ads"),
    ("ironsource", "ironSource"),
    ("linkedin insight", "LinkedIn Insight Tag"),
    ("tiktok pixel", "TikTok Pixel"),
    ("twitter pixel|twitter conversion", "Twitter Pixel"),
    ("bing ads|microsoft advertising", "Microsoft Advertising"),
    ("microsoft clarity", "Microsoft Clarity"),
    ("new relic", "New Relic"),
    ("fullstory", "FullStory"),
    ("heap analytics", "Heap"),
    ("kissmetrics", "Kissmetrics"),
    ("chartbeat", "Chartbeat"),
    ("flurry", "Flurry"),
    ("scorecard research|scorecardresearch", "Scorecard Research"),
    ("atlas", "Atlas"),
];

fn sale(r: &Reading) -> Practice<SaleVerdict, SaleDetails> {
    use Cue::*;
    let strong = r.with(&[SaleLawSale, SaleSells, SaleTheirMarketing]);
    let denial = r.with(&[SaleDenial]);
    let opt_out = r.with(&[SaleOptOut]);
    let transfer = r.with(&[SaleBusinessTransfer]);
    let details = SaleDetails {
        business_transfer: !transfer.is_empty(),
        opt_out: !opt_out.is_empty(),
        denial: !denial.is_empty(),
    };
    let law = strong.iter().any(|h| h.cue() == SaleLawSale)
        || (!opt_out.is_empty() && !strong.is_empty());
    let (verdict, hits, headline): (SaleVerdict, Vec<Hit>, String) = if !strong.is_empty() {
        let mut hits = strong.clone();
        hits.sort_by_key(|h| {
            (
                h.cue() != SaleLawSale && h.cue() != SaleTheirMarketing,
                h.sentence,
            )
        });
        let headline = if law || (details.denial && !opt_out.is_empty()) {
            "Shares your data with advertisers \u{2014} a \u{2018}sale\u{2019} or \u{2018}sharing\u{2019} under California law".to_string()
        } else if strong.iter().any(|h| h.cue() == SaleSells) {
            "Sells or rents your personal information".to_string()
        } else {
            "Gives your data to other companies for their own marketing".to_string()
        };
        hits.extend(opt_out.iter().copied());
        (SaleVerdict::Sells, hits, headline)
    } else if !denial.is_empty()
        && opt_out
            .iter()
            .all(|h| RULES[h.rule].id == "sale.opt_out_link")
    {
        let headline = if details.business_transfer {
            "Says it does not sell your data (it may pass to a buyer of the company)".to_string()
        } else {
            "Says it does not sell your personal information".to_string()
        };
        let mut hits = denial;
        hits.extend(transfer.iter().copied());
        (SaleVerdict::NoSale, hits, headline)
    } else if !opt_out.is_empty() {
        // A "Do Not Sell or Share" opt-out is offered because some disclosure counts as a sale
        // or sharing (spec: sale), even next to a "we do not sell" that means money only.
        (
            SaleVerdict::Sells,
            opt_out,
            "Offers a \u{2018}Do Not Sell or Share\u{2019} opt-out: your data is sold or shared for ads".to_string(),
        )
    } else {
        let headline = if details.business_transfer {
            "Does not say whether it sells your data (it may pass to a buyer of the company)"
                .to_string()
        } else {
            "Does not say whether your data is sold".to_string()
        };
        (SaleVerdict::NotMentioned, transfer, headline)
    };
    r.decided(verdict, verdict.level(), headline, &hits, details)
}

fn retention(r: &Reading) -> Practice<RetentionVerdict, RetentionDetails> {
    use Cue::*;
    let mut indefinite = r.with(&[RetentionIndefinite, RetentionAfterDeletion]);
    // When the policy says its backups are kept only for a limited time, the copies it says
    // remain in backups after deletion are bounded too (spec: retention).
    if r.hits
        .iter()
        .any(|h| RULES[h.rule].id == "retention.backup_limited")
    {
        indefinite.retain(|h| RULES[h.rule].id != "retention.after_deletion");
    }
    let period = r.with(&[RetentionPeriod]);
    let as_needed = r.with(&[RetentionAsNeeded]);
    let unspecified = r.with(&[RetentionUnspecified]);
    let periods = periods(r, &period);
    let after_deletion = r.has(RetentionAfterDeletion);
    let (verdict, hits) = if !indefinite.is_empty() {
        (RetentionVerdict::Indefinite, indefinite)
    } else if !period.is_empty() && !periods.is_empty() {
        (RetentionVerdict::StatedPeriod, period)
    } else if !as_needed.is_empty() {
        (RetentionVerdict::AsNeeded, as_needed)
    } else if !unspecified.is_empty() {
        (RetentionVerdict::Unspecified, unspecified)
    } else {
        (RetentionVerdict::NotMentioned, Vec::new())
    };
    let headline = match verdict {
        RetentionVerdict::Indefinite => {
            let after: Vec<&Hit> = hits
                .iter()
                .filter(|h| h.cue() == RetentionAfterDeletion)
                .collect();
            if let Some(h) = after.first() {
                let s = r.norm_of(h.sentence);
                let place = if s.contains("archiv") {
                    "archival databases"
                } else if s.contains("backup") || s.contains("back-up") || s.contains("back up") {
                    "backups"
                } else {
                    "other copies"
                };
                format!("Kept after you delete it: may stay in {place}")
            } else {
                "May keep your data indefinitely".to_string()
            }
        }
        RetentionVerdict::StatedPeriod => {
            format!("Keeps data for a stated time ({})", list_names(&periods, 3))
        }
        RetentionVerdict::AsNeeded => {
            "Keeps data as long as needed for its purposes or required by law".to_string()
        }
        RetentionVerdict::Unspecified => {
            "Keeps your data, but does not say for how long".to_string()
        }
        _ => "Does not say how long it keeps your data".to_string(),
    };
    r.decided(
        verdict,
        verdict.level(),
        headline,
        &hits,
        RetentionDetails {
            periods,
            after_deletion,
        },
    )
}

/// Concrete periods ("30 days", "13 months") in the sentences that state a retention period.
fn periods(r: &Reading, hits: &[Hit]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in hits {
        for (n, kind, unit) in period_mentions(r.norm_of(h.sentence).as_bytes()) {
            if out.len() == MAX_PERIODS {
                return out;
            }
            let n = word_number(n)
                .map(|v| v.to_string())
                .unwrap_or_else(|| n.to_string());
            let p = format!("{n} {kind}{unit}{}", if n == "1" { "" } else { "s" });
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// Number words that can count a period.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "eighteen",
    "twenty",
    "twenty-four",
    "thirty",
    "sixty",
    "ninety",
];

/// The periods named in a normalised sentence, left to right, as (count, kind, unit): "30 days",
/// "thirteen (13) months", "30-day", "one calendar year" (kind "calendar "), "10 business
/// days", "for a year" (count "1"), "within an hour". A count is
/// up to four digits or a [`NUMBER_WORDS`] word; "a"/"an" counts only after "for", "least",
/// "to", "of", "about" or "within".
fn period_mentions(s: &[u8]) -> Vec<(&str, &'static str, &'static str)> {
    const UNITS: &[&str] = &["hour", "day", "week", "month", "year"];
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let text = |a: usize, b: usize| std::str::from_utf8(&s[a..b]).unwrap_or("");
    // After the count: `[ -]`, an optional "calendar"/"business"/"full", the unit with an
    // optional plural `s`, ending at a word boundary (the rules' `{unit}`).
    let unit_at = |i: usize| -> Option<(&'static str, &'static str, usize)> {
        if !matches!(s.get(i), Some(b' ' | b'-')) {
            return None;
        }
        let mut at = i + 1;
        let kind = ["calendar ", "business ", "full "]
            .into_iter()
            .find(|k| s.get(at..).is_some_and(|r| r.starts_with(k.as_bytes())))
            .unwrap_or("");
        at += kind.len();
        UNITS.iter().find_map(|u| {
            let rest = s.get(at..)?;
            let mut end = at + u.len();
            if !rest.starts_with(u.as_bytes()) {
                return None;
            }
            if s.get(end) == Some(&b's') {
                end += 1;
            }
            (!s.get(end).is_some_and(|&b| word(b))).then_some((kind, *u, end))
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !word(s[i]) || (i > 0 && word(s[i - 1])) {
            i += 1;
            continue;
        }
        let mut found = None;
        // A count: digits, or a number word, then an optional " (13)".
        let digits = s[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let mut counts: Vec<usize> = Vec::new();
        if (1..=4).contains(&digits) {
            counts.push(i + digits);
        }
        for w in NUMBER_WORDS {
            let end = i + w.len();
            if s[i..].starts_with(w.as_bytes()) && !s.get(end).is_some_and(|&b| word(b)) {
                counts.push(end);
            }
        }
        for end in counts {
            if s[end..].starts_with(b" (") {
                let d = s[end + 2..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if (1..=4).contains(&d) && s.get(end + 2 + d) == Some(&b')') {
                    if let Some(u) = unit_at(end + 3 + d) {
                        found = Some((text(i, end), u));
                        break;
                    }
                }
            }
            if let Some(u) = unit_at(end) {
                found = Some((text(i, end), u));
                break;
            }
        }
        // "for a year", "at least an hour", "within a full day".
        if found.is_none() {
            for lead in ["for", "least", "to", "of", "about", "within"] {
                if !s[i..].starts_with(lead.as_bytes()) {
                    continue;
                }
                let mut j = i + lead.len();
                if s[j..].starts_with(b" an") && !s.get(j + 3).is_some_and(|&b| word(b)) {
                    j += 3;
                } else if s[j..].starts_with(b" a") && !s.get(j + 2).is_some_and(|&b| word(b)) {
                    j += 2;
                } else {
                    continue;
                }
                if let Some(u) = unit_at(j) {
                    found = Some(("1", u));
                }
                if found.is_some() {
                    break;
                }
            }
        }
        match found {
            Some((n, (kind, unit, end))) => {
                out.push((n, kind, unit));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn word_number(w: &str) -> Option<u32> {
    const WORDS: &[(&str, u32)] = &[
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("eighteen", 18),
        ("twenty", 20),
        ("twenty-four", 24),
        ("thirty", 30),
        ("sixty", 60),
        ("ninety", 90),
    ];
    WORDS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn findings(r: &Reading) -> Vec<Finding> {
    use Cue::*;
    const KINDS: &[(Cue, &str, &str)] = &[
        (
            FindingChildren,
            "children",
            "Says how it treats children's data",
        ),
        (
            FindingRights,
            "rights",
            "Lets you access or delete your data",
        ),
        (
            FindingLocation,
            "location",
            "Collects your precise location",
        ),
        (
            FindingTransfer,
            "international_transfer",
            "Moves your data to other countries",
        ),
    ];
    KINDS
        .iter()
        .filter_map(|&(cue, id, headline)| {
            let h = r.hits.iter().find(|h| h.cue() == cue)?;
            Some(Finding {
                id,
                headline,
                evidence: r.quote(r.sentences[h.sentence], RULES[h.rule].id),
            })
        })
        .collect()
}

/// The rules (ids) that hold in one sentence on its own; used by the rule tests.
#[doc(hidden)]
pub fn rules_in_sentence(sentence: &str) -> Vec<&'static str> {
    let mut norm = String::new();
    normalize_into(sentence, &mut norm);
    norm.push(' ');
    let mut found = Vec::new();
    Matcher::get().matching(norm.as_bytes(), &mut found);
    found.into_iter().map(|r| RULES[r].id).collect()
}

/// English name of a language code that the language detector returns.
pub fn language_name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "nl" => "Dutch",
        "it" => "Italian",
        "pt" => "Portuguese",
        "da" => "Danish",
        "sv" => "Swedish",
        "no" => "Norwegian",
        "cs" => "Czech",
        "pl" => "Polish",
        "ko" => "Korean",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ru" => "Russian",
        "ar" => "Arabic",
        "he" => "Hebrew",
        "el" => "Greek",
        "th" => "Thai",
        _ => "an unrecognised language",
    }
}

#[cfg(test)]
mod tests {
    use super::period_mentions;

    fn periods(s: &str) -> Vec<String> {
        period_mentions(s.as_bytes())
            .into_iter()
            .map(|(n, kind, unit)| format!("{n} {kind}{unit}"))
            .collect()
    }

    #[test]
    fn periods_are_read_with_their_count_and_kind() {
        assert_eq!(
            periods("we keep logs for 30 days and backups 13 months"),
            ["30 day", "13 month"]
        );
        assert_eq!(
            periods("thirteen (13) months, then a 30-day grace period"),
            ["thirteen month", "30 day"]
        );
        assert_eq!(periods("twenty-four hours"), ["twenty-four hour"]);
        assert_eq!(
            periods("for a year, at least an hour, within a full day"),
            ["1 year", "1 hour", "1 full day"]
        );
        // Regression: "one calendar year" matched the period rule but gave no period.
        assert_eq!(
            periods("records are purged after one calendar year"),
            ["one calendar year"]
        );
        assert_eq!(
            periods("we reply within 10 business days"),
            ["10 business day"]
        );
        for none in [
            "12345 days",
            "2days",
            "for another day",
            "a year",
            "daily",
            "100 dayside",
        ] {
            assert!(periods(none).is_empty(), "{none}: {:?}", periods(none));
        }
    }
}
