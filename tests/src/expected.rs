//! Expected values kept in committed files (`tests/expected/<name>.txt`), in the manner of
//! `insta`: what each input decodes to is written down once as text, reviewed in the diff, and
//! every later run must give the same text. `HYP_BLESS=1` rewrites the files from what the code
//! gives now; review the diff before committing it.
//!
//! A file is a list of records, each a `### <key>` line followed by its value's lines, in the
//! order the test made them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The marker opening a record.
const MARK: &str = "### ";

/// One test's expected values, and what the run gave.
pub struct Expected {
    path: PathBuf,
    recorded: BTreeMap<String, String>,
    got: Vec<(String, String)>,
    /// How often each key was given, to number repeats.
    counts: BTreeMap<String, usize>,
}

impl Expected {
    /// The values recorded under `name` (none yet when the file does not exist).
    pub fn open(name: &str) -> Self {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("expected")
            .join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // Each record is its marker line and its value's lines, each line ended by `\n`; a
        // value's `\r` and blank lines are kept as they are.
        let mut recorded = BTreeMap::new();
        let mut record: Option<(String, Vec<&str>)> = None;
        let body = text.strip_suffix('\n').unwrap_or(&text);
        for line in body.split('\n').filter(|_| !text.is_empty()) {
            if let Some(k) = line.strip_prefix(MARK) {
                if let Some((done, value)) = record.replace((k.to_string(), Vec::new())) {
                    recorded.insert(done, value.join("\n"));
                }
            } else if let Some((_, value)) = record.as_mut() {
                value.push(line);
            }
        }
        if let Some((done, value)) = record {
            recorded.insert(done, value.join("\n"));
        }
        Expected {
            path,
            recorded,
            got: Vec::new(),
            counts: BTreeMap::new(),
        }
    }

    /// Records what input `key` gave (its line breaks written `\n` and `\r`). A key given again is
    /// numbered (`key #2`).
    ///
    /// # Panics
    /// When the value has a line that would read as a record's start.
    pub fn check(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let (key, value) = (key.into(), value.into());
        let mut key = key.replace('\n', "\\n").replace('\r', "\\r");
        let n = self.counts.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            key = format!("{key} #{n}");
        }
        assert!(
            value.split('\n').all(|l| !l.starts_with(MARK)),
            "{key}: no value line starts with {MARK:?}"
        );
        self.got.push((key, value));
    }

    /// How many values the run recorded.
    pub fn len(&self) -> usize {
        self.got.len()
    }

    /// Whether the run recorded nothing.
    pub fn is_empty(&self) -> bool {
        self.got.is_empty()
    }

    /// Compares the run with the file (or, with `HYP_BLESS=1`, writes the run to it).
    ///
    /// # Panics
    /// When the run and the file differ: the message lists the differences.
    pub fn finish(self) {
        let seen: BTreeMap<&str, &str> = self
            .got
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if std::env::var_os("HYP_BLESS").is_some_and(|v| v == "1") {
            let mut text = String::new();
            for (k, v) in &self.got {
                let _ = writeln!(text, "{MARK}{k}\n{v}");
            }
            std::fs::create_dir_all(self.path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(&self.path, text).expect("write the expected values");
            return;
        }
        let cut = |s: &str| s.chars().take(600).collect::<String>();
        let mut diffs = Vec::new();
        for (k, v) in &self.got {
            match self.recorded.get(k) {
                None => diffs.push(format!("new: {k}\n  got:      {}", cut(v))),
                Some(want) if want != v => diffs.push(format!(
                    "changed: {k}\n  expected: {}\n  got:      {}",
                    cut(want),
                    cut(v)
                )),
                Some(_) => {}
            }
        }
        for k in self
            .recorded
            .keys()
            .filter(|k| !seen.contains_key(k.as_str()))
        {
            diffs.push(format!("not made by this run: {k}"));
        }
        assert!(
            diffs.is_empty(),
            "{} of {} values differ from {} (HYP_BLESS=1 rewrites it; review the diff):\n{}",
            diffs.len(),
            self.got.len(),
            self.path.display(),
            diffs
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// `text` whole when it is short, else its first 100 characters, its length and its FNV-1a
/// hash: the file stays small and any change still shows.
pub fn abbreviated(text: &str) -> String {
    if text.chars().count() <= 160 {
        return text.to_string();
    }
    let head: String = text.chars().take(100).collect();
    format!(
        "{head} … ({} bytes, FNV-1a {})",
        text.len(),
        fnv(text.as_bytes())
    )
}

/// The 64-bit FNV-1a hash of `data`, in hex: a name for an input that is the same on every run
/// and platform.
pub fn fnv(data: &[u8]) -> String {
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
