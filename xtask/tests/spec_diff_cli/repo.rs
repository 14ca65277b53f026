//! The test's repository: a tiny spec (one service, one enum, one endpoint), git run
//! isolated from the user's configuration, and the built `xtask` binary run inside it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const SERVICE: &str = r#"service:
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

pub const ENUMS: &str = r#"enums:
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

pub const ENDPOINTS: &str = r#"endpoints:
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
pub struct Repo {
    pub dir: PathBuf,
}

pub fn tmp_root() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Git and xtask see only this repository: no user or system config, no discovery above it.
pub fn isolate(cmd: &mut Command, repo: &Path) {
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
    pub fn dir(test: &str) -> Repo {
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
    pub fn new(test: &str) -> Repo {
        let r = Repo::dir(test);
        r.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
        r.write("spec/shop/service.yaml", SERVICE);
        r.write("spec/shop/enums.yaml", ENUMS);
        r.write("spec/shop/endpoints.yaml", ENDPOINTS);
        r.write("README.md", "A test repository.\n");
        r.commit("a tiny spec");
        r
    }

    pub fn git(&self, args: &[&str]) {
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

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dirs");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).expect("read")
    }

    /// Replaces the one occurrence of `from` in `rel`.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    /// The realistic vendor change: a new MethodEnum value, Voucher_Number required, a new code.
    pub fn vendor_change(&self) {
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
    pub fn spec_diff(&self, args: &[&str]) -> Run {
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

pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.0.status.code()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    pub fn debug(&self) -> String {
        format!(
            "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }
}
