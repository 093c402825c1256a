//! The statements view (`v`): every quote and claim as a row, the same event kept across the
//! switch, filters, search and round jumps by statement, links followed and come back from,
//! and copying a statement with its citation.

#[path = "support/tui.rs"]
mod harness;

use harness::{bundled, footer, id, on_a_disputed_confirmed_claim, participant, press, screen};
use roundtable::app::{Action, View};
use roundtable::query::{Index, statement};
use std::sync::Arc;

#[test]
fn v_switches_to_statements_and_back_on_the_same_event() {
    let mut app = bundled(120, 40);
    press(&mut app, &["]", "]", "]", "]", "j"]);
    let event = id(&app);
    press(&mut app, &["v"]);
    assert_eq!(app.view(), View::Statements);
    assert_eq!(id(&app), event, "the same event's first statement");
    let first = app.selected_statement().unwrap();
    assert_eq!(
        (first.event, first.index()),
        (app.selected_pos().unwrap(), 0)
    );
    assert!(screen(&app).contains("┏ Statements"));
    // Every quote and claim of the timeline is a row, in timeline order.
    let doc = Arc::clone(app.document());
    let t = doc.timeline();
    let all: usize = t
        .events
        .iter()
        .map(|e| e.quotes.len() + e.claims.len())
        .sum();
    let rows: Vec<_> = app.statements().collect();
    assert_eq!(rows.len(), all);
    assert!(rows.windows(2).all(|w| w[0].order() < w[1].order()));
    // Moving in the statements view moves by statement; back in the events view, the event
    // of the statement selected is selected.
    press(&mut app, &["G"]);
    let last = app.selected_pos().unwrap();
    press(&mut app, &["v"]);
    assert_eq!(app.view(), View::Events);
    assert_eq!(app.selected_pos(), Some(last));
    assert!(
        app.statements().len() == 0,
        "no statement rows kept in the events view"
    );
}

#[test]
fn filters_search_and_round_jumps_work_in_the_statements_view() {
    let mut app = bundled(120, 40);
    press(&mut app, &["v", "s", "text:peskov", "Enter"]);
    let peskov = participant(&app, "peskov");
    let doc = Arc::clone(app.document());
    let t = doc.timeline();
    assert_ne!(app.statements().len(), 0);
    for at in app.statements() {
        let e = &t.events[at.event as usize];
        let who = match at.kind() {
            statement::Kind::Quote => Some(e.quotes[at.index()].speaker.ix()),
            statement::Kind::Claim => e.claims[at.index()].by.map(|r| r.ix()),
        };
        assert_eq!(who, Some(peskov as usize), "only Peskov's statements");
    }
    assert!(
        footer(&app).contains("statements by Dmitry Peskov"),
        "{}",
        footer(&app)
    );
    // A search selects the first matching statement; n steps to the next.
    press(&mut app, &["/", "text:breakthrough", "Enter"]);
    let hit = app.selected_statement().unwrap();
    let index = Index::build(t);
    let s = statement::Statement::read(t, &index, hit);
    assert!(s.text.to_lowercase().contains("breakthrough"), "{}", s.text);
    // Round jumps go to the first statement under the next round header.
    press(&mut app, &["Esc", "Esc", "g", "]"]);
    let r = app.round_at(app.selected());
    assert!(r.is_some());
    assert_ne!(app.round_at(0), r);
    assert!(app.selected() == 0 || app.round_at(app.selected() - 1) != r);
}

#[test]
fn enter_on_a_linked_claim_goes_to_it_and_ctrl_o_comes_back() {
    let mut app = on_a_disputed_confirmed_claim(120, 40);
    let from = app.selected_statement().unwrap();
    // Tab to the pane, Tab to its first link: the other claim of the corroboration group,
    // in another event.
    press(&mut app, &["Tab", "Tab"]);
    let target = app.selected_statement().unwrap();
    assert_ne!(target, from);
    assert_ne!(
        target.event, from.event,
        "the linked claim is in another event"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_statement(), Some(target));
    assert_eq!(app.selected_pos(), Some(target.event));
    assert!(
        footer(&app).contains("Ctrl-o goes back"),
        "{}",
        footer(&app)
    );
    press(&mut app, &["Ctrl-o"]);
    assert_eq!(app.selected_pos(), Some(from.event));
    // Back on the row, with the link that was followed selected again.
    assert_eq!(app.statement_at(app.selected()), Some(from));
    press(&mut app, &["Ctrl-o"]);
    assert!(
        footer(&app).contains("no earlier place"),
        "{}",
        footer(&app)
    );
    // In the events view, Enter on a link selects its event with the link on it.
    press(&mut app, &["v", "Enter", "Tab"]);
    while app
        .selected_statement()
        .is_some_and(|s| s.event == from.event)
    {
        press(&mut app, &["Tab"]);
    }
    let target = app.selected_statement().unwrap();
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_pos(), Some(target.event));
    assert_eq!(app.selected_statement(), Some(target));
    press(&mut app, &["Ctrl-o"]);
    assert_eq!(app.selected_pos(), Some(from.event));
}

#[test]
fn y_copies_the_selected_statement_with_its_citation_and_says_so() {
    let mut app = on_a_disputed_confirmed_claim(120, 40);
    let at = app.selected_statement().unwrap();
    press(&mut app, &["y"]);
    let copied = app.take_copy().expect("something to copy");
    let doc = Arc::clone(app.document());
    let t = doc.timeline();
    assert_eq!(
        copied,
        roundtable::report::citation::citation(t, &Index::build(t), at)
    );
    assert!(copied.starts_with("The next meeting"), "{copied}");
    assert!(
        copied.contains("— claimed by Volodymyr Zelensky, President of Ukraine, Ukraine · Xinhua"),
        "{copied}"
    );
    app.update(Action::Copied(roundtable::clipboard::Copied::Osc52));
    assert!(
        footer(&app).trim().starts_with(
            "copied Volodymyr Zelensky’s claim with its citation (OSC 52, through the terminal)"
        ),
        "{}",
        footer(&app)
    );
    // In the events view, with no link selected, there is nothing to copy but the event (Y).
    press(&mut app, &["v", "y"]);
    assert!(app.take_copy().is_none());
    assert!(
        footer(&app).contains("no quote or claim selected"),
        "{}",
        footer(&app)
    );
    // Whole on an 80-column terminal, beside the help hint (a tester saw it cut there).
    let mut app = bundled(80, 24);
    press(&mut app, &["y"]);
    let line = footer(&app);
    assert!(
        line.starts_with(" no quote or claim selected: v lists them, Tab picks one in Detail ")
            && line.trim_end().ends_with(" ? help"),
        "{line}"
    );
}

#[test]
fn the_footer_offers_link_keys_only_where_there_is_a_link() {
    // Found by a tester: `Tab link` was offered in a detail pane with no link to step to.
    let mut app = bundled(120, 40);
    press(&mut app, &["v"]);
    let (mut with, mut without) = (false, false);
    for _ in 0..app.len() {
        press(&mut app, &["Enter"]);
        let f = footer(&app);
        assert!(f.contains("? help"), "{f}");
        if app.has_links() {
            assert!(f.contains("Tab link"), "{f}");
            with = true;
        } else {
            assert!(!f.contains("link") && !f.contains("Enter go"), "{f}");
            without = true;
        }
        // Back to the timeline and on to the next statement.
        app.update(Action::FocusNext);
        app.update(Action::NextEvent);
    }
    assert!(with && without, "both kinds of statement were seen");
}
