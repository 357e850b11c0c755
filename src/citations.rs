//! Numbered citations: the sources a view cites, numbered `[1]`, `[2]`...
//! in the order the view first cites them. Every view that cites sources
//! holds one [`Citations`], filled by its command in the order its text
//! output shows the facts; renderers only look numbers up.

use crate::model::Source;

/// The sources cited so far, in order of first citation.
#[derive(Debug, Clone, Default)]
pub struct Citations<'a> {
    /// The sources catalog the cited ids are looked up in.
    catalog: &'a [Source],
    cited: Vec<Cited<'a>>,
}

/// One cited source: its id, and its entry in the sources catalog when
/// there is one (data from a validated catalog always has one).
#[derive(Debug, Clone, PartialEq)]
pub struct Cited<'a> {
    pub id: String,
    pub source: Option<&'a Source>,
}

impl<'a> Cited<'a> {
    /// The source's title, or a note that the catalog lacks it.
    pub fn title(&self) -> &'a str {
        self.source
            .map_or("(not in the sources catalog)", |s| s.title.as_str())
    }
}

impl<'a> Citations<'a> {
    /// No citations yet; ids will be looked up in `catalog`.
    pub fn new(catalog: &'a [Source]) -> Citations<'a> {
        Citations {
            catalog,
            cited: Vec::new(),
        }
    }

    /// The 1-based number of `id`, numbering it on first citation.
    pub fn cite(&mut self, id: &str) -> usize {
        if let Some(n) = self.number(id) {
            return n;
        }
        self.cited.push(Cited {
            id: id.to_string(),
            source: self.catalog.iter().find(|s| s.id == id),
        });
        self.cited.len()
    }

    /// Cites every id of `ids`, in order.
    pub fn cite_all<'i>(&mut self, ids: impl IntoIterator<Item = &'i str>) {
        for id in ids {
            self.cite(id);
        }
    }

    /// The 1-based number of a cited source, `None` when it is not cited.
    pub fn number(&self, id: &str) -> Option<usize> {
        self.cited.iter().position(|c| c.id == id).map(|i| i + 1)
    }

    /// The cited sources with their numbers, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (usize, &Cited<'a>)> + '_ {
        self.cited.iter().enumerate().map(|(i, c)| (i + 1, c))
    }

    /// The catalog entries of the cited sources, in order (ids the catalog
    /// lacks are left out).
    pub fn sources(&self) -> impl Iterator<Item = &'a Source> + '_ {
        self.cited.iter().filter_map(|c| c.source)
    }

    pub fn len(&self) -> usize {
        self.cited.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cited.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str) -> Source {
        Source {
            id: id.into(),
            title: format!("Title of {id}"),
            publisher: None,
            kind: "essay".into(),
            date: None,
            url: None,
            note: None,
            cites: Vec::new(),
        }
    }

    #[test]
    fn numbers_in_order_of_first_citation_and_never_twice() {
        let catalog = [source("a"), source("b"), source("c")];
        let mut c = Citations::new(&catalog);
        assert_eq!(c.cite("c"), 1);
        assert_eq!(c.cite("a"), 2);
        assert_eq!(c.cite("c"), 1);
        assert_eq!(c.number("a"), Some(2));
        assert_eq!(c.number("b"), None);
        let ids: Vec<(usize, &str)> = c.iter().map(|(n, s)| (n, s.id.as_str())).collect();
        assert_eq!(ids, [(1, "c"), (2, "a")]);
        assert_eq!(
            c.sources().map(|s| s.title.as_str()).collect::<Vec<_>>(),
            ["Title of c", "Title of a"]
        );
    }

    #[test]
    fn an_id_missing_from_the_catalog_is_still_numbered() {
        let mut c = Citations::new(&[]);
        assert_eq!(c.cite("nowhere"), 1);
        let (_, cited) = c.iter().next().unwrap();
        assert_eq!(cited.title(), "(not in the sources catalog)");
        assert_eq!(c.sources().count(), 0);
    }
}
