//! A small timeline shared by the query unit tests.

pub const SMALL: &str = r#"Timeline(
    title: "Test talks",
    sources: [
        Source(id: "xinhua", outlet: "Xinhua"),
        Source(id: "rt", outlet: "RT", kind: LiveFeed),
    ],
    participants: [
        Participant(id: "peskov", name: "Dmitry Peskov", role: "Kremlin spokesman", side: "Russia"),
        Participant(id: "zelensky", name: "Volodymyr Zelensky", aliases: ["Vladimir Zelensky", "Zelensky"], side: "Ukraine"),
        Participant(id: "medinsky", name: "Vladimir Medinsky", side: "Russia"),
        Participant(id: "fidan", name: "Hakan Fidan", aliases: ["Türkiye's top diplomat"]),
        Participant(id: "tass-source", name: "a source from TASS", kind: Group),
    ],
    rounds: [
        Round(number: 3, title: "Third round", start: "2025-07-23"),
        Round(number: 2, start: "2025-06-02"),
    ],
    events: [
        Event(id: "late", when: "2025-07-23T19:00+03:00", round: 3, title: "Talks end",
              sources: ["rt"], participants: ["medinsky"],
              quotes: [Quote(speaker: "medinsky", text: "Children are sacred to us.", source: "rt")]),
        Event(id: "brief", when: "2025-07-22", title: "Peskov briefing",
              quotes: [Quote(speaker: "peskov", text: "No magical breakthroughs.", source: "xinhua")],
              claims: [Claim(id: "d24", by: "tass-source", text: "The round is on July 24.", source: "xinhua", disputes: ["d23"])]),
        Event(id: "announce", when: "2025-07-21", title: "Zelensky announces the round",
              claims: [Claim(id: "d23", by: "zelensky", text: "The round is on July 23.", source: "xinhua")]),
        Event(id: "open", when: "2025-07-23T16:00Z", round: 3, title: "Fidan opens the round",
              participants: ["fidan"], claims: [Claim(by: "fidan", text: "The goal is a ceasefire.", source: "rt")]),
        Event(id: "r2", when: "2025-06-02", round: 2, title: "Memoranda exchanged", sources: ["xinhua"]),
    ],
)"#;
