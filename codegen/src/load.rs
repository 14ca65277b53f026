//! Load: read an API folder's YAML files, parse each with serde, and merge them into one
//! [`RawApi`], remembering which file every item came from so later stages can point at it.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::locate::Positions;
use crate::spec::{Codes, Endpoint, EnumDef, ObjectDef, Quirk, Service, SpecFile};

/// One parsed file: its path, its text's position index.
pub struct SourceFile {
    pub path: PathBuf,
    pub positions: Positions,
}

/// An item together with the index of the file it came from.
pub struct Located<T> {
    pub file: usize,
    pub item: T,
}

/// All files of one API folder, merged.
pub struct RawApi {
    pub dir: PathBuf,
    pub files: Vec<SourceFile>,
    pub service: Option<Located<Service>>,
    pub codes: Option<Located<Codes>>,
    pub types: IndexMap<String, Located<crate::spec::NamedTypeDef>>,
    pub enums: IndexMap<String, Located<EnumDef>>,
    pub objects: IndexMap<String, Located<ObjectDef>>,
    pub endpoints: IndexMap<String, Located<Endpoint>>,
    pub quirks: Vec<Located<Quirk>>,
    pub sandbox: Option<Located<crate::sandbox::spec::SandboxDef>>,
}

impl RawApi {
    /// Where `path` stands in file `file`.
    pub fn loc(&self, file: usize, path: &str) -> crate::model::Loc {
        let f = &self.files[file];
        crate::model::Loc {
            file: f.path.clone(),
            line: f.positions.find(path).0,
        }
    }

    /// A diagnostic at `path` (a YAML key path) in file `file`.
    pub fn at(&self, file: usize, path: &str, message: String, help: String) -> Diagnostic {
        let f = &self.files[file];
        let (line, column) = f.positions.find(path);
        Diagnostic {
            file: f.path.clone(),
            line,
            column,
            message,
            help,
        }
    }
}

/// The API folders under `spec_root` (every directory holding at least one `.yaml` file),
/// sorted by name.
pub fn api_dirs(spec_root: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let entries = std::fs::read_dir(spec_root).map_err(|e| io_diag(spec_root, &e))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_diag(spec_root, &e))?;
        let path = entry.path();
        if path.is_dir() && !yaml_files(&path)?.is_empty() {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}

fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_diag(dir, &e))? {
        let path = entry.map_err(|e| io_diag(dir, &e))?.path();
        if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn io_diag(path: &Path, e: &std::io::Error) -> Diagnostics {
    Diagnostics(vec![Diagnostic {
        file: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
        help: "check that the spec folder exists and is readable".into(),
    }])
}

/// Loads one API folder. Every file is parsed even when an earlier one fails, so all syntax
/// errors are reported together.
pub fn load_api(dir: &Path) -> Result<RawApi, Diagnostics> {
    let mut files = Vec::new();
    for path in yaml_files(dir)? {
        let text = std::fs::read_to_string(&path).map_err(|e| io_diag(&path, &e))?;
        files.push((path, text));
    }
    load_texts(dir, files)
}

/// Loads one API from its files' texts, given as (path, text) in load order: what
/// [`load_api`] does after reading the folder (and what the spec-loader fuzz target feeds).
pub fn load_texts(dir: &Path, files: Vec<(PathBuf, String)>) -> Result<RawApi, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut api = RawApi {
        dir: dir.to_path_buf(),
        files: Vec::new(),
        service: None,
        codes: None,
        types: IndexMap::new(),
        enums: IndexMap::new(),
        objects: IndexMap::new(),
        endpoints: IndexMap::new(),
        quirks: Vec::new(),
        sandbox: None,
    };
    for (path, text) in files {
        let file = api.files.len();
        let positions = Positions::index(&text);
        let structural = structural_diags(&path, &positions);
        api.files.push(SourceFile {
            path: path.clone(),
            positions,
        });
        if !structural.is_empty() {
            // serde's view of a file with a syntax error or a duplicated key is misleading
            // (a "missing field" caused by a bad indent, a definition silently replaced).
            diags.0.extend(structural);
            continue;
        }
        match serde_yaml::from_str::<Option<SpecFile>>(&text) {
            Ok(Some(parsed)) => merge(&mut api, file, parsed, &mut diags),
            Ok(None) => {}
            Err(e) => diags.push(yaml_diag(&path, &e)),
        }
    }
    if diags.is_empty() {
        Ok(api)
    } else {
        Err(diags)
    }
}

/// Syntax errors and duplicated keys, found by the position index.
fn structural_diags(path: &Path, positions: &Positions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some((info, (line, column))) = &positions.syntax_error {
        out.push(Diagnostic {
            file: path.to_path_buf(),
            line: *line,
            column: *column,
            message: format!("YAML syntax error: {info}"),
            help: "fix the YAML at this place (indentation, quoting, a missing `-` or `:`)".into(),
        });
    }
    if let Some((line, column)) = positions.too_deep {
        out.push(Diagnostic {
            file: path.to_path_buf(),
            line,
            column,
            message: format!(
                "YAML nested deeper than {} levels",
                crate::locate::MAX_NESTING
            ),
            help: "a spec nests a few levels (endpoints › request › fields › constraints): \
                   flatten this value"
                .into(),
        });
    }
    for (key, (line, column)) in &positions.duplicates {
        out.push(Diagnostic {
            file: path.to_path_buf(),
            line: *line,
            column: *column,
            message: format!("`{key}` is written twice in this file; only one can count"),
            help: "delete or rename one of the two".into(),
        });
    }
    out
}

fn yaml_diag(path: &Path, e: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let message = e.to_string();
    let help = if message.contains("unknown field") {
        "remove or rename the key: the keys each item takes are in spec/schema/spec.schema.json"
    } else if message.contains("missing field") {
        "add the missing key (spec/schema/spec.schema.json lists what each item needs)"
    } else {
        "fix the YAML at this place (indentation, quoting, or a value of the wrong kind)"
    };
    Diagnostic {
        file: path.to_path_buf(),
        line,
        column,
        message,
        help: help.into(),
    }
}

fn merge(api: &mut RawApi, file: usize, parsed: SpecFile, diags: &mut Diagnostics) {
    if let Some(service) = parsed.service {
        if api.service.is_some() {
            diags.push(api.at(
                file,
                "service",
                "a second `service:` in this API folder".into(),
                "keep one `service:` per API folder; move the others' keys into it".into(),
            ));
        } else {
            api.service = Some(Located {
                file,
                item: service,
            });
        }
    }
    if let Some(sandbox) = parsed.sandbox {
        if api.sandbox.is_some() {
            diags.push(api.at(
                file,
                "sandbox",
                "a second `sandbox:` in this API folder".into(),
                "keep one `sandbox:` per API folder (sandbox.yaml)".into(),
            ));
        } else {
            api.sandbox = Some(Located {
                file,
                item: sandbox,
            });
        }
    }
    if let Some(codes) = parsed.codes {
        if api.codes.is_some() {
            diags.push(api.at(
                file,
                "codes",
                "a second `codes:` table in this API folder".into(),
                "keep one service-wide code table; endpoint-specific codes go under the endpoint's `codes:`".into(),
            ));
        } else {
            api.codes = Some(Located { file, item: codes });
        }
    }
    merge_map(api, file, "types", parsed.types, |a| &mut a.types, diags);
    merge_map(api, file, "enums", parsed.enums, |a| &mut a.enums, diags);
    merge_map(
        api,
        file,
        "objects",
        parsed.objects,
        |a| &mut a.objects,
        diags,
    );
    merge_map(
        api,
        file,
        "endpoints",
        parsed.endpoints,
        |a| &mut a.endpoints,
        diags,
    );
    api.quirks
        .extend(parsed.quirks.into_iter().map(|item| Located { file, item }));
}

fn merge_map<T>(
    api: &mut RawApi,
    file: usize,
    section: &str,
    items: IndexMap<String, T>,
    target: impl Fn(&mut RawApi) -> &mut IndexMap<String, Located<T>>,
    diags: &mut Diagnostics,
) {
    for (name, item) in items {
        if target(api).contains_key(&name) {
            let first_file = target(api)[&name].file;
            let first = api.files[first_file].path.display().to_string();
            diags.push(api.at(
                file,
                &format!("{section}.{name}"),
                format!("`{name}` is defined twice in `{section}` (first in {first})"),
                "give each item one definition; rename or delete this one".into(),
            ));
        } else {
            target(api).insert(name, Located { file, item });
        }
    }
}
