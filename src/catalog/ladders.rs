//! The career ladders of the catalog, wherever they are written: in a
//! role's file (`[[ladder]]`, as the bundled guides lay them out) or in a
//! file of their own (`ladders/<id>.toml`). Every command that reads
//! ladders (`ladder`, `path`, `show`, `compare`) reads them here, so that
//! both kinds are treated alike.

use super::Catalog;
use crate::error::Result;
use crate::model::{Ladder, LadderFile};

/// A ladder of the catalog and where it is written.
#[derive(Debug, Clone, Copy)]
pub struct LadderRef<'a> {
    pub ladder: &'a Ladder,
    pub home: Home<'a>,
}

/// Where a ladder is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home<'a> {
    /// In the file of this role, which lays it out.
    Role { id: &'a str, title: &'a str },
    /// In a ladder file: the ladder's id and the file's path.
    File { id: &'a str, file: &'a str },
}

impl<'a> LadderRef<'a> {
    /// The role whose file lays the ladder out; `None` for a ladder file.
    pub fn owner(&self) -> Option<&'a str> {
        match self.home {
            Home::Role { id, .. } => Some(id),
            Home::File { .. } => None,
        }
    }

    /// The ladder file's id; `None` for a ladder in a role's file.
    pub fn file_id(&self) -> Option<&'a str> {
        match self.home {
            Home::File { id, .. } => Some(id),
            Home::Role { .. } => None,
        }
    }

    /// Whether the role `id` is on the ladder: a tier is that role, or the
    /// ladder is laid out in that role's file.
    pub fn has_role(&self, id: &str) -> bool {
        self.owner() == Some(id) || self.ladder.tiers.iter().any(|t| is(t.role.as_deref(), id))
    }

    /// The places (1-based, lowest tier first) of the tiers that are the
    /// role `id`.
    pub fn positions_of(&self, id: &str) -> Vec<usize> {
        self.ladder
            .tiers
            .iter()
            .enumerate()
            .filter(|(_, t)| is(t.role.as_deref(), id))
            .map(|(i, _)| i + 1)
            .collect()
    }
}

fn is(role: Option<&str>, id: &str) -> bool {
    role == Some(id)
}

/// A ladder file of the user data, with the path it was read from.
#[derive(Debug, Clone)]
pub(super) struct LadderSlot {
    pub ladder: LadderFile,
    pub file: String,
}

impl LadderSlot {
    fn as_ref(&self) -> LadderRef<'_> {
        LadderRef {
            ladder: &self.ladder.ladder,
            home: Home::File {
                id: &self.ladder.id,
                file: &self.file,
            },
        }
    }
}

impl Catalog {
    /// Every ladder of the catalog: those laid out in role files, in the
    /// order of the roles, then the ladder files, in the order they were
    /// read. Decodes every role's short facts.
    pub fn ladders(&self) -> Result<Vec<LadderRef<'_>>> {
        let mut out = Vec::new();
        for core in self.cores() {
            let core = core?;
            out.extend(core.ladder.iter().map(|ladder| LadderRef {
                ladder,
                home: Home::Role {
                    id: &core.id,
                    title: &core.title,
                },
            }));
        }
        out.extend(self.ladder_files.iter().map(LadderSlot::as_ref));
        Ok(out)
    }

    /// The ladders of the user data's ladder files, in the order they were
    /// read: [`Catalog::ladders`] without decoding any role.
    pub fn file_ladders(&self) -> impl Iterator<Item = LadderRef<'_>> {
        self.ladder_files.iter().map(LadderSlot::as_ref)
    }

    /// The ladders the role `id` is on ([`LadderRef::has_role`]), in the
    /// order of [`Catalog::ladders`]. Decodes only the role itself and the
    /// roles whose ladders may link it, which their heads' keys say: `show`
    /// on one role of 10,000 does not decode them all.
    pub fn ladders_on(&self, id: &str) -> Result<Vec<LadderRef<'_>>> {
        let mut out = Vec::new();
        let key = crate::model::role_key(id);
        for slot in &self.slots {
            let head = &slot.head;
            if head.id != id && !head.ladder_roles.contains(&key) {
                continue;
            }
            let core = self.core(slot)?;
            let on = core.ladder.iter().map(|ladder| LadderRef {
                ladder,
                home: Home::Role {
                    id: &core.id,
                    title: &core.title,
                },
            });
            out.extend(on.filter(|l| l.has_role(id)));
        }
        let files = self.ladder_files.iter().map(LadderSlot::as_ref);
        out.extend(files.filter(|l| l.has_role(id)));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_ladders_in_role_order() {
        let catalog = Catalog::bundled().expect("bundled");
        let all = catalog.ladders().expect("decodes");
        let owners: Vec<_> = all.iter().map(|l| l.owner()).collect();
        assert_eq!(
            owners,
            [
                Some("customer-service-associate"),
                Some("customer-service-representative")
            ]
        );
        assert!(all.iter().all(|l| l.file_id().is_none()));
    }

    #[test]
    fn a_role_is_on_the_ladders_its_file_lays_out_or_a_tier_links() {
        let catalog = Catalog::bundled().expect("bundled");
        let on = |id: &str| -> Vec<(Option<String>, Vec<usize>)> {
            let ladders = catalog.ladders_on(id).expect("decodes");
            ladders
                .iter()
                .map(|l| (l.owner().map(str::to_string), l.positions_of(id)))
                .collect()
        };
        assert_eq!(
            on("customer-service-manager"),
            [(Some("customer-service-associate".to_string()), vec![5])]
        );
        assert_eq!(
            on("customer-service-associate"),
            [(
                Some("customer-service-associate".to_string()),
                vec![1, 2, 3]
            )]
        );
        assert_eq!(on("customer-service-supervisor").len(), 2);
        assert_eq!(on("customer-service-clerk"), []);
        // The same answer as a scan of every ladder.
        for h in catalog.heads() {
            let scanned = catalog.ladders().expect("decodes");
            let scanned: Vec<_> = scanned.iter().filter(|l| l.has_role(&h.id)).collect();
            assert_eq!(
                catalog.ladders_on(&h.id).expect("decodes").len(),
                scanned.len()
            );
        }
    }
}
