//! Word lists the generator builds names and news-like sentences from.
//!
//! Russian phrases are chosen so that they read correctly in any sentence slot: every noun
//! phrase (`Topic::ru`) has the same form in the nominative and the accusative, and verbs come
//! as past-tense stems that take the ending of their subject's gender.

/// Grammatical gender of a Russian subject, which picks the past-tense ending.
#[derive(Clone, Copy)]
pub enum G {
    M,
    F,
    N,
    Pl,
}

impl G {
    pub fn ending(self) -> &'static str {
        match self {
            G::M => "",
            G::F => "а",
            G::N => "о",
            G::Pl => "и",
        }
    }
}

pub const SIDES: [&str; 6] = [
    "Russia",
    "Ukraine",
    "United States",
    "Türkiye",
    "European Union",
    "United Nations",
];

/// How often a person belongs to each side (per mille); the rest have no side.
pub const SIDE_WEIGHTS: [usize; 6] = [290, 290, 120, 100, 100, 60];

/// One first name: Latin spelling, Cyrillic spelling when the side writes in Cyrillic, female.
pub type First = (&'static str, &'static str, bool);
/// One family name: Latin and Cyrillic spellings (Cyrillic empty when there is none).
pub type Last = (&'static str, &'static str);

pub struct NamePool {
    pub first: &'static [First],
    pub last: &'static [Last],
    /// Whether a woman's family name takes `a` (Sokolov → Sokolova).
    pub feminine_a: bool,
}

pub const RU_NAMES: NamePool = NamePool {
    first: &[
        ("Dmitry", "Дмитрий", false),
        ("Sergey", "Сергей", false),
        ("Vladimir", "Владимир", false),
        ("Alexei", "Алексей", false),
        ("Mikhail", "Михаил", false),
        ("Nikolai", "Николай", false),
        ("Igor", "Игорь", false),
        ("Pavel", "Павел", false),
        ("Konstantin", "Константин", false),
        ("Yuri", "Юрий", false),
        ("Anna", "Анна", true),
        ("Maria", "Мария", true),
        ("Yelena", "Елена", true),
        ("Olga", "Ольга", true),
        ("Tatiana", "Татьяна", true),
        ("Irina", "Ирина", true),
    ],
    last: &[
        ("Sokolov", "Соколов"),
        ("Volkov", "Волков"),
        ("Morozov", "Морозов"),
        ("Lebedev", "Лебедев"),
        ("Kuznetsov", "Кузнецов"),
        ("Orlov", "Орлов"),
        ("Belov", "Белов"),
        ("Zaitsev", "Зайцев"),
        ("Fomin", "Фомин"),
        ("Gusev", "Гусев"),
        ("Tikhonov", "Тихонов"),
        ("Makarov", "Макаров"),
        ("Golubev", "Голубев"),
        ("Vinogradov", "Виноградов"),
        ("Frolov", "Фролов"),
        ("Zhukov", "Жуков"),
    ],
    feminine_a: true,
};

pub const UA_NAMES: NamePool = NamePool {
    first: &[
        ("Oleksandr", "Олександр", false),
        ("Andriy", "Андрій", false),
        ("Mykhailo", "Михайло", false),
        ("Taras", "Тарас", false),
        ("Serhiy", "Сергій", false),
        ("Dmytro", "Дмитро", false),
        ("Oleh", "Олег", false),
        ("Yuriy", "Юрій", false),
        ("Bohdan", "Богдан", false),
        ("Vasyl", "Василь", false),
        ("Olena", "Олена", true),
        ("Iryna", "Ірина", true),
        ("Yuliia", "Юлія", true),
        ("Oksana", "Оксана", true),
        ("Kateryna", "Катерина", true),
        ("Nataliia", "Наталія", true),
    ],
    last: &[
        ("Kovalenko", "Коваленко"),
        ("Shevchenko", "Шевченко"),
        ("Bondarenko", "Бондаренко"),
        ("Tkachenko", "Ткаченко"),
        ("Kravchuk", "Кравчук"),
        ("Melnyk", "Мельник"),
        ("Savchuk", "Савчук"),
        ("Lysenko", "Лисенко"),
        ("Marchenko", "Марченко"),
        ("Hrytsenko", "Гриценко"),
        ("Oliinyk", "Олійник"),
        ("Petrenko", "Петренко"),
        ("Moroz", "Мороз"),
        ("Rudenko", "Руденко"),
        ("Pavlenko", "Павленко"),
        ("Kostenko", "Костенко"),
    ],
    feminine_a: false,
};

pub const US_NAMES: NamePool = NamePool {
    first: &[
        ("John", "", false),
        ("Michael", "", false),
        ("David", "", false),
        ("Robert", "", false),
        ("Steven", "", false),
        ("Sarah", "", true),
        ("Emily", "", true),
        ("Karen", "", true),
        ("Laura", "", true),
    ],
    last: &[
        ("Miller", ""),
        ("Carter", ""),
        ("Walsh", ""),
        ("Bennett", ""),
        ("Hughes", ""),
        ("Foster", ""),
        ("Reed", ""),
        ("Sullivan", ""),
        ("Hayes", ""),
    ],
    feminine_a: false,
};

pub const TR_NAMES: NamePool = NamePool {
    first: &[
        ("Mehmet", "", false),
        ("Hakan", "", false),
        ("Murat", "", false),
        ("Kemal", "", false),
        ("Ayşe", "", true),
        ("Emine", "", true),
        ("Zeynep", "", true),
        ("Elif", "", true),
    ],
    last: &[
        ("Yılmaz", ""),
        ("Kaya", ""),
        ("Demir", ""),
        ("Şahin", ""),
        ("Çelik", ""),
        ("Aydın", ""),
        ("Öztürk", ""),
        ("Arslan", ""),
    ],
    feminine_a: false,
};

pub const EU_NAMES: NamePool = NamePool {
    first: &[
        ("Jean", "", false),
        ("Klaus", "", false),
        ("Pierre", "", false),
        ("Marco", "", false),
        ("Marie", "", true),
        ("Ursula", "", true),
        ("Ingrid", "", true),
        ("Agnieszka", "", true),
    ],
    last: &[
        ("Dubois", ""),
        ("Schneider", ""),
        ("Rossi", ""),
        ("Lindqvist", ""),
        ("Novak", ""),
        ("Moreau", ""),
        ("Keller", ""),
        ("Janssen", ""),
        ("Kowalska", ""),
    ],
    feminine_a: false,
};

pub const UN_NAMES: NamePool = NamePool {
    first: &[
        ("Rafael", "", false),
        ("Kwame", "", false),
        ("Ravi", "", false),
        ("Tomás", "", false),
        ("Amina", "", true),
        ("Sofia", "", true),
        ("Mei", "", true),
        ("Leila", "", true),
    ],
    last: &[
        ("Okafor", ""),
        ("Mendes", ""),
        ("Mensah", ""),
        ("Wei", ""),
        ("Sharma", ""),
        ("Álvarez", ""),
        ("Haddad", ""),
        ("Lindgren", ""),
    ],
    feminine_a: false,
};

/// Name pools in the order of [`SIDES`].
pub const POOLS: [&NamePool; 6] = [
    &RU_NAMES, &UA_NAMES, &US_NAMES, &TR_NAMES, &EU_NAMES, &UN_NAMES,
];

/// Roles by side (in the order of [`SIDES`]), then for people with no side.
pub const ROLES: [&[&str]; 7] = [
    &[
        "Presidential aide",
        "Head of the Russian delegation",
        "Deputy Foreign Minister",
        "Kremlin spokesperson",
        "Member of the Russian delegation",
        "Deputy Defence Minister",
        "Ambassador to Türkiye",
        "Chair of the State Duma International Affairs Committee",
        "Помощник президента России",
        "Член российской делегации",
        "Заместитель министра иностранных дел",
    ],
    &[
        "Head of the Ukrainian delegation",
        "Defence Minister",
        "Member of the Ukrainian delegation",
        "Head of the Presidential Office",
        "Parliamentary Commissioner for Human Rights",
        "Deputy Head of Military Intelligence",
        "Foreign Minister",
        "Член української делегації",
        "Радник керівника Офісу президента",
    ],
    &[
        "Special Envoy",
        "Secretary of State",
        "National Security Adviser",
        "Deputy Assistant Secretary of State",
        "Ambassador to NATO",
        "State Department spokesperson",
    ],
    &[
        "Foreign Minister",
        "Presidential spokesperson",
        "Ambassador to Ukraine",
        "Ambassador to Russia",
        "Head of the National Intelligence Organization",
    ],
    &[
        "High Representative for Foreign Affairs",
        "EU spokesperson",
        "EU Special Envoy",
        "Member of the European Parliament",
    ],
    &[
        "Under-Secretary-General for Humanitarian Affairs",
        "IAEA Director General",
        "UN spokesperson",
        "UN Resident Coordinator",
    ],
    &["Political analyst", "Independent mediator", "Journalist"],
];

/// A named body: id, name, aliases, index into [`SIDES`] (`None`: no side).
pub type Body = (
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<usize>,
);

pub const ORGANIZATIONS: &[Body] = &[
    (
        "ru-mfa",
        "Russian Ministry of Foreign Affairs",
        &["Russian Foreign Ministry", "МИД России"],
        Some(0),
    ),
    (
        "ru-mod",
        "Министерство обороны России",
        &["Russian Defence Ministry", "Минобороны"],
        Some(0),
    ),
    ("kremlin", "The Kremlin", &["Кремль"], Some(0)),
    (
        "ru-delegation",
        "Russian delegation",
        &["Российская делегация"],
        Some(0),
    ),
    (
        "ua-mfa",
        "Ministry of Foreign Affairs of Ukraine",
        &["МЗС України", "Ukrainian Foreign Ministry"],
        Some(1),
    ),
    (
        "ua-mod",
        "Ministry of Defence of Ukraine",
        &["Міноборони"],
        Some(1),
    ),
    (
        "ua-president-office",
        "Office of the President of Ukraine",
        &["Офіс президента", "Bankova"],
        Some(1),
    ),
    (
        "ua-pow-hq",
        "Координаційний штаб з питань поводження з військовополоненими",
        &["Coordination Headquarters for the Treatment of Prisoners of War"],
        Some(1),
    ),
    (
        "ua-delegation",
        "Ukrainian delegation",
        &["Українська делегація"],
        Some(1),
    ),
    (
        "nsdc",
        "National Security and Defense Council of Ukraine",
        &["NSDC", "РНБО"],
        Some(1),
    ),
    (
        "us-state-dept",
        "U.S. Department of State",
        &["State Department"],
        Some(2),
    ),
    (
        "us-nsc",
        "U.S. National Security Council",
        &["NSC"],
        Some(2),
    ),
    ("white-house", "The White House", &["White House"], Some(2)),
    (
        "tr-mfa",
        "Turkish Ministry of Foreign Affairs",
        &["Turkish Foreign Ministry", "Dışişleri Bakanlığı"],
        Some(3),
    ),
    (
        "tr-mit",
        "National Intelligence Organization",
        &["MIT"],
        Some(3),
    ),
    (
        "tr-presidency",
        "Presidency of the Republic of Türkiye",
        &["Turkish Presidency"],
        Some(3),
    ),
    (
        "eu-commission",
        "European Commission",
        &["the Commission"],
        Some(4),
    ),
    (
        "eu-eeas",
        "European External Action Service",
        &["EEAS"],
        Some(4),
    ),
    (
        "eu-council",
        "Council of the European Union",
        &["EU Council"],
        Some(4),
    ),
    (
        "un-ocha",
        "UN Office for the Coordination of Humanitarian Affairs",
        &["OCHA"],
        Some(5),
    ),
    (
        "iaea",
        "International Atomic Energy Agency",
        &["IAEA", "МАГАТЭ"],
        Some(5),
    ),
    ("unhcr", "UN Refugee Agency", &["UNHCR"], Some(5)),
    (
        "icrc",
        "International Committee of the Red Cross",
        &["ICRC", "Red Cross", "МККК"],
        None,
    ),
    (
        "osce",
        "Organization for Security and Co-operation in Europe",
        &["OSCE", "ОБСЕ"],
        None,
    ),
    ("holy-see", "Holy See", &["Vatican"], None),
];

pub const GROUPS: &[Body] = &[
    (
        "tass-source",
        "Source from TASS",
        &["a TASS source", "источник ТАСС"],
        None,
    ),
    (
        "ria-source",
        "Источник РИА Новости",
        &["a source has told RIA Novosti"],
        None,
    ),
    (
        "ru-delegation-source",
        "Source in the Russian delegation",
        &["источник в российской делегации"],
        Some(0),
    ),
    (
        "ua-delegation-source",
        "Source in the Ukrainian delegation",
        &["джерело в українській делегації"],
        Some(1),
    ),
    (
        "western-officials",
        "Western officials",
        &["Western diplomats"],
        None,
    ),
    (
        "us-senior-official",
        "Senior U.S. official",
        &["a senior administration official"],
        Some(2),
    ),
    (
        "turkish-diplomatic-sources",
        "Turkish diplomatic sources",
        &["diplomatic sources in Ankara"],
        Some(3),
    ),
    (
        "eu-diplomats",
        "EU diplomats",
        &["diplomats in Brussels"],
        Some(4),
    ),
    (
        "ukrainian-media-sources",
        "Sources of Ukrainian media",
        &["джерела українських ЗМІ"],
        None,
    ),
    (
        "russian-media-sources",
        "Sources of Russian media outlets",
        &["источники российских СМИ"],
        None,
    ),
    (
        "military-bloggers",
        "Military bloggers",
        &["военкоры"],
        None,
    ),
    (
        "un-sources",
        "Sources at the United Nations",
        &["UN sources"],
        Some(5),
    ),
    (
        "kyiv-officials",
        "Officials in Kyiv",
        &["Ukrainian officials"],
        Some(1),
    ),
    (
        "kremlin-sources",
        "Источники в Кремле",
        &["sources in the Kremlin"],
        Some(0),
    ),
    (
        "talks-participants",
        "Participants in the talks",
        &["участники переговоров"],
        None,
    ),
    (
        "mediator-sources",
        "Sources among the mediators",
        &["a source close to the mediators"],
        None,
    ),
    (
        "gulf-diplomats",
        "Gulf diplomats",
        &["a diplomat from the Gulf"],
        None,
    ),
    (
        "intelligence-sources",
        "Intelligence sources",
        &["sources in intelligence"],
        None,
    ),
];

/// An outlet: name, id prefix, web address, usual kind, writes in Cyrillic, and the BCP 47 tag
/// of the language it publishes in (format 1.1 `Source.language`).
pub type Outlet = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static str,
);

pub const OUTLETS: &[Outlet] = &[
    ("Reuters", "reuters", "www.reuters.com", "Wire", false, "en"),
    ("Associated Press", "ap", "apnews.com", "Wire", false, "en"),
    ("AFP", "afp", "www.afp.com", "Wire", false, "en"),
    ("TASS", "tass", "tass.com", "Wire", false, "en"),
    ("ТАСС", "tass-ru", "tass.ru", "Wire", true, "ru"),
    ("РИА Новости", "ria", "ria.ru", "Wire", true, "ru"),
    ("Interfax", "interfax", "interfax.com", "Wire", false, "en"),
    (
        "Интерфакс-Украина",
        "interfax-ua",
        "interfax.com.ua",
        "Wire",
        true,
        "ru",
    ),
    (
        "Ukrinform",
        "ukrinform",
        "www.ukrinform.net",
        "Wire",
        false,
        "en",
    ),
    (
        "Anadolu Agency",
        "anadolu",
        "www.aa.com.tr",
        "Wire",
        false,
        "en",
    ),
    ("Xinhua", "xinhua", "english.news.cn", "Wire", false, "en"),
    ("BBC News", "bbc", "www.bbc.com", "Broadcast", false, "en"),
    ("RT", "rt", "www.rt.com", "LiveFeed", false, "en"),
    (
        "The Kyiv Independent",
        "kyiv-independent",
        "kyivindependent.com",
        "Article",
        false,
        "en",
    ),
    ("Meduza", "meduza", "meduza.io", "Article", true, "ru"),
    (
        "Українська правда",
        "pravda-ua",
        "www.pravda.com.ua",
        "Article",
        true,
        "uk",
    ),
    (
        "Коммерсантъ",
        "kommersant",
        "www.kommersant.ru",
        "Article",
        true,
        "ru",
    ),
    (
        "The Guardian",
        "guardian",
        "www.theguardian.com",
        "LiveFeed",
        false,
        "en",
    ),
    (
        "Al Jazeera",
        "aljazeera",
        "www.aljazeera.com",
        "Broadcast",
        false,
        "en",
    ),
    (
        "Президент России",
        "kremlin",
        "kremlin.ru",
        "Statement",
        true,
        "ru",
    ),
    (
        "Office of the President of Ukraine",
        "president-ua",
        "www.president.gov.ua",
        "Statement",
        false,
        "en",
    ),
    (
        "U.S. Department of State",
        "state-dept",
        "www.state.gov",
        "Statement",
        false,
        "en",
    ),
    (
        "Telegram channel of the Ukrainian Ombudsman",
        "ombudsman-tg",
        "t.me/ombudsman_ua_example",
        "Other",
        false,
        "uk",
    ),
    (
        "Россия-1",
        "rossiya-1",
        "smotrim.ru",
        "Broadcast",
        true,
        "ru",
    ),
];

pub const SOURCE_KINDS: [&str; 6] = [
    "Article",
    "LiveFeed",
    "Wire",
    "Broadcast",
    "Statement",
    "Other",
];

pub const VENUES: &[&str] = &[
    "Ciragan Palace, Istanbul",
    "Dolmabahce Palace, Istanbul",
    "Palais des Nations, Geneva",
    "King Abdulaziz Conference Center, Riyadh",
    "Ritz-Carlton, Jeddah",
    "Antalya Diplomacy Forum, Antalya",
    "Gomel region, Belarus",
    "Apostolic Palace, Vatican City",
    "Sheraton Grand, Doha",
    "Emirates Palace, Abu Dhabi",
    "Стамбул, дворец Долмабахче",
    "Женева, Дворец Наций",
];

pub const CITIES: &[&str] = &[
    "Istanbul",
    "Geneva",
    "Riyadh",
    "Moscow",
    "Kyiv",
    "Washington",
    "Ankara",
    "Brussels",
    "Doha",
    "Abu Dhabi",
    "Москва",
    "Київ",
    "Minsk",
    "New York",
];

/// A topic: its tag, a slug for ids, and noun phrases in English and Russian.
pub struct Topic {
    pub tag: &'static str,
    pub slug: &'static str,
    pub en: &'static [&'static str],
    pub ru: &'static [&'static str],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        tag: "ceasefire",
        slug: "ceasefire",
        en: &[
            "a ceasefire along the line of contact",
            "a 30-day truce",
            "a full and unconditional ceasefire",
            "a mechanism to monitor the ceasefire",
        ],
        ru: &[
            "прекращение огня вдоль линии соприкосновения",
            "тридцатидневное перемирие",
            "полное и безоговорочное прекращение огня",
            "механизм контроля за режимом прекращения огня",
        ],
    },
    Topic {
        tag: "prisoner exchange",
        slug: "pow",
        en: &[
            "an \"all for all\" prisoner exchange",
            "the exchange of 1,000 prisoners of war",
            "the return of severely wounded servicemen",
            "lists of prisoners for the next exchange",
        ],
        ru: &[
            "обмен пленными по формуле «всех на всех»",
            "обмен тысячей военнопленных",
            "возвращение тяжелораненых военнослужащих",
            "списки пленных для следующего обмена",
        ],
    },
    Topic {
        tag: "remains",
        slug: "remains",
        en: &[
            "the repatriation of the bodies of fallen soldiers",
            "the handover of 6,000 bodies",
            "a joint search for the missing",
        ],
        ru: &[
            "возвращение тел погибших военнослужащих",
            "возврат шести тысяч тел",
            "совместный поиск пропавших без вести",
        ],
    },
    Topic {
        tag: "memoranda",
        slug: "memo",
        en: &[
            "the draft memoranda exchanged at the previous round",
            "a joint memorandum on a settlement",
            "the Russian draft memorandum",
            "the Ukrainian counterproposals",
        ],
        ru: &[
            "проекты меморандумов, которыми стороны обменялись на прошлом раунде",
            "совместный меморандум об урегулировании",
            "российский проект меморандума",
            "украинские встречные предложения",
        ],
    },
    Topic {
        tag: "humanitarian",
        slug: "humanitarian",
        en: &[
            "humanitarian corridors for civilians",
            "the evacuation of civilians from front-line towns",
            "access for the Red Cross to prisoners",
        ],
        ru: &[
            "гуманитарные коридоры для мирных жителей",
            "вывоз мирных жителей из прифронтовых городов",
            "доступ Красного Креста к пленным",
        ],
    },
    Topic {
        tag: "children",
        slug: "children",
        en: &[
            "the return of deported children",
            "a list of 339 children",
            "the reunification of families",
        ],
        ru: &[
            "возвращение депортированных детей",
            "список из 339 детей",
            "воссоединение семей",
        ],
    },
    Topic {
        tag: "energy infrastructure",
        slug: "energy",
        en: &[
            "a moratorium on strikes against energy infrastructure",
            "the protection of power plants",
            "a halt to attacks on the power grid",
        ],
        ru: &[
            "мораторий на удары по энергетической инфраструктуре",
            "режим защиты электростанций",
            "прекращение атак на энергосистему",
        ],
    },
    Topic {
        tag: "nuclear safety",
        slug: "nuclear",
        en: &[
            "the safety of the Zaporizhzhia nuclear power plant",
            "an IAEA presence at the plant",
            "a demilitarised zone around the nuclear plant",
        ],
        ru: &[
            "вопрос безопасности Запорожской АЭС",
            "присутствие МАГАТЭ на станции",
            "режим демилитаризованной зоны вокруг АЭС",
        ],
    },
    Topic {
        tag: "Black Sea",
        slug: "black-sea",
        en: &[
            "safe passage for grain ships in the Black Sea",
            "the reopening of Black Sea ports",
            "a maritime ceasefire",
        ],
        ru: &[
            "безопасный проход зерновозов в Чёрном море",
            "возобновление работы черноморских портов",
            "перемирие на море",
        ],
    },
    Topic {
        tag: "sanctions",
        slug: "sanctions",
        en: &[
            "the easing of sanctions",
            "the unfreezing of Russian assets",
            "the return of Russian banks to SWIFT",
        ],
        ru: &[
            "смягчение санкций",
            "размораживание российских активов",
            "возвращение российских банков в SWIFT",
        ],
    },
    Topic {
        tag: "security guarantees",
        slug: "guarantees",
        en: &[
            "international security guarantees for Ukraine",
            "the deployment of a peacekeeping mission",
            "a neutral status for Ukraine",
        ],
        ru: &[
            "международные гарантии безопасности для Украины",
            "размещение миротворческой миссии",
            "нейтральный статус Украины",
        ],
    },
    Topic {
        tag: "territory",
        slug: "territory",
        en: &[
            "the status of the contested regions",
            "the withdrawal of troops from the line of contact",
            "a referendum on the territories",
        ],
        ru: &[
            "статус спорных регионов",
            "отвод войск от линии соприкосновения",
            "референдум по территориям",
        ],
    },
    Topic {
        tag: "schedule",
        slug: "schedule",
        en: &[
            "a date for the next round",
            "the timetable of further talks",
            "a pause in the negotiations",
        ],
        ru: &[
            "график дальнейших переговоров",
            "срок следующего раунда",
            "перерыв в переговорах",
        ],
    },
    Topic {
        tag: "leaders' meeting",
        slug: "leaders",
        en: &[
            "a meeting of the two presidents",
            "a summit of leaders in Istanbul",
            "a direct conversation between the leaders",
        ],
        ru: &[
            "саммит лидеров в Стамбуле",
            "прямой разговор лидеров",
            "формат встречи президентов",
        ],
    },
    Topic {
        tag: "venue",
        slug: "venue",
        en: &[
            "moving the talks to Geneva",
            "a new venue for the talks",
            "holding the next round in the Vatican",
        ],
        ru: &[
            "перенос переговоров в Женеву",
            "новое место проведения переговоров",
            "проведение следующего раунда в Ватикане",
        ],
    },
    Topic {
        tag: "delegation",
        slug: "delegation",
        en: &[
            "the composition of the delegations",
            "the mandate of the delegation",
            "the expansion of the working groups",
        ],
        ru: &[
            "состав делегаций",
            "мандат делегации",
            "расширение рабочих групп",
        ],
    },
];

// ---- English sentences

/// Subjects of reported sentences; `true` when the subject is a proper noun (kept capitalised
/// after "According to TASS, …").
pub const EN_SUBJECTS: &[(&str, bool)] = &[
    ("The Russian delegation", false),
    ("The Ukrainian delegation", false),
    ("The Russian side", false),
    ("The Ukrainian side", false),
    ("Mediators", false),
    ("Both delegations", false),
    ("The Turkish hosts", false),
    ("The working group on humanitarian issues", false),
    ("The head of the delegation", false),
    ("The Kremlin", false),
    ("Kyiv", true),
    ("Washington", true),
    ("The UN Secretariat", false),
    ("Military experts from both sides", false),
    ("The government", false),
];

pub const EN_VERBS: &[&str] = &[
    "proposed",
    "rejected",
    "discussed",
    "backed",
    "called for",
    "insisted on",
    "ruled out",
    "raised the issue of",
    "expressed concern over",
    "welcomed progress on",
    "presented a plan for",
    "questioned",
    "put forward",
    "demanded",
];

pub const EN_TAILS: &[&str] = &[
    "",
    "",
    "",
    " on Tuesday",
    " on Wednesday",
    " behind closed doors",
    " after four hours of talks",
    " without preconditions",
    " at the plenary session",
    " during the consultations",
    " in the morning session",
    " as a first step",
];

pub const EN_ACCORDING: &[&str] = &[
    "According to TASS, ",
    "Reuters reported that ",
    "According to Interfax, ",
    "Sources familiar with the talks said ",
    "Participants in the meeting said ",
];

pub const EN_FIXED: &[&str] = &[
    "No agreement was reached on this issue.",
    "The sides agreed to continue consultations at the expert level.",
    "No date has been set for the next meeting.",
    "The session lasted more than three hours.",
    "No joint statement was issued after the meeting.",
    "The delegations exchanged lists of prisoners.",
    "Journalists were not allowed into the negotiating room.",
];

/// Headline subjects, `true` when plural.
pub const EN_HEAD_SUBJECTS: &[(&str, bool)] = &[
    ("Delegations", true),
    ("Negotiators", true),
    ("Mediators", true),
    ("Both sides", true),
    ("Moscow", false),
    ("Kyiv", false),
    ("Ankara", false),
    ("Washington", false),
    ("The UN", false),
    ("Brussels", false),
];

/// Headline verbs: plural and singular present tense.
pub const EN_HEAD_VERBS: &[(&str, &str)] = &[
    ("propose", "proposes"),
    ("reject", "rejects"),
    ("discuss", "discusses"),
    ("agree on", "agrees on"),
    ("call for", "calls for"),
    ("insist on", "insists on"),
    ("back", "backs"),
    ("rule out", "rules out"),
    ("push for", "pushes for"),
    ("weigh", "weighs"),
];

pub const EN_SAYS: &[&str] = &[
    "no breakthroughs expected",
    "the talks were difficult but constructive",
    "the next round is possible within weeks",
    "the ball is in the other side's court",
    "progress on humanitarian issues",
    "we are not going to rush",
];

/// First-person sentences for quotes; `{}` is replaced by a noun phrase of the topic.
pub const EN_QUOTES: &[&str] = &[
    "We are ready to discuss {}, but only on equal terms.",
    "Our position on {} has not changed since the last round.",
    "There can be no agreement without {}, and our partners know that.",
    "We have handed over our proposals on {} and are waiting for an answer.",
    "It is too early to talk about any breakthroughs.",
    "The talks were difficult, but I would call them constructive.",
    "We agreed to continue working at the level of experts.",
    "I want to stress that {} is a matter of principle for us.",
    "Nobody expects an easy path, and we are not naive.",
    "The other side keeps changing its demands, which does not help.",
    "We will inform the public as soon as there is a result.",
    "Today we spent more than three hours discussing {}.",
    "This is a humanitarian question, not a political one.",
    "We count on the mediators to keep both sides at the table.",
];

/// Short sentences that top up a quote that is still too short.
pub const EN_FILLERS: &[&str] = &[
    "That is all I can say for now.",
    "We will see.",
    "The work continues.",
    "Thank you.",
];

/// What a version-1 `via` held, sorted out as format 1.1 does: how or where the words were said
/// (`channel`), or the relay the outlet had them from (`via`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum How {
    Channel,
    Relay,
}

/// How a quote reached the outlet. The order and length are those of the version-1 list, so
/// that a seed picks the same entry as before.
pub const EN_VIA: &[(&str, How)] = &[
    ("told reporters", How::Channel),
    ("in a Telegram post", How::Channel),
    ("at a press briefing", How::Channel),
    // The outlet depends on Reuters for these words: a relay.
    ("in an interview with Reuters", How::Relay),
    ("on national television", How::Channel),
    ("in a video address", How::Channel),
    ("a source from TASS", How::Relay),
];

/// Channels of quotes that had no `via` in version 1 (format 1.1 `channel`).
pub const EN_CHANNELS: &[&str] = &[
    "told reporters",
    "at a news briefing",
    "in a Telegram post",
    "in a statement",
    "in an interview",
    "at a press conference",
    "in a post on X",
    "in a televised address",
];

pub const EN_CONTEXT: &[&str] = &[
    "On the prospects of the next round",
    "Asked about {}",
    "Commenting on {}",
    "At a press conference after the talks",
    "In response to a question from reporters",
];

pub const EN_DISPUTE: &[&str] = &[
    "Contrary to earlier reports, ",
    "Denying reports to the contrary, ",
    "Unlike what other sources said, ",
];

// ---- Russian sentences

/// Subjects with their gender; `true` when a proper noun (kept capitalised mid-sentence).
pub const RU_SUBJECTS: &[(&str, G, bool)] = &[
    ("Российская делегация", G::F, false),
    ("Украинская делегация", G::F, false),
    ("Российская сторона", G::F, false),
    ("Украинская сторона", G::F, false),
    ("Посредники", G::Pl, false),
    ("Обе делегации", G::Pl, false),
    ("Турецкая сторона", G::F, false),
    ("Рабочая группа", G::F, false),
    ("Глава делегации", G::M, false),
    ("Кремль", G::M, true),
    ("Киев", G::M, true),
    ("Вашингтон", G::M, true),
    ("Представитель МИД", G::M, false),
    ("Военные эксперты", G::Pl, false),
    ("Правительство", G::N, false),
];

/// Past-tense verbs as (stem, rest): the ending goes between them.
pub const RU_VERBS: &[(&str, &str)] = &[
    ("предложил", ""),
    ("обсудил", ""),
    ("отклонил", ""),
    ("поддержал", ""),
    ("одобрил", ""),
    ("согласовал", ""),
    ("затронул", ""),
    ("исключил", ""),
    ("раскритиковал", ""),
    ("поставил", " под сомнение"),
    ("представил", ""),
    ("приветствовал", ""),
];

pub const RU_TAILS: &[&str] = &[
    "",
    "",
    "",
    " во вторник",
    " в среду",
    " за закрытыми дверями",
    " после четырёх часов переговоров",
    " без предварительных условий",
    " на пленарном заседании",
    " в ходе консультаций",
    " в первой половине дня",
];

pub const RU_ACCORDING: &[&str] = &[
    "По данным ТАСС, ",
    "Как сообщает РИА Новости, ",
    "По информации Интерфакса, ",
    "Как отмечают источники, ",
    "По словам участников встречи, ",
];

pub const RU_FIXED: &[&str] = &[
    "Соглашения по этому вопросу достичь не удалось.",
    "Стороны договорились продолжить консультации на уровне экспертов.",
    "Следующая встреча пока не назначена.",
    "Заседание продлилось более трёх часов.",
    "Итоговое заявление по результатам встречи не публиковалось.",
    "Делегации обменялись списками для обмена.",
    "Журналистов в зал переговоров не пустили.",
];

pub const RU_HEAD_SUBJECTS: &[(&str, G)] = &[
    ("Делегации", G::Pl),
    ("Стороны", G::Pl),
    ("Переговорщики", G::Pl),
    ("Посредники", G::Pl),
    ("Москва", G::F),
    ("Киев", G::M),
    ("Анкара", G::F),
    ("Вашингтон", G::M),
    ("ООН", G::F),
    ("Брюссель", G::M),
];

pub const RU_SAYS: &[&str] = &[
    "прорывов ждать не стоит",
    "переговоры были трудными, но конструктивными",
    "следующий раунд возможен в ближайшие недели",
    "мяч на стороне оппонентов",
    "есть прогресс по гуманитарным вопросам",
    "спешить мы не будем",
];

pub const RU_QUOTES: &[&str] = &[
    "Мы готовы обсуждать {}, но только на равных условиях.",
    "Наша позиция не изменилась с прошлого раунда.",
    "Без такого шага, как {}, договорённость невозможна.",
    "Мы передали свои предложения и ждём ответа.",
    "Говорить о каких-либо прорывах пока рано.",
    "Переговоры были трудными, но я бы назвал их конструктивными.",
    "Мы договорились продолжить работу на уровне экспертов.",
    "Хочу подчеркнуть: {} для нас принципиальный вопрос.",
    "Никто не ждёт лёгкого пути, и мы не наивны.",
    "Другая сторона постоянно меняет свои требования, и это не помогает.",
    "Мы сообщим о результатах, как только они будут.",
    "Сегодня мы более трёх часов обсуждали {}.",
    "Это гуманитарный вопрос, а не политический.",
    "Рассчитываем, что посредники удержат обе стороны за столом переговоров.",
];

pub const RU_FILLERS: &[&str] = &[
    "Пока это всё, что я могу сказать.",
    "Посмотрим.",
    "Работа продолжается.",
    "Спасибо.",
];

/// As [`EN_VIA`], for quotes in Russian: every one is a channel.
pub const RU_VIA: &[(&str, How)] = &[
    ("сообщил журналистам", How::Channel),
    ("в Telegram-канале", How::Channel),
    ("на брифинге", How::Channel),
    ("в эфире телеканала «Россия-1»", How::Channel),
    ("в видеообращении", How::Channel),
];

/// As [`EN_CHANNELS`], for quotes in Russian.
pub const RU_CHANNELS: &[&str] = &[
    "журналистам",
    "на брифинге",
    "в Telegram-канале",
    "в заявлении",
    "в интервью",
    "на пресс-конференции",
];

pub const RU_CONTEXT: &[&str] = &[
    "Отвечая на вопрос журналистов",
    "О перспективах следующего раунда",
    "На пресс-конференции по итогам переговоров",
    "Комментируя ход переговоров",
];

pub const RU_DISPUTE: &[&str] = &["Вопреки другим сообщениям, ", "Опровергая прежние данные, "];

/// How a claim reached the outlet, as [`EN_VIA`] sorts quotes'.
pub const CLAIM_VIA: &[(&str, How)] = &[
    ("TASS", How::Relay),
    ("RIA Novosti", How::Relay),
    ("Telegram channel", How::Channel),
    ("news briefing", How::Channel),
    ("a diplomatic source", How::Relay),
    ("Reuters", How::Relay),
    ("ТАСС", How::Relay),
    ("брифинг МИД", How::Channel),
];

/// Channels of claims that had no `via` in version 1.
pub const CLAIM_CHANNELS: &[&str] = &[
    "news briefing",
    "Telegram channel",
    "statement",
    "press conference",
    "told reporters",
];

/// Sentences in Ukrainian, for the `original` of a quote said in Ukrainian and printed in
/// English; whole sentences, so that no noun phrase needs declining.
pub const UK_QUOTES: &[&str] = &[
    "Ми готові до переговорів, але лише на рівних умовах.",
    "Наша позиція не змінилася з минулого раунду.",
    "Говорити про будь-які прориви поки що зарано.",
    "Переговори були важкими, але я назвав би їх конструктивними.",
    "Ми передали свої пропозиції і чекаємо на відповідь.",
    "Ми домовилися продовжити роботу на рівні експертів.",
    "Ніхто не чекає легкого шляху, і ми не наївні.",
    "Це гуманітарне питання, а не політичне.",
    "Ми повідомимо про результати, щойно вони будуть.",
    "Розраховуємо, що посередники втримають обидві сторони за столом переговорів.",
];
