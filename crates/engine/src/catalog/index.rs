//! The catalogue's lookup tables, built once per catalogue on its first lookup: every action's full name
//! written once (rather than for each comparison), and the full names and the global condition keys
//! grouped by length, so that a name is compared, ignoring ASCII case, only with those as long. Lint and
//! evaluation look up every action pattern and condition key of every statement, so a scan of the whole
//! catalogue with a name built per comparison was a large part of their time.

use std::sync::OnceLock;

use super::key_name;
use super::model::Catalog;

/// The tables of one catalogue, made from its data when first asked for. They are derived from the
/// catalogue's own fields, so two catalogues are equal whatever their tables, built or not.
#[derive(Debug, Clone, Default)]
pub struct Index(OnceLock<Tables>);

impl PartialEq for Index {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Index {}

impl Index {
    /// The tables of `catalog`, whose index this is.
    pub(super) fn tables(&self, catalog: &Catalog) -> &Tables {
        self.0.get_or_init(|| Tables::new(catalog))
    }
}

/// Where an action is in the catalogue: its service's place and its own place in that service.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    pub(super) service: usize,
    pub(super) action: usize,
}

/// The lookup tables.
#[derive(Debug, Clone)]
pub(super) struct Tables {
    /// Every action's place and full name as AWS spells it (`ecr:BatchGetImage`), in catalogue order.
    pub(super) actions: Vec<(Place, String)>,
    /// The actions' full names by length, each with its position in `actions`.
    by_name: ByLength,
    /// Whether every full name is ASCII, so that a name compared ignoring ASCII case is found in
    /// `by_name` exactly when the glob would match it.
    pub(super) ascii_names: bool,
    /// The global keys that are not tag templates, with their positions.
    plain_keys: ByLength,
    /// The global tag templates' parts before `/${` (`aws:PrincipalTag`), with their positions.
    tag_keys: ByLength,
}

impl Tables {
    fn new(catalog: &Catalog) -> Self {
        let actions: Vec<(Place, String)> = catalog
            .services
            .iter()
            .enumerate()
            .flat_map(|(service, entry)| {
                entry
                    .actions
                    .iter()
                    .enumerate()
                    .map(move |(action, data)| (Place { service, action }, data.full_name()))
            })
            .collect();
        let by_name = ByLength::new(actions.iter().map(|(_, name)| name.as_str()));
        let ascii_names = actions.iter().all(|(_, name)| name.is_ascii());
        let mut plain_keys = ByLength::default();
        let mut tag_keys = ByLength::default();
        for (position, key) in catalog.global_condition_keys.iter().enumerate() {
            match key_name::tag_template_prefix(&key.name) {
                Some(prefix) => tag_keys.add(prefix, position),
                None => plain_keys.add(&key.name, position),
            }
        }
        Tables {
            actions,
            by_name,
            ascii_names,
            plain_keys,
            tag_keys,
        }
    }

    /// The positions in `actions` of the actions whose full name is `name` ignoring ASCII case, in
    /// catalogue order: at most one in a catalogue without duplicates.
    pub(super) fn named<'t, 'n>(
        &'t self,
        name: &'n str,
    ) -> impl Iterator<Item = usize> + use<'t, 'n> {
        self.by_name.find(name)
    }

    /// The position of the first global key (in catalogue order) that [`key_name::matches`] `name`.
    pub(super) fn global_key(&self, name: &str) -> Option<usize> {
        let plain = self.plain_keys.find(name).next();
        let tagged = name
            .split_once('/')
            .filter(|(_, tag)| !tag.is_empty())
            .and_then(|(head, _)| self.tag_keys.find(head).next());
        plain.into_iter().chain(tagged).min()
    }
}

/// Names grouped by their length in bytes, each with its position, in the order they were added: a name
/// is compared only with the few of its own length, each comparison a quick one of bytes.
#[derive(Debug, Clone, Default)]
struct ByLength(Vec<Vec<(String, usize)>>);

impl ByLength {
    fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut table = ByLength::default();
        for (position, name) in names.into_iter().enumerate() {
            table.add(name, position);
        }
        table
    }

    fn add(&mut self, name: &str, position: usize) {
        if self.0.len() <= name.len() {
            self.0.resize_with(name.len() + 1, Vec::new);
        }
        if let Some(bucket) = self.0.get_mut(name.len()) {
            bucket.push((name.to_owned(), position));
        }
    }

    /// The positions of the names equal to `name` ignoring ASCII case, in the order they were added.
    fn find<'t, 'n>(&'t self, name: &'n str) -> impl Iterator<Item = usize> + use<'t, 'n> {
        self.0
            .get(name.len())
            .into_iter()
            .flatten()
            .filter(move |(known, _)| known.eq_ignore_ascii_case(name))
            .map(|(_, position)| *position)
    }
}
