//! `cargo xtask spec-diff` end to end: a temporary git repository with a tiny spec, commits of
//! realistic edits, and the built `xtask` binary run inside it (it finds the repository from its
//! current directory). Checks the markdown and JSON output, `--fail-on`, the default base, the
//! working tree, a single-commit clone, a base whose spec does not load, and moves that are not
//! changes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const SERVICE: &str = r#"service:
  name: shop
  module: shop
  feature: shop
  title: Shop API
  doc: A tiny API.
  source: s
  transport:
    kind: json_post
    path: "{wire}"
    doc: d
    source: s
  base_url:
    default: null
    doc: d
    source: s
  auth:
    kind: bearer
    doc: d
    source: s
  envelope:
    code: ResponseCode
    message: ResponseMsg
    doc: d
    source: s
  timeouts:
    default_secs: 30
    margin_secs: 5
    doc: d
codes:
  type: ResultCode
  doc: d
  values:
    - code: 0
      name: Success
      doc: Success.
      source: s
      http_status: 200
    - code: 4
      name: DatabaseError
      doc: Database error.
      source: s
      http_status: 500
"#;

const ENUMS: &str = r#"enums:
  PaymentMethod:
    repr: int
    doc: How the client paid (wire field MethodEnum).
    source: s
    values:
      - wire: 1
        name: CreditCard
        doc: Credit card.
        source: s
      - wire: 2
        name: BankTransfer
        doc: Bank transfer.
        source: s
"#;

const ENDPOINTS: &str = r#"endpoints:
  MT4_Deposit_Fiat_Json:
    rust: deposit_fiat
    doc: Record a deposit.
    source: s
    moves_money: true
    request:
      fields:
        - wire: ClientNumber
          type: int
          required: true
          doc: d
          source: s
        - wire: MethodEnum
          rust: method
          type: PaymentMethod
          required: true
          doc: d
          source: s
        - wire: Voucher_Number
          type: int
          doc: Clearing voucher number.
          source: s
    response:
      fields:
        - wire: Receipt_Num
          type: int
          required: true
          doc: d
          source: s
    outcomes:
      - codes: [0]
        variant: Created
        doc: d
        source: s
"#;

/// A git repository in a fresh directory under the target's temp dir.
struct Repo {
    dir: PathBuf,
}

fn tmp_root() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Git and xtask see only this repository: no user or system config, no discovery above it.
fn isolate(cmd: &mut Command, repo: &Path) {
    cmd.current_dir(repo)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env("GIT_CEILING_DIRECTORIES", tmp_root())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", repo.join(".no-global-gitconfig"))
        .env("GIT_AUTHOR_NAME", "Spec Diff Test")
        .env("GIT_AUTHOR_EMAIL", "spec-diff@example.invalid")
        .env("GIT_COMMITTER_NAME", "Spec Diff Test")
        .env("GIT_COMMITTER_EMAIL", "spec-diff@example.invalid");
}

impl Repo {
    /// An empty directory (not yet a repository).
    fn dir(test: &str) -> Repo {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = tmp_root().join(format!(
            "spec-diff-cli-{test}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp repo dir");
        Repo { dir }
    }

    /// A repository on `main` with the tiny spec committed once.
    fn new(test: &str) -> Repo {
        let r = Repo::dir(test);
        r.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
        r.write("spec/shop/service.yaml", SERVICE);
        r.write("spec/shop/enums.yaml", ENUMS);
        r.write("spec/shop/endpoints.yaml", ENDPOINTS);
        r.write("README.md", "A test repository.\n");
        r.commit("a tiny spec");
        r
    }

    fn git(&self, args: &[&str]) {
        let mut cmd = Command::new("git");
        isolate(&mut cmd, &self.dir);
        let out = cmd
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
            ])
            .args(args)
            .output()
            .expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dirs");
        std::fs::write(path, text).expect("write");
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).expect("read")
    }

    /// Replaces the one occurrence of `from` in `rel`.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    /// The realistic vendor change: a new MethodEnum value, Voucher_Number required, a new code.
    fn vendor_change(&self) {
        self.edit(
            "spec/shop/enums.yaml",
            "        doc: Bank transfer.\n        source: s\n",
            "        doc: Bank transfer.\n        source: s\n      - wire: 8\n        name: Crypto\n        doc: Crypto (an example value).\n        source: s\n",
        );
        self.edit(
            "spec/shop/endpoints.yaml",
            "          type: int\n          doc: Clearing voucher number.\n",
            "          type: int\n          required: true\n          doc: Clearing voucher number.\n",
        );
        self.edit(
            "spec/shop/service.yaml",
            "      http_status: 500\n",
            "      http_status: 500\n    - code: 31\n      name: RateLimited\n      doc: Too many calls.\n      source: s\n      http_status: 429\n",
        );
    }

    /// Runs `cargo xtask spec-diff <args>` in the repository.
    fn spec_diff(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
        isolate(&mut cmd, &self.dir);
        let out = cmd.arg("spec-diff").args(args).output().expect("run xtask");
        Run(out)
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

struct Run(Output);

impl Run {
    fn code(&self) -> Option<i32> {
        self.0.status.code()
    }
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    fn debug(&self) -> String {
        format!(
            "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }
}

#[test]
fn markdown_lists_the_vendor_change_with_files_and_lines() {
    let r = Repo::new("markdown");
    r.vendor_change();
    r.commit("vendor docs changed");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "markdown"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let md = run.stdout();
    assert!(
        md.starts_with("### Spec diff: 1 breaking, 2 warnings, 0 info"),
        "{md}"
    );
    assert!(md.contains("#### Breaking (1)"), "{md}");
    assert!(md.contains("#### Warning (2)"), "{md}");
    assert!(md.contains("**field made required (request)**"), "{md}");
    assert!(md.contains("**enum value added (request)**"), "{md}");
    assert!(md.contains("**code added**"), "{md}");
    // Where: the new spec's file and line, relative to the repository.
    let line = r
        .read("spec/shop/endpoints.yaml")
        .lines()
        .position(|l| l.trim() == "- wire: Voucher_Number")
        .map(|i| i + 1)
        .expect("Voucher_Number");
    assert!(
        md.contains(&format!("`spec/shop/endpoints.yaml:{line}`")),
        "{md}"
    );
    // No hyp-api/Cargo.toml here: standard SemVer, no versions named.
    assert!(
        md.contains("**major**: breaking changes (current version unknown"),
        "{md}"
    );
}

#[test]
fn json_has_the_documented_shape() {
    let r = Repo::new("json");
    r.vendor_change();
    r.commit("vendor docs changed");
    r.write(
        "hyp-api/Cargo.toml",
        "[package]\nname = \"hyp-api\"\nversion = \"0.1.0\"\n\n[dependencies]\nx = { version = \"9.9.9\" }\n",
    );
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let json = run.stdout();
    for needle in [
        "\"schema_version\": 1",
        "\"breaking\": 1",
        "\"warning\": 2",
        "\"total\": 3",
        "\"bump\": \"minor\"",
        "\"current\": \"0.1.0\"",
        "\"next\": \"0.2.0\"",
        "\"kind\": \"field_made_required\"",
        "\"id\": \"field_made_required.request\"",
        "\"subject\": \"endpoints.MT4_Deposit_Fiat_Json.request.Voucher_Number\"",
        "\"kind\": \"enum_value_added\"",
        "\"subject\": \"enums.PaymentMethod.values.8\"",
        "\"kind\": \"code_added\"",
        "\"subject\": \"codes.31\"",
        "\"file\": \"spec/shop/endpoints.yaml\"",
        "\"in_base\": false",
    ] {
        assert!(json.contains(needle), "missing {needle} in\n{json}");
    }
    assert!(json.trim_start().starts_with('{') && json.trim_end().ends_with('}'));
    // Fingerprints: 16 hex digits, the same on a second run.
    let again = r
        .spec_diff(&["--base", "HEAD~1", "--format", "json"])
        .stdout();
    assert_eq!(json, again);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let r = Repo::new("fail-on");
    r.vendor_change();
    r.commit("vendor docs changed");
    let breaking = r.spec_diff(&["--base", "HEAD~1", "--fail-on", "breaking"]);
    assert_eq!(breaking.code(), Some(1), "{}", breaking.debug());
    assert!(
        breaking.stdout().contains("### Spec diff"),
        "the report is still printed"
    );
    assert_eq!(
        r.spec_diff(&["--base", "HEAD~1", "--fail-on", "warn"])
            .code(),
        Some(1)
    );
    assert_eq!(r.spec_diff(&["--base", "HEAD~1"]).code(), Some(0));

    // A doc-only change fails neither.
    r.edit(
        "spec/shop/endpoints.yaml",
        "doc: Record a deposit.",
        "doc: Record a fiat deposit.",
    );
    r.commit("docs");
    for fail_on in ["breaking", "warn"] {
        let run = r.spec_diff(&["--base", "HEAD~1", "--format", "text", "--fail-on", fail_on]);
        assert_eq!(run.code(), Some(0), "{}", run.debug());
        assert!(
            run.stdout().contains("0 breaking, 0 warnings, 1 info"),
            "{}",
            run.debug()
        );
    }
    // A new code alone is a warning: --fail-on warn fails, --fail-on breaking does not.
    r.edit(
        "spec/shop/service.yaml",
        "      http_status: 500\n",
        "      http_status: 500\n    - code: 32\n      name: Maintenance\n      doc: Down for maintenance.\n      source: s\n      http_status: 503\n",
    );
    r.commit("a new code");
    assert_eq!(
        r.spec_diff(&["--base", "HEAD~1", "--fail-on", "breaking"])
            .code(),
        Some(0)
    );
    assert_eq!(
        r.spec_diff(&["--base", "HEAD~1", "--fail-on", "warn"])
            .code(),
        Some(1)
    );
}

#[test]
fn default_base_is_the_merge_base_with_main_and_the_working_tree_counts() {
    let r = Repo::new("default-base");
    r.git(&["checkout", "-q", "-b", "vendor-update"]);
    r.vendor_change();
    r.commit("vendor docs changed");
    // An uncommitted edit is part of what is compared.
    r.edit(
        "spec/shop/enums.yaml",
        "doc: Credit card.",
        "doc: Credit or debit card.",
    );
    let run = r.spec_diff(&["--format", "text"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let text = run.stdout();
    assert!(text.contains("the merge base with main"), "{text}");
    assert!(
        text.contains("4 changes (1 breaking, 2 warnings, 1 info)"),
        "{text}"
    );
    assert!(text.contains("INFO      doc changed"), "{text}");
}

#[test]
fn a_single_commit_clone_has_no_base_and_exits_0() {
    let r = Repo::new("single-commit");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "text"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    assert!(run.stdout().contains("no base"), "{}", run.debug());
    // With --fail-on, not being able to compare is an error.
    let run = r.spec_diff(&["--base", "HEAD~1", "--fail-on", "breaking"]);
    assert_eq!(run.code(), Some(2), "{}", run.debug());
}

#[test]
fn a_base_whose_spec_does_not_load_is_reported_with_exit_2() {
    let r = Repo::new("bad-base");
    r.edit(
        "spec/shop/enums.yaml",
        "    repr: int\n",
        "    repr: int\n    colour: blue\n",
    );
    r.commit("a typo");
    r.edit("spec/shop/enums.yaml", "    colour: blue\n", "");
    r.commit("typo fixed");
    let run = r.spec_diff(&["--base", "HEAD~1"]);
    assert_eq!(run.code(), Some(2), "{}", run.debug());
    let err = run.stderr();
    assert!(err.contains("does not load"), "{err}");
    assert!(err.contains("spec/shop/enums.yaml"), "{err}");
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn moving_and_reformatting_yaml_is_not_a_change() {
    let r = Repo::new("moves");
    // The enum moves to another file, keys are reordered, comments and blank lines added.
    std::fs::remove_file(r.dir.join("spec/shop/enums.yaml")).expect("remove");
    r.write(
        "spec/shop/payment.yaml",
        &format!(
            "# Moved here.\n\n{}",
            ENUMS
                .replace("    repr: int\n    doc:", "    doc:")
                .replace(
                    "    source: s\n    values:",
                    "    source: s\n    repr: int # how it travels\n    values:"
                )
        ),
    );
    r.commit("move and reformat");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "markdown"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    assert!(
        run.stdout().contains("### Spec diff: no changes"),
        "{}",
        run.debug()
    );
}

#[test]
fn outside_a_repository_it_exits_2() {
    let r = Repo::dir("no-repo");
    let run = r.spec_diff(&["--base", "HEAD~1"]);
    assert_eq!(run.code(), Some(2), "{}", run.debug());
    assert!(
        run.stderr().contains("inside the repository"),
        "{}",
        run.debug()
    );
}

#[test]
fn a_new_api_folder_is_listed_as_added() {
    let r = Repo::new("new-api");
    for (file, text) in [
        ("service.yaml", SERVICE),
        ("enums.yaml", ENUMS),
        ("endpoints.yaml", ENDPOINTS),
    ] {
        r.write(
            &format!("spec/shop2/{file}"),
            &text
                .replace("name: shop", "name: shop2")
                .replace("module: shop", "module: shop2")
                .replace("feature: shop", "feature: shop2"),
        );
    }
    r.commit("a second API");
    let run = r.spec_diff(&["--base", "HEAD~1", "--format", "text"]);
    assert_eq!(run.code(), Some(0), "{}", run.debug());
    let text = run.stdout();
    assert!(text.contains("INFO      api added"), "{text}");
    assert!(text.contains("INFO      endpoint added"), "{text}");
    assert!(text.contains("at spec/shop2/endpoints.yaml:2"), "{text}");
}
