//! Where each YAML node stands: a map from a node's path (`endpoints.X.request.fields[2].type`)
//! to its 1-based line and column, built from saphyr's event stream. serde gives us values
//! without places; this index gives the validator places for them.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

#[derive(Debug, Default)]
pub struct Positions {
    map: HashMap<String, (usize, usize)>,
    /// Mapping keys written twice under the same parent (serde would keep only the last).
    pub duplicates: Vec<(String, (usize, usize))>,
    /// The first YAML syntax error, with its place: reported before anything serde says, which
    /// may be a consequence of it.
    pub syntax_error: Option<(String, (usize, usize))>,
    /// Where the YAML first nests deeper than [`MAX_NESTING`]: the walk stops there, and the
    /// file is reported, never handed to serde.
    pub too_deep: Option<(usize, usize)>,
}

/// The deepest nesting a spec file may have. Real files nest a handful of levels (endpoints ›
/// request › fields › item › constraints); a bound keeps a hostile file from costing memory
/// or stack.
pub const MAX_NESTING: usize = 64;

enum Frame {
    /// In a mapping: the path of the mapping, and the key whose value comes next (if any).
    Map { path: String, key: Option<String> },
    /// In a sequence: the path of the sequence and the index of the next item.
    Seq { path: String, next: usize },
}

impl Positions {
    /// Indexes `text`. A YAML syntax error ends the walk early; serde reports it with its place.
    pub fn index(text: &str) -> Positions {
        let mut positions = Positions::default();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let (event, span) = match item {
                Ok(x) => x,
                Err(e) => {
                    let m = e.marker();
                    positions.syntax_error = Some((e.info().to_string(), (m.line(), m.col() + 1)));
                    break;
                }
            };
            let here = (span.start.line(), span.start.col() + 1);
            match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = positions.enter_value(&mut stack, here);
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { path, key: None }
                    } else {
                        Frame::Seq { path, next: 0 }
                    });
                    if stack.len() > MAX_NESTING {
                        positions.too_deep = Some(here);
                        break;
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    positions.value_done(&mut stack);
                }
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map {
                        path,
                        key: key @ None,
                    }) = stack.last_mut()
                    {
                        let full = join(path, &value);
                        let under_reported = positions
                            .duplicates
                            .iter()
                            .any(|(d, _)| full.starts_with(&format!("{d}.")));
                        if positions.map.insert(full.clone(), here).is_some() && !under_reported {
                            positions.duplicates.push((full, here));
                        }
                        *key = Some(value.into_owned());
                    } else {
                        positions.enter_value(&mut stack, here);
                        positions.value_done(&mut stack);
                    }
                }
                Event::Alias(_) => {
                    positions.enter_value(&mut stack, here);
                    positions.value_done(&mut stack);
                }
                _ => {}
            }
        }
        positions
    }

    /// The path of the value that starts here, recording sequence items' places.
    fn enter_value(&mut self, stack: &mut [Frame], here: (usize, usize)) -> String {
        match stack.last_mut() {
            None => String::new(),
            Some(Frame::Map { path, key }) => join(path, key.as_deref().unwrap_or("?")),
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                self.map.entry(p.clone()).or_insert(here);
                p
            }
        }
    }

    /// A value has ended: the enclosing mapping waits for its next key, a sequence for its next
    /// item.
    fn value_done(&mut self, stack: &mut [Frame]) {
        match stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { next, .. }) => *next += 1,
            None => {}
        }
    }

    /// The place of `path`, or of its nearest indexed ancestor, or the file's start.
    pub fn find(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(pos) = self.map.get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return (1, 1),
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_sequence_items() {
        let text = "service:\n  name: x\nendpoints:\n  A:\n    fields:\n      - wire: a\n      - wire: b\n        type: int\n";
        let p = Positions::index(text);
        assert_eq!(p.find("service.name"), (2, 3));
        assert_eq!(p.find("endpoints.A.fields[1]"), (7, 9));
        assert_eq!(p.find("endpoints.A.fields[1].type"), (8, 9));
        // Unknown leaf: falls back to the nearest ancestor.
        assert_eq!(p.find("endpoints.A.fields[1].nope"), (7, 9));
    }

    #[test]
    fn stops_at_the_nesting_bound() {
        let at = |depth: usize| {
            Positions::index(&format!("a: {}{}", "[".repeat(depth), "]".repeat(depth)))
        };
        assert_eq!(at(MAX_NESTING - 1).too_deep, None);
        assert_eq!(at(MAX_NESTING).too_deep, Some((1, 4 + MAX_NESTING - 1)));
    }

    #[test]
    fn reports_duplicate_keys_and_syntax_errors() {
        let p = Positions::index("a:\n  b: 1\n  b: 2\n");
        assert_eq!(p.duplicates, vec![("a.b".to_string(), (3, 3))]);
        let p = Positions::index("a: \"open\n");
        assert!(p.syntax_error.is_some());
    }
}
