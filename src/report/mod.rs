//! Timelines written for people to read elsewhere: the Markdown brief of `export --format
//! markdown`, and the same text for one event, which the browser copies; the TimelineJS3
//! document of `export --format timelinejs`. Formats what `query`
//! decides; used by the command line and the browser alike.

pub mod citation;
pub mod markdown;
pub mod mdtext;
pub mod timelinejs;
