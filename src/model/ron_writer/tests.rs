//! The writer against its reference, the `ron` crate's pretty serializer in the configuration
//! `export --format ron` used before it (struct names, `implicit_some`): the same bytes for
//! the bundled timeline, generated timelines, hostile text, and any value of a shape serde
//! can describe.

use std::collections::BTreeMap;
use std::io;

use proptest::prelude::*;
use serde::Serialize;

use super::document::write_split;
use super::{Comments, write, write_document, write_with_comments};
use crate::closing::Closing;
use crate::model::write::{Document, Keep};
use crate::model::{self, Event};

#[path = "../../../examples/gen/lib.rs"]
#[allow(dead_code, clippy::pedantic)]
mod generator;

/// What `ron` writes for `value`, with the newline `write` ends with.
fn reference(value: &(impl Serialize + ?Sized)) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(value, config).expect("ron writes it");
    text.push('\n');
    text
}

fn ours(value: &(impl Serialize + ?Sized)) -> String {
    let mut out = Vec::new();
    write(value, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the writer writes UTF-8")
}

/// Asserts both writers agree, showing the first line where they part.
fn same(value: &(impl Serialize + ?Sized)) {
    let (want, got) = (reference(value), ours(value));
    if want != got {
        let at = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "line {}: ron {:?}, ours {:?}",
            at + 1,
            want.lines().nth(at),
            got.lines().nth(at)
        );
    }
}

fn whole<'t, 'a>(t: &'t model::Timeline<'a>) -> Document<'t, 'a, Event<'a>> {
    Document {
        timeline: t,
        events: &t.events,
        keep: None,
    }
}

#[test]
fn the_bundled_timeline_is_written_as_ron_writes_it() {
    let loaded = model::load_str(model::BUNDLED).expect("the bundled timeline loads");
    same(&whole(&loaded.timeline));
}

#[test]
fn generated_timelines_are_written_as_ron_writes_them_whole_and_filtered() {
    for seed in 1..=3 {
        let mut text = Vec::new();
        let options = generator::Options {
            events: 400,
            seed,
            format: generator::Format::Ron,
        };
        generator::generate(&mut text, &options).expect("writing to memory");
        let text = String::from_utf8(text).expect("the generator writes UTF-8");
        let loaded = model::load_str(&text).expect("a generated timeline loads");
        let t = &loaded.timeline;
        same(&whole(t));
        // A selection, as a filtered export writes it: only what its events refer to.
        let some: Vec<&Event<'_>> = t.events.iter().step_by(7).collect();
        let keep = Keep::referred_to(t, some.iter().copied());
        same(&Document {
            timeline: t,
            events: &some,
            keep: Some(&keep),
        });
    }
}

/// What [`write_document`] writes of `document`, its events written on two threads from
/// `split_at` events, in pieces of `piece`.
fn split<'a, E: std::borrow::Borrow<Event<'a>> + Sync>(
    document: &Document<'_, 'a, E>,
    comments: &Comments<'_>,
    split_at: usize,
    piece: usize,
) -> String {
    let mut out = Vec::new();
    write_split(document, comments, &mut out, split_at, piece).expect("writing to memory");
    String::from_utf8(out).expect("the writer writes UTF-8")
}

/// What [`write_with_comments`] writes, on one thread.
fn whole_text(value: &(impl Serialize + ?Sized), comments: &Comments<'_>) -> String {
    let mut out = Vec::new();
    write_with_comments(value, comments, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the writer writes UTF-8")
}

#[test]
fn a_document_written_on_two_threads_is_the_one_written_on_one() {
    let mut text = Vec::new();
    let options = generator::Options {
        events: 300,
        seed: 4,
        format: generator::Format::Ron,
    };
    generator::generate(&mut text, &options).expect("writing to memory");
    let text = String::from_utf8(text).expect("the generator writes UTF-8");
    let loaded = model::load_str(&text).expect("a generated timeline loads");
    let t = &loaded.timeline;
    let bundled = model::load_str(model::BUNDLED).expect("the bundled timeline loads");
    let some: Vec<&Event<'_>> = t.events.iter().step_by(5).collect();
    let keep = Keep::referred_to(t, some.iter().copied());
    let filtered = Document {
        timeline: t,
        events: &some,
        keep: Some(&keep),
    };
    let last = t.events.len() - 1;
    let commented = Comments {
        top: vec!["top", "two\nlines"],
        list: "events",
        items: vec![
            (0, "first"),
            (0, "again"),
            (150, "middle \u{1b}"),
            (last, "last"),
        ],
    };
    let none = Comments::default();
    for comments in [&none, &commented] {
        // Pieces of one event, of a few, of an odd number (the last one short), of half.
        for (split_at, piece) in [0, 1, 2, 3, 299, 300, 301]
            .into_iter()
            .flat_map(|at| [1, 2, 7, 64, 150, 1024].map(|piece| (at, piece)))
        {
            let at = format!("from {split_at}, pieces of {piece}");
            let want = whole_text(&whole(t), comments);
            assert_eq!(split(&whole(t), comments, split_at, piece), want, "{at}");
            let want = whole_text(&filtered, comments);
            assert_eq!(split(&filtered, comments, split_at, piece), want, "{at}");
            let b = whole(&bundled.timeline);
            let want = whole_text(&b, comments);
            assert_eq!(split(&b, comments, split_at, piece), want, "{at}");
        }
    }
    // No events at all, and the default split.
    let empty = Document {
        timeline: t,
        events: &some[..0],
        keep: Some(&keep),
    };
    assert_eq!(
        split(&empty, &commented, 0, 1),
        whole_text(&empty, &commented)
    );
    let mut out = Vec::new();
    write_document(&whole(t), &none, &mut out).expect("writing to memory");
    assert_eq!(out, whole_text(&whole(t), &none).into_bytes());
}

#[test]
fn an_output_that_closes_midway_ends_the_writing_with_its_error_and_no_more_bytes() {
    let mut text = Vec::new();
    let options = generator::Options {
        events: 300,
        seed: 9,
        format: generator::Format::Ron,
    };
    generator::generate(&mut text, &options).expect("writing to memory");
    let text = String::from_utf8(text).expect("the generator writes UTF-8");
    let loaded = model::load_str(&text).expect("a generated timeline loads");
    let want = whole_text(&whole(&loaded.timeline), &Comments::default());
    // Closed in the head, in this thread's pieces and in the second thread's.
    for room in [0, 10, 5_000, 40_000, want.len() / 2, want.len() - 1] {
        let mut out = Closing {
            room,
            got: Vec::new(),
        };
        let e = write_split(
            &whole(&loaded.timeline),
            &Comments::default(),
            &mut out,
            0,
            7,
        )
        .expect_err("the output closed");
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe, "closed after {room}");
        assert_eq!(out.got, want.as_bytes()[..room], "closed after {room}");
    }
}

/// Every Unicode scalar value, 256 to a string.
fn every_character() -> Vec<String> {
    let all: Vec<char> = (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .collect();
    all.chunks(256).map(|c| c.iter().collect()).collect()
}

#[test]
fn every_character_is_escaped_as_ron_escapes_it() {
    same(&every_character());
}

#[derive(Serialize)]
struct Hostile {
    text: String,
    empty: String,
    maybe: Option<String>,
    list: Vec<String>,
}

#[test]
fn hostile_strings_are_written_as_ron_writes_them_and_stay_inert() {
    let pieces = [
        "",
        "\"",
        "\\",
        "'",
        "\\\"",
        "\"\"\"",
        "r#\"raw\"#",
        "\u{1b}[2J\u{1b}]0;pwned\u{7}",
        "\u{9b}31m",
        "\0\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}",
        "\u{80}\u{85}\u{9f}\u{a0}\u{ad}",
        "\u{2028}\u{2029}\u{202a}\u{202e}\u{2066}\u{2069}\u{200b}\u{200e}\u{200f}\u{61c}\u{feff}",
        "🇺🇦👩‍👩‍👧 e\u{301} \u{301}a \u{64e}",
        "Зеленский: «мир» — 和平",
        "\u{fffd}\u{10ffff}",
    ];
    for (i, piece) in pieces.iter().enumerate() {
        let value = Hostile {
            text: (*piece).to_string(),
            empty: String::new(),
            maybe: (i % 2 == 0).then(|| (*piece).to_string()),
            list: vec![(*piece).to_string(), String::new(), pieces.concat()],
        };
        same(&value);
        let written = ours(&value);
        assert!(
            !written
                .chars()
                .any(|c| c != '\n' && crate::model::escape::is_unsafe(c)),
            "{written:?}"
        );
    }
}

/// Every shape serde has, with the options our types never use, and the cases where `ron`'s
/// layout turns on what came before (empty lists, `None` under implicit `Some`s).
#[derive(Serialize)]
#[allow(clippy::option_option)] // `Some(None)` is a shape under test
struct Shapes {
    unit: (),
    flag: bool,
    small: i8,
    big: u64,
    negative: i64,
    real: f64,
    nan: f32,
    letter: char,
    bytes: serde_bytes_like::Bytes,
    none: Option<u8>,
    some_none: Option<Option<u8>>,
    some_some: Option<Option<Option<u8>>>,
    empty: Vec<u8>,
    empty_of_lists: Vec<Vec<u8>>,
    lists: Vec<Vec<u8>>,
    tuple: (u8, String, Option<u8>),
    map: BTreeMap<String, Vec<u8>>,
    empty_map: BTreeMap<u8, u8>,
    unit_struct: Marker,
    newtype: Wrapper,
    tuple_struct: Pair,
    kinds: Vec<Kind>,
    empty_struct: Nothing,
    r#type: u8,
    r#true: u8,
}

mod serde_bytes_like {
    /// Bytes written through `serialize_bytes`.
    pub struct Bytes(pub Vec<u8>);

    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }
}

#[derive(Serialize)]
struct Marker;

#[derive(Serialize)]
struct Wrapper(Option<String>);

#[derive(Serialize)]
struct Pair(u8, Vec<u8>);

#[derive(Serialize)]
struct Nothing {}

#[derive(Serialize)]
enum Kind {
    Unit,
    Newtype(Option<u8>),
    Tuple(u8, Option<u8>),
    Struct { a: u8, b: Vec<u8> },
    Empty {},
}

#[test]
fn every_serde_shape_is_written_as_ron_writes_it() {
    let shapes = Shapes {
        unit: (),
        flag: true,
        small: -8,
        big: u64::MAX,
        negative: i64::MIN,
        real: 1e300,
        nan: -f32::NAN,
        letter: 'é',
        bytes: serde_bytes_like::Bytes(vec![0, b'"', b'\\', b'a', 0x7f, 0xff]),
        none: None,
        some_none: Some(None),
        some_some: Some(Some(None)),
        empty: vec![],
        empty_of_lists: vec![vec![], vec![]],
        lists: vec![vec![1, 2], vec![]],
        tuple: (1, "two".into(), None),
        map: BTreeMap::from([("a".into(), vec![1]), ("b".into(), vec![])]),
        empty_map: BTreeMap::new(),
        unit_struct: Marker,
        newtype: Wrapper(Some("w".into())),
        tuple_struct: Pair(3, vec![4]),
        kinds: vec![
            Kind::Unit,
            Kind::Newtype(None),
            Kind::Newtype(Some(1)),
            Kind::Tuple(1, Some(2)),
            Kind::Struct { a: 1, b: vec![] },
            Kind::Empty {},
        ],
        empty_struct: Nothing {},
        r#type: 1,
        r#true: 2,
    };
    same(&shapes);
    same(&Vec::<u8>::new());
    same(&Some(Some(None::<u8>)));
}

#[test]
fn deep_nesting_is_indented_as_ron_indents_it() {
    let mut deep = serde_json::json!(["bottom", {"key": null}]);
    for depth in 0..40 {
        deep = serde_json::json!([depth, deep, []]);
    }
    same(&deep);
}

#[test]
fn a_character_that_ron_would_write_raw_is_escaped() {
    // `ron` writes a `char` as it is; none of the format's fields is one, and ours stay inert.
    assert_eq!(ours(&'\u{1b}'), "#![enable(implicit_some)]\n'\\u{1b}'\n");
    assert_eq!(ours(&'x'), reference(&'x'));
}

#[test]
fn comments_stand_at_the_top_and_before_their_items_and_the_file_loads() {
    let loaded = model::load_str(model::BUNDLED).expect("the bundled timeline loads");
    let t = &loaded.timeline;
    let comments = Comments {
        top: vec!["made by a test", "two\nlines \u{1b}[2J"],
        list: "events",
        items: vec![(0, "first"), (0, "first again"), (2, "third")],
    };
    let mut out = Vec::new();
    write_with_comments(&whole(t), &comments, &mut out).expect("writing to memory");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "#![enable(implicit_some)]",
            "// made by a test",
            "// two\\nlines \\x1b[2J"
        ]
    );
    let events: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| **l == "        Event(")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        lines[events[0] - 2..events[0]],
        ["        // first", "        // first again"]
    );
    assert_eq!(lines[events[2] - 1], "        // third");
    assert!(!lines[events[1] - 1].contains("//"));
    // Without the comments, the text is the reference's.
    let bare: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("// "))
        .flat_map(|l| [l, "\n"])
        .collect();
    assert_eq!(bare, reference(&whole(t)));
    let again = model::load_str(&text).expect("the commented file loads");
    assert_eq!(again.timeline.events.len(), t.events.len());
}

#[test]
fn a_pipe_closed_midway_stays_a_broken_pipe() {
    let big = every_character();
    for left in [0, 10, 100_000] {
        let mut out = Closing {
            room: left,
            got: Vec::new(),
        };
        let e = write(&big, &mut out).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
    }
}

/// Text of any characters, with the hard ones often.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        "[\"'\\\\\\x00-\\x1f\\x7f-\\u{9f}]{0,4}",
        "[\\u{300}-\\u{36f}\\u{2028}\\u{202a}-\\u{202e}\\u{1f1e6}-\\u{1f1ff}]{0,4}",
        Just(String::new()),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|p| p.concat())
}

#[derive(Debug, Clone, Serialize)]
#[allow(clippy::option_option)] // `Some(None)` is a shape under test
struct Record {
    text: String,
    maybe: Option<String>,
    twice: Option<Option<String>>,
    list: Vec<String>,
    nested: Vec<Option<Vec<String>>>,
    map: BTreeMap<String, Option<String>>,
    pair: (String, Vec<String>),
}

fn record() -> impl Strategy<Value = Record> {
    (
        text(),
        prop::option::of(text()),
        prop::option::of(prop::option::of(text())),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(prop::option::of(prop::collection::vec(text(), 0..3)), 0..3),
        prop::collection::btree_map(text(), prop::option::of(text()), 0..3),
        (text(), prop::collection::vec(text(), 0..2)),
    )
        .prop_map(|(text, maybe, twice, list, nested, map, pair)| Record {
            text,
            maybe,
            twice,
            list,
            nested,
            map,
            pair,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_record_is_written_as_ron_writes_it(records in prop::collection::vec(record(), 0..4)) {
        prop_assert_eq!(ours(&records), reference(&records));
    }
}
