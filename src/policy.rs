//! Is the text a privacy policy at all?
//!
//! A score from a few readable signals, turned into a confidence with a logistic curve:
//! a privacy-policy title or heading, the text calling itself "this privacy policy", how many
//! of a policy's usual topics it covers (collection, personal information, sharing, rights,
//! contact, cookies, sale, retention), how much of it talks about personal data, against
//! signals of terms of service (a "Terms of Use" title, "you agree", "liability"), of page
//! chrome (cookie banners, log-in forms, error pages) and of very short texts.
//!
//! Repetition adds nothing: every signal is counted over the *distinct* sentences only (a
//! sentence that occurred before, after normalisation, is skipped), so a page that repeats
//! "Privacy Policy" or one policy sentence ten thousand times reads as what it says once.

use std::collections::HashSet;

use crate::analyze::Reading;
use crate::rules::Cue;

/// The outcome of the policy check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PolicyCheck {
    pub is_policy: bool,
    pub confidence: f32,
}

/// Signals counted over a reading.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Signals {
    pub words: usize,
    pub sentences: usize,
    pub privacy_title: bool,
    pub terms_title: bool,
    pub self_reference: usize,
    pub topics: usize,
    pub personal_sentences: usize,
    pub terms_sentences: usize,
    pub chrome_sentences: usize,
}

pub(crate) fn signals(r: &Reading) -> Signals {
    use Cue::*;
    let mut s = Signals::default();
    // Only the first occurrence of each sentence counts.
    let mut seen: HashSet<&str> = HashSet::new();
    let distinct: Vec<bool> = (0..r.sentences.len())
        .map(|i| seen.insert(r.norm_of(i).trim_end()))
        .collect();
    for (i, _) in distinct.iter().enumerate().filter(|(_, d)| **d) {
        s.sentences += 1;
        s.words += r.norm_of(i).split(' ').filter(|w| !w.is_empty()).count();
    }
    let mut per_sentence: Vec<u32> = vec![0; r.sentences.len()];
    let mut topics = [false; 8];
    // The first headings say what the document is: a privacy policy, or terms of use.
    let headings: Vec<usize> = r
        .sentences
        .iter()
        .enumerate()
        .filter(|(i, s)| s.heading && distinct[*i])
        .map(|(i, _)| i)
        .take(8)
        .collect();
    let titled_privacy = |i: usize| {
        r.hits
            .iter()
            .any(|h| h.sentence == i && h.cue() == PolicyTitle)
    };
    for h in r.hits.iter().filter(|h| distinct[h.sentence]) {
        let bit = match h.cue() {
            PolicyTitle if headings.contains(&h.sentence) => {
                s.privacy_title = true;
                0
            }
            PolicyTerms if headings.first() == Some(&h.sentence) && !titled_privacy(h.sentence) => {
                s.terms_title = true;
                0
            }
            PolicySelfReference => {
                s.self_reference += 1;
                0
            }
            PolicyCollect => {
                topics[0] = true;
                1
            }
            PolicyPersonal => {
                topics[1] = true;
                1
            }
            PolicyShare => {
                topics[2] = true;
                1
            }
            PolicyRights => {
                topics[3] = true;
                1
            }
            PolicyContact => {
                topics[4] = true;
                0
            }
            TrackingThirdParty
            | TrackingFirstParty
            | TrackingCrossSite
            | TrackingAdNetwork
            | TrackingAnalyticsProvider
            | TrackingNone => {
                topics[5] = true;
                1
            }
            SaleSells | SaleDenial | SaleTheirMarketing | SaleLawSale => {
                topics[6] = true;
                1
            }
            RetentionAsNeeded
            | RetentionPeriod
            | RetentionIndefinite
            | RetentionAfterDeletion
            | RetentionUnspecified => {
                topics[7] = true;
                1
            }
            PolicyTermsLanguage => 2,
            PolicyChrome => 4,
            _ => 0,
        };
        per_sentence[h.sentence] |= bit;
    }
    s.topics = topics.iter().filter(|t| **t).count();
    s.personal_sentences = per_sentence.iter().filter(|b| *b & 1 != 0).count();
    s.terms_sentences = per_sentence.iter().filter(|b| *b & 2 != 0).count();
    s.chrome_sentences = per_sentence.iter().filter(|b| *b & 4 != 0).count();
    s
}

/// The score behind [`assess`]; > 0 reads as a policy.
pub(crate) fn score(s: &Signals) -> f32 {
    let n = s.sentences.max(1) as f32;
    let mut score = -3.0;
    if s.privacy_title {
        score += 3.0;
    }
    if s.self_reference > 0 {
        score += 1.5 + (s.self_reference.min(5) as f32) * 0.2;
    }
    score += s.topics as f32 * 0.6;
    score += (s.personal_sentences as f32 / n).min(0.5) * 4.0;
    if s.terms_title {
        score -= 3.0;
    }
    let terms_weight = if s.privacy_title { 6.0 } else { 12.0 };
    score -= (s.terms_sentences as f32 / n) * terms_weight;
    score -= (s.chrome_sentences as f32 / n) * 6.0;
    if s.words < 60 {
        score -= 3.0;
    } else if s.words < 120 {
        score -= 1.0;
    }
    score
}

pub(crate) fn assess(r: &Reading) -> PolicyCheck {
    let sc = score(&signals(r));
    let confidence = 1.0 / (1.0 + (-sc).exp());
    PolicyCheck {
        is_policy: sc > 0.0,
        confidence: (confidence * 1000.0).round() / 1000.0,
    }
}
