//! The interactive reader driven without a terminal: actions into `update`, frames into a TestBackend.

use crate::common;
use common::{draw as render, text};

use common::Effects;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use plenary::app::{Action, App, Event, Focus, Library, Popup};
use plenary::document::{
    Citation, Corpus, Document, DocumentKind, Footnote, Language, Markup, Paragraph, ParagraphKind,
    Reference, Symbol,
};
use plenary::keymap;
use plenary::search::{Report, SearchRequest, SearchTarget, SearchWorker};
use plenary::store::bookmarks::BookmarkStore;
use plenary::ui::theme;
use ratatui::buffer::Buffer;

// ----- fixtures -----

fn para(id: &str, kind: ParagraphKind, text: &str) -> Paragraph {
    Paragraph {
        id: id.to_string(),
        kind,
        part: None,
        text: text.to_string(),
        markup: Vec::new(),
        footnotes: Vec::new(),
        citations: Vec::new(),
    }
}

fn cite(text_in: &str, cited: &str, symbol: &str) -> Citation {
    let start = text_in
        .find(cited)
        .expect("fixture: cited words are in the text");
    let sym = Symbol::parse(symbol).expect("fixture: valid symbol");
    Citation {
        text: cited.to_string(),
        range: start..start + cited.len(),
        reference: Reference::Symbol(sym.clone()),
        symbol: Some(sym),
        target: None,
        paragraph: None,
        pinpoint: None,
        url: None,
    }
}

/// A/RES/77/338 in French: PP1..PP8 (PP8 calls footnote 1, citing A/RES/70/1, not in the
/// library) and OP1..OP5 with an emphasised verb.
fn resolution() -> Document {
    let mut paragraphs = Vec::new();
    for n in 1..=7 {
        paragraphs.push(para(
            &format!("PP{n}"),
            ParagraphKind::Preambular,
            &format!("Considérant le point {n} de la coopération régionale et l’Organisation,"),
        ));
    }
    let pp8 = "Rappelant sa résolution 70/1 du 25 septembre 2015¹, intitulée « Transformer notre monde »,";
    let mut p = para("PP8", ParagraphKind::Preambular, pp8);
    let sup = pp8.find('¹').expect("fixture");
    p.markup.push(Markup::FootnoteRef {
        start: sup,
        end: sup + '¹'.len_utf8(),
        marker: "1".into(),
    });
    p.footnotes.push("1".into());
    p.citations.push(cite(pp8, "résolution 70/1", "A/RES/70/1"));
    paragraphs.push(p);
    let verbs = ["Décide", "Prie", "Encourage", "Invite", "Décide"];
    for (n, verb) in verbs.iter().enumerate() {
        let text = format!(
            "{}. {verb} de renforcer la coopération entre l’Organisation des Nations Unies et l’Organisation de Shanghai pour la coopération, point {};",
            n + 1,
            n + 1
        );
        let start = text.find(verb).expect("fixture");
        let mut p = para(&format!("OP{}", n + 1), ParagraphKind::Operative, &text);
        p.markup.push(Markup::Emphasis {
            start,
            end: start + verb.len(),
        });
        paragraphs.push(p);
    }
    let note = "Résolution 70/1.";
    Document {
        id: "a-res-77-338".into(),
        path: "bundled:seeds/a-res-77-338.txt".into(),
        file: None,
        collection: "Seeds".into(),
        title: "Coopération entre l’Organisation des Nations Unies et l’Organisation de Shanghai pour la coopération".into(),
        symbol: Symbol::parse("A/RES/77/338"),
        date: Some("2023-09-01".into()),
        kind: DocumentKind::Resolution,
        language: Language::Fr,
        header: Vec::new(),
        paragraphs,
        footnotes: vec![Footnote {
            marker: "1".into(),
            text: note.into(),
            markup: Vec::new(),
            citations: vec![cite(note, "70/1", "A/RES/70/1")],
        }],
        cited_by: Vec::new(),
    }
}

/// The Astana declaration: P1..P112, P112 citing A/RES/77/338 by its title.
fn declaration() -> Document {
    let mut paragraphs: Vec<Paragraph> = (1..=111)
        .map(|n| {
            para(
                &format!("P{n}"),
                ParagraphKind::Body,
                &format!("Les États membres réaffirment l’engagement numéro {n} envers la paix."),
            )
        })
        .collect();
    let text = "Nous saluons la résolution « Coopération entre l’Organisation des Nations Unies et l’Organisation de Shanghai pour la coopération » du 1er septembre 2023.";
    let mut p = para("P112", ParagraphKind::Body, text);
    let mut c = cite(
        text,
        "« Coopération entre l’Organisation des Nations Unies et l’Organisation de Shanghai pour la coopération »",
        "A/RES/77/338",
    );
    c.symbol = None;
    p.citations.push(c);
    paragraphs.push(p);
    Document {
        id: "astana-declaration-2024".into(),
        path: "bundled:seeds/astana-declaration-2024.txt".into(),
        file: None,
        collection: "Seeds".into(),
        title: "Déclaration d’Astana du Conseil des chefs d’État de l’OCS".into(),
        symbol: None,
        date: Some("2024-07-04".into()),
        kind: DocumentKind::Declaration,
        language: Language::Fr,
        header: Vec::new(),
        paragraphs,
        footnotes: Vec::new(),
        cited_by: Vec::new(),
    }
}

fn fixture_app() -> App {
    let corpus = Corpus::from_documents(vec![resolution(), declaration()]);
    let mut app = App::new(Library::new(corpus), BookmarkStore::in_memory(), Vec::new());
    app.update(Event::Resize {
        width: 120,
        height: 40,
    });
    app
}

// ----- driving -----

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    common::press_key(app, KeyEvent::new(code, mods));
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Answers the app's pending queries on this thread, as the worker would.
fn run_searches(app: &mut App) {
    for req in app.take_searches() {
        let hits = answer(app, &req);
        app.update(Event::Search(Report::Results {
            generation: req.generation,
            hits,
        }));
    }
}

fn answer(app: &App, req: &SearchRequest) -> Vec<plenary::search::Hit> {
    match req.target {
        SearchTarget::Documents => app.library.documents.search(&req.query, None, 500),
        SearchTarget::Paragraphs(doc) => app.library.paragraphs.search(&req.query, doc, 500),
    }
}

fn open(app: &mut App, doc_id: &str) {
    let d = app.library.corpus.index_of(doc_id).expect("fixture doc");
    // Through the keys: select it in the list, Enter.
    app.focus = Focus::List;
    app.update(Action::Top);
    while app.list_selected != d {
        let before = app.list_selected;
        app.update(Action::Down);
        assert_ne!(
            before, app.list_selected,
            "document not reachable in the list"
        );
    }
    app.update(Action::Activate);
    assert_eq!(app.doc, d);
    assert_eq!(app.focus, Focus::Pane);
}

fn select_para(app: &mut App, id: &str) {
    let idx = app
        .document()
        .and_then(|d| d.paragraph_index(id))
        .expect("fixture paragraph");
    app.update(Action::Top);
    for _ in 0..idx {
        app.update(Action::Down);
    }
    assert_eq!(app.para, idx);
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

// ----- tests -----

#[test]
fn starts_on_the_list_with_the_first_document_open() {
    let mut app = fixture_app();
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.document().map(|d| d.id.as_str()), Some("a-res-77-338"));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("Seeds"), "{screen}");
    assert!(screen.contains("A/RES/77/338"), "{screen}");
    // A document without a symbol is listed by its title, its symbol column left as a dash.
    assert!(
        screen.contains("—                 2024-07-04 Déclaration d’A"),
        "{screen}"
    );
    assert!(screen.contains("2023-09-01"), "{screen}");
    assert!(screen.contains("PP1"), "{screen}");
    assert!(screen.contains("OP5") || screen.contains("PP8"), "{screen}");
    let status = row(&render(&mut app, 120, 40), 39);
    assert!(status.contains("LIST"), "{status}");
    assert!(status.contains("¶1/13"), "{status}");
    assert!(status.contains("help"), "{status}");
}

#[test]
fn narrow_screen_shows_only_the_focused_pane() {
    let mut app = fixture_app();
    let buf = render(&mut app, 40, 12);
    let screen = text(&buf);
    assert!(screen.contains("Documents"), "{screen}");
    // The paragraphs are not drawn (the status line above row 11 may name PP1).
    let panes: String = (0..11).map(|y| row(&buf, y)).collect();
    assert!(!panes.contains("PP1"), "{screen}");
    assert!(row(&buf, 11).contains("LIST"));
    press(&mut app, KeyCode::Tab);
    let buf = render(&mut app, 40, 12);
    let screen = text(&buf);
    assert!(screen.contains("PP1"), "{screen}");
    assert!(screen.contains("A/RES/77/338"), "{screen}");
    assert!(!screen.contains("Documents"), "{screen}");
    assert!(row(&buf, 11).contains("READ"));
}

#[test]
fn any_size_renders_without_panic() {
    let mut app = fixture_app();
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 3),
        (20, 5),
        (39, 12),
        (40, 12),
        (79, 24),
        (80, 24),
        (81, 3),
        (120, 40),
        (250, 70),
        (10, 100),
    ];
    type Setup = Box<dyn Fn(&mut App)>;
    let mut states: Vec<Setup> = vec![
        Box::new(|_| {}),
        Box::new(|a| press(a, KeyCode::Tab)),
        Box::new(|a| {
            press(a, KeyCode::Char('/'));
            type_str(a, "coop");
            run_searches(a);
        }),
        Box::new(|a| press(a, KeyCode::Char('?'))),
        Box::new(|a| {
            select_para(a, "PP8");
            press(a, KeyCode::Char('f'));
        }),
        Box::new(|a| press(a, KeyCode::Char('c'))),
        Box::new(|a| {
            press(a, KeyCode::Char('b'));
            press(a, KeyCode::Char('B'));
            press(a, KeyCode::Char('e'));
        }),
    ];
    for state in states.drain(..) {
        let mut app = fixture_app();
        app.focus = Focus::Pane;
        state(&mut app);
        for &(w, h) in &sizes {
            render(&mut app, w, h);
            app.update(Action::Down);
            app.update(Event::Click {
                column: w / 2,
                row: h / 2,
            });
            app.update(Event::ScrollDown {
                column: w / 2,
                row: h / 2,
            });
            render(&mut app, w, h);
        }
    }
    render(&mut app, 0, 0);
}

#[test]
fn filter_narrows_paragraphs_and_highlights_matches() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    select_para(&mut app, "PP3");
    press(&mut app, KeyCode::Char('/'));
    assert!(app.filter.is_some());
    type_str(&mut app, "Shanghai");
    run_searches(&mut app);
    let entries = app.pane_entries();
    assert_eq!(entries.len(), 5, "only OP1..OP5 mention Shanghai");
    let buf = render(&mut app, 120, 40);
    let screen = text(&buf);
    assert!(
        !screen.contains("Considérant"),
        "non-matching paragraphs hidden:\n{screen}"
    );
    // Every cell in the highlight style belongs to the word "Shanghai".
    let mut highlighted = String::new();
    for y in 0..40 {
        for x in 0..120 {
            let cell = &buf[(x, y)];
            if cell.bg == theme::HIGHLIGHT.bg.expect("bg")
                && cell.fg == theme::HIGHLIGHT.fg.expect("fg")
            {
                highlighted.push_str(cell.symbol());
            }
        }
    }
    assert!(highlighted.contains("Shanghai"), "{highlighted:?}");
    assert_eq!(highlighted.replace("Shanghai", ""), "", "{highlighted:?}");
    // Down then Enter: the whole document again, on the chosen paragraph.
    press(&mut app, KeyCode::Down);
    let chosen = app.pane_entries()[1];
    press(&mut app, KeyCode::Enter);
    assert!(app.filter.is_none());
    assert_eq!((app.doc, app.para), chosen);
    assert_eq!(app.pane_entries().len(), 13);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("PP1"), "{screen}");
}

#[test]
fn filter_escape_restores_the_previous_position() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    select_para(&mut app, "PP3");
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "Shanghai");
    run_searches(&mut app);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Esc);
    assert!(app.filter.is_none());
    assert_eq!(app.para, 2);
    assert_eq!(app.focus, Focus::Pane);
}

#[test]
fn filter_in_the_list_opens_the_chosen_document() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "astana");
    run_searches(&mut app);
    assert_eq!(app.list_rows().len(), 1);
    // The matched letters are highlighted in the listed title.
    let buf = render(&mut app, 120, 40);
    let highlighted: String = (0..40)
        .flat_map(|y| (0..48).map(move |x| (x, y)))
        .map(|(x, y)| &buf[(x, y)])
        .filter(|cell| cell.bg == theme::HIGHLIGHT.bg.expect("bg"))
        .map(|cell| cell.symbol().to_string())
        .collect();
    // Only "A" of "Astana" is left of the ellipsis at this width.
    assert_eq!(highlighted, "A", "{}", text(&buf));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.document().map(|d| d.id.as_str()),
        Some("astana-declaration-2024")
    );
    assert_eq!(app.focus, Focus::Pane);
}

#[test]
fn filter_across_all_documents_labels_results_and_opens_them() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "saluons");
    run_searches(&mut app);
    assert!(app.pane_entries().is_empty(), "not in this document");
    key(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    run_searches(&mut app);
    assert_eq!(app.pane_entries().len(), 1);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("/ all docs"), "{screen}");
    assert!(screen.contains("Déclaration d’Astana"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.document().map(|d| d.id.as_str()),
        Some("astana-declaration-2024")
    );
    assert_eq!(
        app.document().map(|d| d.paragraphs[app.para].id.as_str()),
        Some("P112")
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.document().map(|d| d.id.as_str()), Some("a-res-77-338"));
}

#[test]
fn footnote_popup_shows_the_note_of_pp8() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    select_para(&mut app, "PP8");
    press(&mut app, KeyCode::Char('f'));
    assert!(matches!(app.popups.last(), Some(Popup::Footnotes(_))));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("Résolution 70/1."), "{screen}");
    assert!(screen.contains("not in library"), "{screen}");
    // Following it: A/RES/70/1 is not in the library, so we stay and say so.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.document().map(|d| d.id.as_str()), Some("a-res-77-338"));
    let msg = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        msg.contains("not in library") && msg.contains("undocs.org"),
        "{msg}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
    let screen = text(&render(&mut app, 40, 12));
    assert!(!screen.contains("Footnotes of"), "{screen}");
}

#[test]
fn citation_jump_and_back() {
    let mut app = fixture_app();
    open(&mut app, "astana-declaration-2024");
    select_para(&mut app, "P112");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.document().map(|d| d.id.as_str()), Some("a-res-77-338"));
    assert_eq!(app.focus, Focus::Pane);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("A/RES/77/338 · 2023-09-01"), "{screen}");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.document().map(|d| d.id.as_str()),
        Some("astana-declaration-2024")
    );
    assert_eq!(
        app.document().map(|d| d.paragraphs[app.para].id.as_str()),
        Some("P112")
    );
    let screen = text(&render(&mut app, 120, 40));
    assert!(
        screen.contains("P112"),
        "selected paragraph kept in view:\n{screen}"
    );
    key(&mut app, KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(app.document().map(|d| d.id.as_str()), Some("a-res-77-338"));
}

#[test]
fn citations_popup_lists_targets_and_cited_by() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('c'));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("not in library"), "{screen}");
    assert!(
        screen.contains("cited by astana-declaration-2024")
            || screen.contains("cited by Déclaration"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.document().map(|d| d.id.as_str()),
        Some("astana-declaration-2024")
    );
    assert!(app.popups.is_empty());
}

#[test]
fn bookmark_marks_the_paragraph_and_lists_it() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    select_para(&mut app, "OP2");
    press(&mut app, KeyCode::Char('b'));
    assert!(app.bookmarks.contains("a-res-77-338", "OP2"));
    let buf = render(&mut app, 120, 40);
    let screen = text(&buf);
    assert!(screen.contains("★OP2"), "{screen}");
    assert!(row(&buf, 39).contains("bookmarked A/RES/77/338, OP2"));
    press(&mut app, KeyCode::Char('B'));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("A/RES/77/338, OP2"), "{screen}");
    assert!(screen.contains("Prie de renforcer"), "{screen}");
    // A note: e, type, Enter.
    press(&mut app, KeyCode::Char('e'));
    type_str(&mut app, "à citer");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmarks.bookmarks()[0].note, "à citer");
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("[à citer]"), "{screen}");
    // Jump from elsewhere, then delete.
    press(&mut app, KeyCode::Esc);
    select_para(&mut app, "PP1");
    press(&mut app, KeyCode::Char('B'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.para, 8 + 1);
    press(&mut app, KeyCode::Char('B'));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.bookmarks.bookmarks().is_empty());
    // u brings it back, note and all; a second delete sticks.
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.bookmarks.bookmarks().len(), 1);
    assert_eq!(app.bookmarks.bookmarks()[0].note, "à citer");
    press(&mut app, KeyCode::Char('d'));
    assert!(app.bookmarks.bookmarks().is_empty());
    press(&mut app, KeyCode::Esc);
    let screen = text(&render(&mut app, 120, 40));
    assert!(!screen.contains("★"), "{screen}");
}

/// Standard base64 (RFC 4648) decoding, written here to check the reader's encoder against.
fn base64_decode(text: &[u8]) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c:?}"),
        }
    };
    let mut out = Vec::new();
    for quad in text.chunks(4) {
        let data: Vec<u8> = quad.iter().copied().filter(|&c| c != b'=').collect();
        let n = data.iter().fold(0u32, |n, &c| (n << 6) | value(c)) << (6 * (4 - data.len()));
        out.extend_from_slice(&n.to_be_bytes()[1..data.len()]);
    }
    out
}

#[test]
fn base64_decoder_of_the_tests_is_right() {
    // RFC 4648 section 10 test vectors.
    for (plain, encoded) in [
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64_decode(encoded.as_bytes()), plain.as_bytes());
    }
}

#[test]
fn copy_sends_osc52_with_the_citation() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    select_para(&mut app, "OP2");
    press(&mut app, KeyCode::Char('y'));
    let out = app.take_writes();
    assert_eq!(out.len(), 1);
    // OSC 52, clipboard, base64 of the citation and the text as the fixture writes OP2, BEL.
    let payload = out[0]
        .strip_prefix(b"\x1b]52;c;")
        .and_then(|rest| rest.strip_suffix(b"\x07"))
        .expect("an OSC 52 sequence ended by BEL");
    assert_eq!(
        String::from_utf8(base64_decode(payload)).expect("UTF-8"),
        "A/RES/77/338, OP2\n2. Prie de renforcer la coopération entre l’Organisation des \
         Nations Unies et l’Organisation de Shanghai pour la coopération, point 2;"
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("copied A/RES/77/338, OP2"))
    );
}

#[test]
fn help_overlay_lists_every_binding() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Char('?'));
    let screen = text(&render(&mut app, 120, 80));
    for b in keymap::bindings() {
        assert!(
            screen.contains(b.help),
            "help misses {:?}:\n{screen}",
            b.help
        );
        assert!(screen.contains(&keymap::keys_label(&b.keys)), "{screen}");
    }
    // What a reader expects to find, written here from the README's key list: each key on the
    // same row as what it does.
    for (keys, does) in [
        ("Ctrl-C", "quit"),
        ("?", "show this help"),
        ("Tab", "switch focus"),
        ("PgDn, Ctrl-D", "page"),
        ("Backspace, Alt-Left", "go back in history"),
        ("Alt-Right", "go forward in history"),
        ("/", "filter"),
        ("b", "bookmark / unbookmark the paragraph"),
        ("f", "footnotes of the paragraph"),
        ("y", "copy the paragraph"),
        ("B", "list bookmarks"),
        ("Ctrl-A", "all documents"),
    ] {
        assert!(
            screen.lines().any(|l| {
                let l = l.trim_start_matches(|c: char| !c.is_alphanumeric() && !"?/".contains(c));
                l.starts_with(&format!("{keys} ")) && l.contains(does)
            }),
            "no row {keys:?} … {does:?}:\n{screen}"
        );
    }
    press(&mut app, KeyCode::Char('?'));
    assert!(app.popups.is_empty());
}

#[test]
fn mouse_click_selects_paragraph_and_focuses_pane() {
    let mut app = fixture_app();
    let buf = render(&mut app, 120, 40);
    let y = (0..40)
        .find(|&y| row(&buf, y).contains("PP3 "))
        .expect("PP3 visible");
    // The column of "PP3" on screen (the row holds box-drawing characters: count chars).
    let line = row(&buf, y);
    let x = line[..line.find("PP3").expect("PP3 on the row")]
        .chars()
        .count() as u16;
    app.update(Event::Click { column: x, row: y });
    assert_eq!(app.focus, Focus::Pane);
    assert_eq!(app.para, 2);
    // Clicking the declaration row in the list selects it and focuses the list.
    let y = (0..40)
        .find(|&y| row(&buf, y).contains("Déclaration d’A"))
        .expect("listed");
    app.update(Event::Click { column: 5, row: y });
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.list_selected, 1);
}

#[test]
fn selection_stays_in_view_in_long_documents() {
    let mut app = fixture_app();
    open(&mut app, "astana-declaration-2024");
    press(&mut app, KeyCode::Char('G'));
    let screen = text(&render(&mut app, 40, 12));
    assert!(screen.contains("P112"), "{screen}");
    press(&mut app, KeyCode::PageUp);
    assert!(app.para < 111);
    let id = app
        .document()
        .map(|d| d.paragraphs[app.para].id.clone())
        .unwrap_or_default();
    let screen = text(&render(&mut app, 40, 12));
    assert!(screen.contains(&format!("{id} ")), "{id}:\n{screen}");
}

#[test]
fn stale_search_results_never_replace_newer_ones() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "coop");
    let older = app.take_searches();
    type_str(&mut app, " Prie");
    let newer = app.take_searches();
    let (first, last) = (
        older.last().cloned().expect("sent"),
        newer.last().cloned().expect("sent"),
    );
    assert!(last.generation > first.generation);
    assert!(app.awaiting_results());
    // Input is handled while both are in flight.
    press(&mut app, KeyCode::Down);
    assert_eq!(
        app.filter
            .as_ref()
            .map(|f| f.query().to_string())
            .as_deref(),
        Some("coop Prie")
    );
    // The newer answer arrives first, then the stale one: the stale one is ignored.
    let new_hits = answer(&app, &last);
    let old_hits = answer(&app, &first);
    assert_ne!(new_hits, old_hits);
    app.update(Event::Search(Report::Results {
        generation: last.generation,
        hits: new_hits.clone(),
    }));
    app.update(Event::Search(Report::Results {
        generation: first.generation,
        hits: old_hits,
    }));
    assert_eq!(
        app.filter.as_ref().and_then(|f| f.results.clone()),
        Some(new_hits)
    );
    assert!(!app.awaiting_results());
}

#[test]
fn worker_cancels_older_queries_and_the_app_keeps_up() {
    let mut app = fixture_app();
    let (results_tx, results) = std::sync::mpsc::channel();
    let mut worker = SearchWorker::spawn(
        app.library.indexes(),
        app.library.corpus.clone(),
        move |report| results_tx.send(report).is_ok(),
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "d");
    let mut flags = Vec::new();
    for req in app.take_searches() {
        flags.push(worker.submit(req));
    }
    // While that one is in flight, the reader keeps taking keys and sends a newer query.
    type_str(&mut app, "écide");
    assert_eq!(
        app.filter
            .as_ref()
            .map(|f| f.query().to_string())
            .as_deref(),
        Some("décide")
    );
    for req in app.take_searches() {
        flags.push(worker.submit(req));
    }
    let (last_flag, older) = flags.split_last().expect("requests sent");
    assert!(
        older
            .iter()
            .all(|f| f.load(std::sync::atomic::Ordering::Relaxed)),
        "older queries cancelled"
    );
    assert!(!last_flag.load(std::sync::atomic::Ordering::Relaxed));
    // Feed every result the worker sends, in arrival order, until the app has its answer.
    while app.awaiting_results() {
        let report = results
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("worker answers the latest query");
        app.update(Event::Search(report));
    }
    let ids: Vec<String> = app
        .pane_entries()
        .iter()
        .map(|&(d, p)| app.library.corpus.documents[d].paragraphs[p].id.clone())
        .collect();
    assert_eq!(ids, ["OP1", "OP5"]);
}

#[test]
fn enter_typed_ahead_of_the_results_chooses_from_them() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "astana");
    // Enter arrives before the worker has answered "astana".
    press(&mut app, KeyCode::Enter);
    assert!(app.filter.is_some(), "the bar waits for the answer");
    run_searches(&mut app);
    assert!(app.filter.is_none());
    let doc = app.document().unwrap();
    assert_eq!(doc.id, "astana-declaration-2024");
    assert_eq!(app.focus, Focus::Pane);
}

// ----- bookmark saving -----

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// In the reader, `b` is confirmed only once the save is in the file; a failed save says why
/// in a few words, opens the problems once, and `q` then asks before quitting.
#[test]
fn bookmark_confirmed_when_saved_and_quit_asks_when_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bookmarks.json");
    let corpus = Corpus::from_documents(vec![resolution(), declaration()]);
    let (store, _) = BookmarkStore::open(path.clone());
    let mut app = App::new(Library::new(corpus), store, Vec::new());
    app.update(Event::Resize {
        width: 120,
        height: 40,
    });
    app.update(Action::FocusNext);
    press(&mut app, KeyCode::Char('b'));
    assert!(message(&app).ends_with("(saving…)"), "{}", message(&app));
    assert!(!path.exists(), "the input thread wrote nothing");
    let job = app.take_save().expect("a save to run");
    app.bookmarks_saved(job.run());
    assert!(message(&app).ends_with("(saved)"), "{}", message(&app));
    assert!(
        std::fs::read_to_string(&path)
            .expect("saved")
            .contains("a-res-77-338")
    );

    // The folder turns into a file: the next save fails.
    std::fs::remove_dir_all(dir.path()).expect("remove");
    std::fs::write(dir.path(), "not a folder").expect("block");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('b'));
    let job = app.take_save().expect("a save to run");
    app.bookmarks_saved(job.run());
    let msg = message(&app);
    assert!(msg.starts_with("bookmarks not saved: "), "{msg}");
    assert!(
        msg.chars().count() < 80,
        "short enough for the status line: {msg}"
    );
    assert!(matches!(app.popups.last(), Some(Popup::Problems(_))));
    assert!(app.warnings.iter().any(|w| w.contains("bookmarks.json")));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('q'));
    assert!(
        !app.should_quit && message(&app).contains("q again"),
        "{}",
        message(&app)
    );
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit);
    let _ = std::fs::remove_file(dir.path());
}

/// Ctrl-U clears what is before the cursor, as in a shell: in the filter bar (and the query
/// goes again, empty: everything is listed) and in the note editor.
#[test]
fn ctrl_u_clears_the_filter_and_the_note() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "astana");
    run_searches(&mut app);
    assert_eq!(app.list_rows().len(), 1);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.filter.as_ref().map(|f| f.query()), Some(""));
    run_searches(&mut app);
    // The whole list again: the fixture's one collection and its two documents.
    assert_eq!(app.list_rows().len(), 1 + 2);
    press(&mut app, KeyCode::Esc);

    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Char('B'));
    press(&mut app, KeyCode::Char('e'));
    type_str(&mut app, "draft");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_str(&mut app, "kept");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmarks.bookmarks()[0].note, "kept");
}
