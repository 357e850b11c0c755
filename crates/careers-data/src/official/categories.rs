//! The closed vocabularies of the tables, each with the wording the data
//! uses. Shared with the build's parser ([`super::parse`]), so the
//! build accepts exactly the words these types can hold.

use serde::Serialize;

/// BLS "Typical Entry-Level Education", in this order (the derived `Ord`):
/// no formal credential < high school < postsecondary nondegree award <
/// some college, no degree < associate's < bachelor's < master's <
/// doctoral or professional degree. The order is careers' own ranking of
/// how much schooling a category asks for (BLS gives the categories, not an
/// order); filters such as "at most an associate's degree" rely on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Education {
    NoFormalCredential,
    HighSchool,
    PostsecondaryNondegree,
    SomeCollege,
    Associate,
    Bachelor,
    Master,
    DoctoralOrProfessional,
}

impl Education {
    /// Every category, lowest first.
    pub const ALL: [Education; 8] = [
        Education::NoFormalCredential,
        Education::HighSchool,
        Education::PostsecondaryNondegree,
        Education::SomeCollege,
        Education::Associate,
        Education::Bachelor,
        Education::Master,
        Education::DoctoralOrProfessional,
    ];

    /// The BLS wording, as in projections.tsv.
    pub fn label(self) -> &'static str {
        match self {
            Education::NoFormalCredential => "No formal educational credential",
            Education::HighSchool => "High school diploma or equivalent",
            Education::PostsecondaryNondegree => "Postsecondary nondegree award",
            Education::SomeCollege => "Some college, no degree",
            Education::Associate => "Associate's degree",
            Education::Bachelor => "Bachelor's degree",
            Education::Master => "Master's degree",
            Education::DoctoralOrProfessional => "Doctoral or professional degree",
        }
    }

    /// The category with this BLS wording, exactly.
    pub fn from_label(label: &str) -> Option<Education> {
        Education::ALL.into_iter().find(|e| e.label() == label)
    }
}

/// BLS "Work Experience in a Related Occupation".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Experience {
    None,
    LessThan5Years,
    FiveYearsOrMore,
}

impl Experience {
    pub const ALL: [Experience; 3] = [
        Experience::None,
        Experience::LessThan5Years,
        Experience::FiveYearsOrMore,
    ];

    /// The BLS wording, as in projections.tsv.
    pub fn label(self) -> &'static str {
        match self {
            Experience::None => "None",
            Experience::LessThan5Years => "Less than 5 years",
            Experience::FiveYearsOrMore => "5 years or more",
        }
    }

    pub fn from_label(label: &str) -> Option<Experience> {
        Experience::ALL.into_iter().find(|e| e.label() == label)
    }
}

/// BLS "Typical on-the-job Training". Declared in the order the BLS
/// categories are usually listed; the derived `Ord` is that order and
/// nothing more (an apprenticeship is not "more" than a residency).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Training {
    None,
    ShortTerm,
    ModerateTerm,
    LongTerm,
    Apprenticeship,
    InternshipResidency,
}

impl Training {
    pub const ALL: [Training; 6] = [
        Training::None,
        Training::ShortTerm,
        Training::ModerateTerm,
        Training::LongTerm,
        Training::Apprenticeship,
        Training::InternshipResidency,
    ];

    /// The BLS wording, as in projections.tsv.
    pub fn label(self) -> &'static str {
        match self {
            Training::None => "None",
            Training::ShortTerm => "Short-term on-the-job training",
            Training::ModerateTerm => "Moderate-term on-the-job training",
            Training::LongTerm => "Long-term on-the-job training",
            Training::Apprenticeship => "Apprenticeship",
            Training::InternshipResidency => "Internship/residency",
        }
    }

    pub fn from_label(label: &str) -> Option<Training> {
        Training::ALL.into_iter().find(|e| e.label() == label)
    }
}

/// How an O*NET-SOC occupation maps to a BLS code (`match` in
/// soc_crosswalk.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// `soc`: the O*NET code is the BLS code plus `.00`.
    Soc,
    /// `onet_detail`: an O*NET specialty (`.01` to `.99`) of the BLS code.
    OnetDetail,
    /// `bls_aggregate`: the BLS code combines several O*NET occupations
    /// whose codes start differently (13-1020 Buyers and Purchasing Agents).
    BlsAggregate,
}

impl Match {
    pub const ALL: [Match; 3] = [Match::Soc, Match::OnetDetail, Match::BlsAggregate];

    /// The word of soc_crosswalk.tsv.
    pub fn label(self) -> &'static str {
        match self {
            Match::Soc => "soc",
            Match::OnetDetail => "onet_detail",
            Match::BlsAggregate => "bls_aggregate",
        }
    }

    pub fn from_label(label: &str) -> Option<Match> {
        Match::ALL.into_iter().find(|e| e.label() == label)
    }
}

/// O*NET's task category (`task_type` in onet_tasks.tsv). Declared in the
/// order "core first" lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    Core,
    Supplemental,
    /// O*NET writes `n/a` (an empty cell in the table).
    Unspecified,
}

impl TaskKind {
    pub const ALL: [TaskKind; 3] = [
        TaskKind::Core,
        TaskKind::Supplemental,
        TaskKind::Unspecified,
    ];

    /// The cell of onet_tasks.tsv (empty for [`TaskKind::Unspecified`]).
    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Core => "Core",
            TaskKind::Supplemental => "Supplemental",
            TaskKind::Unspecified => "",
        }
    }

    pub fn from_label(label: &str) -> Option<TaskKind> {
        TaskKind::ALL.into_iter().find(|e| e.label() == label)
    }
}

/// The O*NET release a title and description come from (`release` in
/// onet_occupations.tsv). The text is identical across releases (data
/// README); the release is provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum DescriptionRelease {
    #[serde(rename = "29.1")]
    R29_1,
    #[serde(rename = "25.1")]
    R25_1,
}

impl DescriptionRelease {
    pub const ALL: [DescriptionRelease; 2] = [DescriptionRelease::R29_1, DescriptionRelease::R25_1];

    pub fn label(self) -> &'static str {
        match self {
            DescriptionRelease::R29_1 => "29.1",
            DescriptionRelease::R25_1 => "25.1",
        }
    }

    pub fn from_label(label: &str) -> Option<DescriptionRelease> {
        DescriptionRelease::ALL
            .into_iter()
            .find(|e| e.label() == label)
    }
}
