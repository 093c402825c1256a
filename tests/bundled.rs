//! The bundled Istanbul timeline loads cleanly and says what the seeds say.

use roundtable::model::{self, BUNDLED};

#[test]
fn bundled_timeline_validates_without_errors_or_warnings() {
    let loaded = match model::load_str(BUNDLED) {
        Ok(l) => l,
        Err(d) => panic!("{}", model::diag::render(model::BUNDLED_NAME, BUNDLED, &d)),
    };
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        model::diag::render(model::BUNDLED_NAME, BUNDLED, &loaded.warnings)
    );
    let t = loaded.timeline;
    assert_eq!(t.rounds.len(), 3);
    assert!(
        t.events
            .windows(2)
            .all(|w| w[0].when.instant <= w[1].when.instant)
    );
}
