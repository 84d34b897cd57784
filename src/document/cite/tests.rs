//! Citations found in real sentences and whole documents, and properties of the recognisers.

use proptest::prelude::*;

use super::date::{DATE, date_parts};
use super::numbered::{ITEM, ItemShape, KEYWORD, item_shape};
use super::old_session::{OLD_GA, roman_value};
use super::written::{WRITTEN_SYMBOL, symbol_parts};
use super::*;
use regex::Regex;

/// One line per citation: the symbol, "charter:PART" or "title:TITLE@DATE".
fn described(c: &Citation) -> String {
    match &c.reference {
        Reference::Symbol(s) => s.to_string(),
        Reference::Charter { part } => format!("charter:{}", part.as_deref().unwrap_or("")),
        Reference::TitleDate { title, date } => format!("title:{title}@{date}"),
    }
}

fn check(text: &str, language: Language) -> Vec<Citation> {
    let found = find_citations(text, language);
    let mut end = 0;
    for c in &found {
        assert_eq!(
            &text[c.range.clone()],
            c.text,
            "range and text disagree in {text:?}"
        );
        assert!(c.range.start >= end, "overlap in {text:?}: {found:?}");
        end = c.range.end;
        match &c.reference {
            Reference::Symbol(s) => {
                assert_eq!(c.symbol.as_ref(), Some(s));
                assert_eq!(c.url.as_deref(), Some(s.url(language).as_str()));
            }
            _ => assert!(c.symbol.is_none() && c.url.is_none()),
        }
        // Before any library: no target, and the paragraph only as the text names it.
        assert!(c.target.is_none());
        assert_eq!(c.paragraph, c.pinpoint);
    }
    found
}

fn symbols(text: &str, language: Language) -> Vec<String> {
    check(text, language).iter().map(described).collect()
}

fn texts(text: &str, language: Language) -> Vec<String> {
    check(text, language).into_iter().map(|c| c.text).collect()
}

fn library(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn real_sentences() {
    use Language::{En, Fr};
    let cases: &[(&str, Language, &[&str])] = &[
        // seeds/000 (A/RES/77/338)
        (
            "Rappelant également sa résolution 59/48 du 2 décembre 2004, par laquelle elle a accordé",
            Fr,
            &["A/RES/59/48"],
        ),
        (
            "Rappelant que, dans sa résolution 71/14, elle avait noté",
            Fr,
            &["A/RES/71/14"],
        ),
        ("¹ Résolution 70/1.", Fr, &["A/RES/70/1"]),
        ("⁴ Résolution 60/288.", Fr, &["A/RES/60/288"]),
        ("⁵ Résolution S-30/1, annexe.", Fr, &["A/RES/S-30/1"]),
        (
            "[sans renvoi à une grande commission (A/77/L.107)]",
            Fr,
            &["A/77/L.107"],
        ),
        (
            "au titre du Chapitre VIII de la Charte des Nations Unies,",
            Fr,
            &["charter:Chapitre VIII"],
        ),
        (
            "Rappelant les articles de la Charte des Nations Unies qui encouragent",
            Fr,
            &["charter:"],
        ),
        (
            "² Nations Unies, *Recueil des Traités*, vol. 2896, n° 50518.",
            Fr,
            &[],
        ),
        ("³ *Ibid.*, vol. 729, n° 10485.", Fr, &[]),
        (
            "définis dans le Programme de développement durable à l'horizon 2030¹,",
            Fr,
            &[],
        ),
        (
            "Résolution adoptée par l'Assemblée générale le 1^{er} septembre 2023\n\n[sans renvoi",
            Fr,
            &[],
        ),
        (
            "4. *Prie* le Secrétaire général de lui présenter un rapport sur l'application de la présente résolution ;",
            Fr,
            &[],
        ),
        // seeds/004, lines 48, 112, 69, 9
        (
            "conformément à la résolution 2231 du Conseil de sécurité des Nations Unies du 20 juillet 2015, appellent",
            Fr,
            &["S/RES/2231 (2015)"],
        ),
        (
            "Les États membres saluent l’adoption de la résolution de l’Assemblée générale des Nations Unies « Coopération entre l’ONU et l’OCS » du 1er septembre 2023, confirmant",
            Fr,
            &["title:Coopération entre l’ONU et l’OCS@2023-09-01"],
        ),
        (
            "la résolution de l'Assemblée générale des Nations Unies « Coopération entre l'ONU et l'OCS » du 1^{er} septembre 2023",
            Fr,
            &["title:Coopération entre l'ONU et l'OCS@2023-09-01"],
        ),
        (
            "la résolution « Coopération entre l’ONU et l’OCS » du 1ᵉʳ septembre 2023",
            Fr,
            &["title:Coopération entre l’ONU et l’OCS@2023-09-01"],
        ),
        (
            "the resolution \"Cooperation between the UN and the SCO\" of 1 September 2023",
            En,
            &["title:Cooperation between the UN and the SCO@2023-09-01"],
        ),
        (
            "the resolution of 1 September 2023 entitled “Cooperation between the UN and the SCO”",
            En,
            &["title:Cooperation between the UN and the SCO@2023-09-01"],
        ),
        (
            "aux principes de l’OCS. Charte des Nations Unies et Charte de l’OCS.",
            Fr,
            &["charter:"],
        ),
        (
            "conformément aux principes de la Charte de l’OCS et de « l’esprit de Shanghai »",
            Fr,
            &[],
        ),
        (
            "Les États membres ont salué la résolution adoptée chaque année par l’Assemblée générale des Nations Unies « Combattre la glorification du nazisme ».",
            Fr,
            &[],
        ),
        (
            "guidés par les décisions du Conseil de la Douma d’État de l’OCS du 17 septembre 2021",
            Fr,
            &[],
        ),
        // unsc
        (
            "2. Calls upon the parties concerned to start immediately after the cease-fire the implementation of Security Council resolution 242 (1967) in all of its parts;",
            En,
            &["S/RES/242 (1967)"],
        ),
        (
            "Taking note of the report submitted by the Secretary-General on 17 May 1991 pursuant to paragraph 9 (b) of\nresolution 687 (1991), 83\nAlso taking note",
            En,
            &["S/RES/687 (1991)"],
        ),
        (
            "Acting under Chapter VII of the Charter of the United\nNations,",
            En,
            &["charter:Chapter VII"],
        ),
        (
            "Recalling its resolutions 54 (1948) of 15 July 1948, 61 (1948) of 4 November 1948 and 62 (1948) of 16 November 1948,",
            En,
            &["S/RES/54 (1948)", "S/RES/61 (1948)", "S/RES/62 (1948)"],
        ),
        (
            "Recalling its resolution\n181 (1963) of 7 August 1963,",
            En,
            &["S/RES/181 (1963)"],
        ),
        (
            "Noting General Assembly resolution 1514 (XV) of 14 December 1960 and all other",
            En,
            &["A/RES/1514 (XV)"],
        ),
        (
            "General Assembly resolutions 2253 (ES-V) and 2254 (ES-V)",
            En,
            &["A/RES/2253 (ES-V)", "A/RES/2254 (ES-V)"],
        ),
        ("1/ S/1994/262.", En, &["S/1994/262"]),
        (
            "Reaffirming its resolution S/RES/1440 (2002) on",
            En,
            &["S/RES/1440 (2002)"],
        ),
        (
            "under Article 94 of the Charter:",
            En,
            &["charter:Article 94"],
        ),
        (
            "under Article 93, paragraph 2, of the Charter of the United Nations",
            En,
            &["charter:Article 93, paragraph 2"],
        ),
        (
            "Mindful of its responsibilities under the Charter for the maintenance",
            En,
            &["charter:"],
        ),
        ("Article 2 of the Charter", En, &["charter:Article 2"]),
        (
            "under the Charter of the Organization of African Unity",
            En,
            &[],
        ),
        (
            "Security Council resolution 2231 of 20 July 2015",
            En,
            &["S/RES/2231 (2015)"],
        ),
        (
            "resolution 2231 of the Security Council",
            En,
            &["S/RES/2231"],
        ),
        // unga/A_RES_73_6
        (
            "Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of\n                 10 December 1982, 54/68 of 6 December 1999, 59/2 of 20 October 2004 and 72/79\n                 of 7 December 2017,",
            En,
            &[
                "A/RES/2453 A (XXIII)",
                "A/RES/37/90",
                "A/RES/54/68",
                "A/RES/59/2",
                "A/RES/72/79",
            ],
        ),
        (
            "[without reference to a Main Committee (A/73/L.6 and A/73/L.6/Add.1)]",
            En,
            &["A/73/L.6", "A/73/L.6/Add.1"],
        ),
        (
            "1\n                 See A/AC.105/1137.",
            En,
            &["A/AC.105/1137"],
        ),
        ("  Resolution 69/283, annex II.", En, &["A/RES/69/283"]),
        (
            "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
            En,
            &["FCCC/CP/2015/10/Add.1"],
        ),
        (
            "Reaffirming, in that regard, General Assembly resolution 51/122 of\n                   13 December 1996, entitled “Declaration on International Cooperation”, and",
            En,
            &["A/RES/51/122"],
        ),
        (
            "the fulfilment of the 2030 Agenda for Sustainable\n Development, 2 of the Sendai Framework for Disaster Risk Reduction 2015–2030 3",
            En,
            &[],
        ),
        // other shapes
        (
            "Rappelant sa décision 31/301 du 16 décembre 1976",
            Fr,
            &["A/DEC/31/301"],
        ),
        (
            "Rappelant sa résolution 3363 (XXX)",
            Fr,
            &["A/RES/3363 (XXX)"],
        ),
        (
            "comme il est dit dans 3363 (XXX), paragraphe 4",
            Fr,
            &["A/RES/3363 (XXX)"],
        ),
        (
            "Economic and Social Council resolution 2015/10",
            En,
            &["E/RES/2015/10"],
        ),
        (
            "paragraph 9 (b), page 12 (1967), article 12 (IV) and 1967",
            En,
            &[],
        ),
        ("the decision 12 hours after", En, &[]),
        ("resolution 5 (1234)", En, &[]),
        (
            "of Security Council resolution 161 A (1961) of 21 February 1961;",
            En,
            &["S/RES/161 (1961)"],
        ),
        (
            "Recalling Article 2, paragraphs 3 and 4, of the Charter\nof the United Nations,",
            En,
            &["charter:Article 2, paragraphs 3 and 4"],
        ),
        (
            "the resolution adopted by the Board of\nGovernors of the Agency on 12 June 1981 on the “military\nattack”",
            En,
            &[],
        ),
    ];
    for (text, language, want) in cases {
        assert_eq!(symbols(text, *language), *want, "in {text:?}");
    }
}

#[test]
fn a_list_gives_one_range_per_number() {
    let text = "Rappelant en outre ses résolutions 64/183 du 18 décembre 2009, 65/124 du 13 décembre 2010, 67/15 du 19 novembre 2012, 69/11 du 11 novembre 2014, 71/14 du 21 novembre 2016, 73/334 du 30 août 2019 et 75/268 du 25 mars 2021 sur la coopération";
    assert_eq!(
        texts(text, Language::Fr),
        [
            "résolutions 64/183",
            "65/124",
            "67/15",
            "69/11",
            "71/14",
            "73/334",
            "75/268"
        ]
    );
    assert_eq!(
        symbols(text, Language::Fr),
        [
            "A/RES/64/183",
            "A/RES/65/124",
            "A/RES/67/15",
            "A/RES/69/11",
            "A/RES/71/14",
            "A/RES/73/334",
            "A/RES/75/268"
        ]
    );
    let first = &find_citations(text, Language::Fr)[0];
    assert_eq!(
        first.url.as_deref(),
        Some("https://undocs.org/fr/A/RES/64/183")
    );
}

#[test]
fn citation_texts_are_as_written() {
    assert_eq!(
        texts(
            "au titre du Chapitre VIII de la Charte des Nations Unies,",
            Language::Fr
        ),
        ["Chapitre VIII de la Charte des Nations Unies"]
    );
    assert_eq!(
        texts(
            "pursuant to paragraph 9 (b) of\nresolution 687 (1991), 83",
            Language::En
        ),
        // The paragraph it names is part of the citation.
        ["paragraph 9 (b) of\nresolution 687 (1991)"]
    );
    assert_eq!(
        texts("Recalling its resolution\n181   (1963) of", Language::En),
        ["resolution\n181   (1963)"]
    );
    assert_eq!(
        texts(
            "la résolution de l’Assemblée générale des Nations Unies « Coopération entre l’ONU et l’OCS » du 1er septembre 2023, confirmant",
            Language::Fr
        ),
        [
            "résolution de l’Assemblée générale des Nations Unies « Coopération entre l’ONU et l’OCS » du 1er septembre 2023"
        ]
    );
}

#[test]
fn whole_seed_resolution() {
    let text = library("seeds/000_44f8ddc2fe2e2702.txt");
    assert_eq!(
        symbols(&text, Language::Fr),
        [
            "A/77/L.107",
            "charter:",
            "A/RES/59/48",
            "A/RES/64/183",
            "A/RES/65/124",
            "A/RES/67/15",
            "A/RES/69/11",
            "A/RES/71/14",
            "A/RES/73/334",
            "A/RES/75/268",
            "charter:Chapitre VIII",
            "A/RES/71/14",
            "A/RES/70/1",
            "A/RES/60/288",
            "A/RES/S-30/1",
            "A/RES/61/210",
        ]
    );
}

#[test]
fn whole_seed_declaration() {
    let text = library("seeds/004_912be11ada29c0f5.txt");
    assert_eq!(
        symbols(&text, Language::Fr),
        [
            "charter:",
            "S/RES/2231 (2015)",
            "charter:",
            "title:Coopération entre l’ONU et l’OCS@2023-09-01",
        ]
    );
}

#[test]
fn whole_security_council_resolutions() {
    let text = library("assets/library/unsc/S_RES_338_1973.txt");
    assert_eq!(
        symbols(&text, Language::En),
        ["S/RES/338 (1973)", "S/RES/242 (1967)"]
    );
    let text = library("assets/library/unsc/S_RES_699_1991.txt");
    assert_eq!(
        symbols(&text, Language::En),
        [
            "S/RES/699 (1991)",
            "S/RES/687 (1991)",
            "S/RES/687 (1991)",
            "charter:Chapter VII",
            "S/RES/687 (1991)",
            "S/RES/687 (1991)",
        ]
    );
}

#[test]
fn whole_general_assembly_resolution() {
    let text = library("assets/library/unga/A_RES_73_6.txt");
    let found = symbols(&text, Language::En);
    for want in [
        "A/RES/2453 A (XXIII)",
        "A/RES/37/90",
        "A/RES/54/68",
        "A/RES/59/2",
        "A/RES/72/79",
        "A/73/L.6",
        "A/73/L.6/Add.1",
        "A/AC.105/1137",
        "A/RES/70/1",
        "A/RES/69/283",
        "A/RES/51/122",
    ] {
        assert!(
            found.iter().any(|f| f == want),
            "{want} missing from {found:?}"
        );
    }
    assert!(!found.iter().any(|f| f.contains("2030")), "{found:?}");
}

/// Every "resolution(s) N (YYYY)" an independent pattern sees is covered by a citation,
/// over 200 Security Council texts picked by a fixed stride.
#[test]
fn security_council_sample_is_covered() {
    let dir = format!("{}/assets/library/unsc", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("unsc folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 200, "only {} files", files.len());
    let stride = files.len() / 200;
    let simple = Regex::new(r"(?i)resolutions?\s+(\d+\s*\(\d{4}\))").expect("test pattern");
    let mut checked = 0;
    for path in files.iter().step_by(stride).take(200) {
        let text = std::fs::read_to_string(path).expect("readable text");
        let found = check(&text, Language::En);
        for caps in simple.captures_iter(&text) {
            let Some(number) = caps.get(1) else { continue };
            let year: u32 = number.as_str()[number.as_str().len() - 5..number.as_str().len() - 1]
                .parse()
                .expect("four digits");
            if !(1946..=2100).contains(&year) {
                continue;
            }
            checked += 1;
            assert!(
                found
                    .iter()
                    .any(|c| c.range.start <= number.start() && number.end() <= c.range.end),
                "{}: {:?} not covered",
                path.display(),
                number.as_str()
            );
        }
    }
    assert!(checked > 100, "only {checked} occurrences checked");
}

#[test]
fn dates() {
    let cases = [
        ("1^{er} septembre 2023", Some("2023-09-01")),
        ("le 1er septembre 2023", Some("2023-09-01")),
        ("1ᵉʳ septembre 2023", Some("2023-09-01")),
        (
            "tenue par visioconférence le 4 juillet 2024 sous la présidence",
            Some("2024-07-04"),
        ),
        ("of 1 September 2023", Some("2023-09-01")),
        (
            "Resolution 242 (1967) of 22 November 1967",
            Some("1967-11-22"),
        ),
        ("adopted on September 1, 2023.", Some("2023-09-01")),
        ("30 août 2019 et 25 mars 2021", Some("2019-08-30")),
        (
            "le 31 février 2023, puis le 28 février 2023",
            Some("2023-02-28"),
        ),
        ("29 February 2024", Some("2024-02-29")),
        // French SC volumes, as OCR gives them (unsc-fr): "ler" for 1er, "1 er", "du … 1973".
        ("en date du ler juin 1970", Some("1970-06-01")),
        ("le 1 er juillet 1970", Some("1970-07-01")),
        ("du 22 octobre 1973", Some("1973-10-22")),
        ("du 9 Janvier 1989", Some("1989-01-09")),
        ("the Tyler March 2020 report", None),
        ("29 February 2023", None),
        ("2021 novembre 2021", None),
        ("en septembre 2022", None),
        ("1^{er}", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_date(text).as_deref(), want, "{text:?}");
    }
}

#[test]
fn titles() {
    let real = "Coopération entre l'Organisation des Nations Unies et l'Organisation de Shanghai pour la coopération";
    let cited = "Coopération entre l’ONU et l’OCS";
    assert!(
        title_similarity(cited, real) >= 0.6,
        "{}",
        title_similarity(cited, real)
    );
    let other = "Combattre la glorification du nazisme";
    assert!(title_similarity(other, real) < 0.2);
    assert!(title_similarity(cited, other) < 0.2);
    let english =
        "Cooperation between the United Nations and the Shanghai Cooperation Organization";
    assert!(title_similarity("Cooperation between the UN and the SCO", english) >= 0.6);
    assert_eq!(title_similarity("", real), 0.0);
    assert_eq!(title_similarity("la et de", real), 0.0);
    let same = title_similarity(real, real);
    assert!((same - 1.0).abs() < 1e-9, "{same}");
}

#[test]
fn roman_numerals() {
    assert_eq!(roman_value("XXIII"), Some(23));
    assert_eq!(roman_value("XXX"), Some(30));
    assert_eq!(roman_value("IV"), Some(4));
    assert_eq!(roman_value("IIII"), None);
    assert_eq!(roman_value("VX"), None);
    assert_eq!(roman_value(""), None);
}

fn fragments() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "résolution",
        "resolutions",
        "décision",
        " ",
        "\n",
        "  ",
        "242",
        "(1967)",
        "(XXIII)",
        "59/48",
        "S-30/1",
        ",",
        " et ",
        " and ",
        "«",
        "»",
        "“",
        "”",
        "\"",
        " du ",
        " of ",
        "1er",
        "1^{er}",
        "ᵉʳ",
        "septembre",
        "September",
        "2023",
        "Charte",
        "Charter",
        "la ",
        "the ",
        "des Nations Unies",
        "Chapitre VIII de ",
        "Article 2 of ",
        "A/77/L.107",
        "S/RES/",
        "A/RES/",
        ".",
        "é",
        "\u{301}",
        "Conseil de sécurité",
        "¹",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn assert_well_formed(text: &str) {
    let found = find_citations(text, Language::Fr);
    let mut end = 0;
    for c in &found {
        assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
        assert!(c.range.start >= end && c.range.start < c.range.end);
        assert_eq!(&text[c.range.clone()], c.text);
        end = c.range.end;
    }
}

/// Dates, numbers and symbols: the shapes the groups of the citation patterns come in.
fn shaped() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        " ",
        "  ",
        "\n",
        "\u{a0}",
        ",",
        ".",
        "/",
        "-",
        "(",
        ")",
        "^{er}",
        "^er",
        "ᵉʳ",
        "er",
        "st",
        "th",
        "1",
        "22",
        "242",
        "2015",
        "1967",
        "٣",
        "١٢",
        "ſ",
        "é",
        "É",
        "janvier",
        "Février",
        "AOÛT",
        "décembre",
        "September",
        "may",
        "ES-",
        "S-",
        "XXIII",
        "IV",
        "L",
        "A",
        "S",
        "E",
        "RES",
        "A/RES/",
        "S/RES/",
        "ST/SGB",
        "résolution",
        "décision",
        "Re\u{301}solutions",
        "DÉCISION",
        "ciſion",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

/// The groups read off a match (`date_parts`, `item_shape`, `symbol_parts`, the keyword's
/// first letter) are the ones the regexes capture.
fn assert_groups_agree(text: &str) {
    for caps in DATE.captures_iter(text) {
        let want = match (caps.name("d1"), caps.name("m1"), caps.name("y1")) {
            (Some(d), Some(m), Some(y)) => (d.as_str(), m.as_str(), y.as_str()),
            _ => (
                caps.name("d2").map_or("", |m| m.as_str()),
                caps.name("m2").map_or("", |m| m.as_str()),
                caps.name("y2").map_or("", |m| m.as_str()),
            ),
        };
        assert_eq!(date_parts(&caps[0]), Some(want), "{:?}", &caps[0]);
    }
    for (at, _) in text.char_indices() {
        let Some(caps) = ITEM.captures(&text[at..]) else {
            continue;
        };
        let name = |n: &str| caps.name(n).map(|m| m.as_str());
        let want = if let Some(m) = name("ecosoc") {
            ItemShape::Ecosoc(m)
        } else if let Some(m) = name("ga") {
            ItemShape::Ga(m)
        } else if let (Some(number), Some(year)) = (name("scn"), name("year")) {
            ItemShape::Council { number, year }
        } else if let (Some(number), Some(roman)) = (name("oldn"), name("roman")) {
            ItemShape::Old {
                number,
                letter: name("letter"),
                roman,
            }
        } else {
            ItemShape::Bare(name("bare").expect("one branch matched"))
        };
        assert_eq!(item_shape(&caps[0]), Some(want), "{:?}", &caps[0]);
    }
    for caps in OLD_GA.captures_iter(text) {
        let want = ItemShape::Old {
            number: &caps["n"],
            letter: caps.name("letter").map(|m| m.as_str()),
            roman: &caps["roman"],
        };
        assert_eq!(item_shape(&caps[0]), Some(want), "{:?}", &caps[0]);
    }
    for caps in WRITTEN_SYMBOL.captures_iter(text) {
        let want = (&caps["sym"], caps.name("paren").map_or("", |m| m.as_str()));
        assert_eq!(symbol_parts(&caps[0]), want, "{:?}", &caps[0]);
    }
    for caps in KEYWORD.captures_iter(text) {
        let decision = matches!(caps[0].as_bytes().first(), Some(b'd' | b'D'));
        assert_eq!(decision, caps.name("dec").is_some(), "{:?}", &caps[0]);
    }
}

#[test]
fn groups_read_off_real_matches() {
    for text in [
        "le 1er septembre 2023 et le 1^{er} août 2024, September 1, 2023",
        "resolutions 242 (1967), 161 A (1961), 2453 A (XXIII), 2253 (ES-V), 77/338, S-30/1",
        "E/RES/2015/10, A/RES/1440 (2002), S/RES/1440  (2002) and décision 31/301",
    ] {
        assert_groups_agree(text);
    }
    assert_groups_agree(&library("assets/library/unga/A_RES_73_6.txt"));
    assert_groups_agree(&library("seeds/000_44f8ddc2fe2e2702.txt"));
}

proptest! {
    #[test]
    fn groups_read_off_matches_agree(text in shaped()) {
        assert_groups_agree(&text);
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        assert_well_formed(&text);
        let _ = parse_date(&text);
        let _ = title_similarity(&text, "Coopération");
    }

    #[test]
    fn never_panics_on_citation_like_text(text in fragments()) {
        assert_well_formed(&text);
        let _ = parse_date(&text);
    }
}

/// Forms that cite a paragraph, several documents at once, or another body's resolutions.
#[test]
fn paragraphs_joined_symbols_addenda_and_other_bodies() {
    let cited = |text: &str| -> Vec<(String, Option<String>)> {
        check(text, Language::En)
            .into_iter()
            .map(|c| (described(&c), c.paragraph))
            .collect()
    };
    let one = |s: &str, p: Option<&str>| (s.to_string(), p.map(str::to_string));
    assert_eq!(
        cited("Recalling paragraph 26 of resolution 687 (1991),"),
        [one("S/RES/687 (1991)", Some("OP26"))]
    );
    assert_eq!(
        cited("as requested in operative paragraph 3 of its resolution 1483 (2003)"),
        [one("S/RES/1483 (2003)", Some("OP3"))]
    );
    assert_eq!(
        cited("the letter contained in document A/57/759-S/2003/332"),
        [one("A/57/759", None), one("S/2003/332", None)]
    );
    assert_eq!(
        cited("the report of the Secretary-General (S/25354 and Add.1 and 2)"),
        [
            one("S/25354", None),
            one("S/25354/Add.1", None),
            one("S/25354/Add.2", None)
        ]
    );
    assert_eq!(
        cited("Recalling its resolution No. ES-11/1 of 2 March 2022"),
        [one("A/RES/ES-11/1", None)]
    );
    assert_eq!(
        cited("Economic and Social Council resolution 2017/18 of 6 July 2017"),
        [one("E/RES/2017/18", None)]
    );
    assert_eq!(
        cited("Human Rights Council resolution 53/1 of 11 July 2023"),
        [one("A/HRC/RES/53/1", None)]
    );
    assert_eq!(
        cited("United Nations Environment Assembly resolution 5/14 of 2 March 2022"),
        [one("UNEP/EA.5/Res.14", None)]
    );
    assert_eq!(cited("World Health Assembly resolution 71.3"), []);
    assert_eq!(
        cited("the report of the Secretary-General (A/58/874/Add.1)"),
        [one("A/58/874/Add.1", None)]
    );
    assert_eq!(
        check(
            "conformément au paragraphe 4 de sa résolution 1373 (2001)",
            Language::Fr
        )
        .into_iter()
        .map(|c| c.paragraph)
        .collect::<Vec<_>>(),
        [Some("OP4".to_string())]
    );
    assert_eq!(
        cited("in accordance with Article 2, paragraph 4, of the Charter"),
        [one("charter:Article 2, paragraph 4", Some("Art2(4)"))]
    );
    // Resolutions in parts (A/RES/80/27, 80/60): the part's letter is read over, the list goes
    // on.
    assert_eq!(
        cited(
            "Recalling its resolutions 45/58 P of 4 December 1990, 46/36 I of 6 December 1991, 47/52 J of 9 December 1992 and 79/25 of 2 December 2024,"
        ),
        [
            one("A/RES/45/58", None),
            one("A/RES/46/36", None),
            one("A/RES/47/52", None),
            one("A/RES/79/25", None)
        ]
    );
    assert_eq!(
        cited("its resolutions 40/151 G, 41/60 D and 43/76 D and its resolutions"),
        [
            one("A/RES/40/151", None),
            one("A/RES/41/60", None),
            one("A/RES/43/76", None)
        ]
    );
    // "resolution 77/1 A new …" is no part; a decision in another body's document is not the
    // General Assembly's (A/RES/80/3, footnote 11).
    assert_eq!(
        cited("resolution 77/1 A new agenda"),
        [one("A/RES/77/1", None)]
    );
    assert_eq!(
        cited(
            "United Nations Environment Programme, document CBD/COP/15/17, decision 15/4, annex."
        ),
        []
    );
}
