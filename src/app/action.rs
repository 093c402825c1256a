//! Everything the user can ask of the browser, as plain values. Keys and mouse events become
//! these (see [`keymap`](super::keymap)); [`App::update`](super::App::update) is the one place
//! that acts on them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the browser, restoring the terminal.
    Quit,
    /// Select the next shown event.
    NextEvent,
    /// Select the previous shown event.
    PrevEvent,
    /// Move the selection down by a page of the timeline pane.
    PageDown,
    /// Move the selection up by a page of the timeline pane.
    PageUp,
    /// Move the selection down by half a page.
    HalfPageDown,
    /// Move the selection up by half a page.
    HalfPageUp,
    /// Select the first shown event.
    FirstEvent,
    /// Select the last shown event.
    LastEvent,
    /// Select the first event under the next round header.
    NextRound,
    /// Select the first event under the previous round header.
    PrevRound,
    /// Scroll the focused text (detail pane or help) down one line.
    ScrollDown,
    /// Scroll the focused text up one line.
    ScrollUp,
    /// Scroll the focused text down a page.
    ScrollPageDown,
    /// Scroll the focused text up a page.
    ScrollPageUp,
    /// Scroll the focused text down half a page.
    ScrollHalfDown,
    /// Scroll the focused text up half a page.
    ScrollHalfUp,
    /// Scroll the focused text to its top.
    ScrollTop,
    /// Scroll the focused text to its end.
    ScrollBottom,
    /// Open the round picker: every round with its dates, venue and event count.
    OpenRounds,
    /// Open the speaker picker: everyone quoted or making a claim, narrowed by typing.
    OpenSpeakers,
    /// Open the filter menu: every filter of the command line, narrowed by typing.
    OpenFilters,
    /// Open the search prompt.
    OpenSearch,
    /// Copy the selected event as Markdown, every quote and claim with its citation.
    CopyEvent,
    /// Copy the selected quote or claim (the detail pane's selected link, else the selected
    /// row of the statements view) with its citation line.
    CopyStatement,
    /// Load the file again now (`R`), as its watcher would on a change.
    Reload,
    /// Show every error of the last save that did not load.
    ShowProblems,
    /// Switch the main pane between events and statements, on the same event.
    ToggleView,
    /// Select the detail pane's next link; after the last, go back to the timeline pane.
    NextLink,
    /// Select the detail pane's previous link; before the first, go back to the timeline pane.
    PrevLink,
    /// Go to the statement the selected link leads to.
    FollowLink,
    /// Go back to where the last link was followed from.
    JumpBack,
    /// What became of the last copy (reported by the terminal side, which does it).
    Copied(crate::clipboard::Copied),
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Select the next event matching the search (wrapping to the first).
    NextMatch,
    /// Select the previous event matching the search (wrapping to the last).
    PrevMatch,
    /// Mark the selected event (in the statements view, the selected statement's), or unmark
    /// it when it is marked.
    ToggleMark,
    /// Select the next marked event that is shown, after the selected one (stops at the last).
    NextMark,
    /// Select the previous marked event that is shown (stops at the first).
    PrevMark,
    /// Density strip: finer buckets (years → months → weeks → days).
    ZoomIn,
    /// Density strip: coarser buckets (days → weeks → months → years).
    ZoomOut,
    /// Close the open picker, prompt or overlay; otherwise clear the search, then the filters.
    Back,
    /// Move focus to the other pane.
    FocusNext,
    /// Move focus to the other pane, backwards (the same with two panes).
    FocusPrev,
    /// Focus the detail pane of the selected event.
    FocusDetail,
    /// Move the picker's selection down.
    PickerDown,
    /// Move the picker's selection up.
    PickerUp,
    /// Accept the picker's selection or run the typed search.
    Confirm,
    /// Type a character into the prompt or the speaker picker.
    Input(char),
    /// Delete the last typed character.
    DeleteChar,
    /// A mouse click at a screen cell: selects the event under it, focuses the pane.
    Click { column: u16, row: u16 },
    /// A mouse wheel turn over a screen cell: scrolls the pane under the pointer.
    Wheel { column: u16, row: u16, down: bool },
    /// The terminal changed size.
    Resize { width: u16, height: u16 },
}

impl Action {
    /// The action's name in a config file's `[keys]` (`next_event`); "" for what no key is
    /// bound to (typing, the mouse, a resize, a copy's outcome).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextEvent => "next_event",
            Action::PrevEvent => "prev_event",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::FirstEvent => "first_event",
            Action::LastEvent => "last_event",
            Action::NextRound => "next_round",
            Action::PrevRound => "prev_round",
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::ScrollPageDown => "scroll_page_down",
            Action::ScrollPageUp => "scroll_page_up",
            Action::ScrollHalfDown => "scroll_half_down",
            Action::ScrollHalfUp => "scroll_half_up",
            Action::ScrollTop => "scroll_top",
            Action::ScrollBottom => "scroll_bottom",
            Action::OpenRounds => "open_rounds",
            Action::OpenSpeakers => "open_speakers",
            Action::OpenFilters => "open_filters",
            Action::OpenSearch => "open_search",
            Action::CopyEvent => "copy_event",
            Action::CopyStatement => "copy_statement",
            Action::Reload => "reload",
            Action::ShowProblems => "show_problems",
            Action::ToggleView => "toggle_view",
            Action::NextLink => "next_link",
            Action::PrevLink => "prev_link",
            Action::FollowLink => "follow_link",
            Action::JumpBack => "jump_back",
            Action::ToggleHelp => "toggle_help",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Back => "back",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusDetail => "focus_detail",
            Action::PickerDown => "picker_down",
            Action::PickerUp => "picker_up",
            Action::Confirm => "confirm",
            Action::DeleteChar => "delete_char",
            Action::ToggleMark => "toggle_mark",
            Action::NextMark => "next_mark",
            Action::PrevMark => "prev_mark",
            Action::ZoomIn => "zoom_in",
            Action::ZoomOut => "zoom_out",
            Action::Copied(_)
            | Action::Input(_)
            | Action::Click { .. }
            | Action::Wheel { .. }
            | Action::Resize { .. } => "",
        }
    }
}
