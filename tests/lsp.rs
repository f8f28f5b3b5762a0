//! The language server as built: the binary (`factlint lsp`) spoken to over its stdio. The
//! protocol itself is tested in process, in `src/lsp/protocol_tests.rs`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);
const STALE: &str = "<!-- factlint-disable-next-line date-weekday -->";

fn file_uri(path: &Path) -> String {
    lsp_types::Url::from_file_path(path).unwrap().to_string()
}

// ---- The binary over stdio ----

/// `factlint lsp` as a child process; what it writes is parsed on a thread of its own.
struct Process {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
}

fn frame(value: &Value) -> Vec<u8> {
    let text = value.to_string();
    format!("Content-Length: {}\r\n\r\n{text}", text.len()).into_bytes()
}

impl Process {
    fn spawn(dir: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = mpsc::channel();
        thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Self {
            child,
            stdin,
            messages,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, value: Value) {
        self.send_raw(&frame(&value));
    }

    #[track_caller]
    fn next(&self) -> Value {
        self.messages
            .recv_timeout(TIMEOUT)
            .expect("a message from `factlint lsp` in time")
    }

    /// Messages until one matches.
    #[track_caller]
    fn until(&self, wanted: impl Fn(&Value) -> bool) -> (Value, Vec<Value>) {
        let mut before = Vec::new();
        loop {
            let message = self.next();
            if wanted(&message) {
                return (message, before);
            }
            before.push(message);
        }
    }

    #[track_caller]
    fn exit_code(mut self) -> i32 {
        drop(self.stdin);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("`factlint lsp` did not exit in time");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

fn initialize(process: &mut Process, root: &Path) {
    process.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"capabilities": {}, "rootUri": file_uri(root)}}));
    let (response, _) = process.until(|m| m["id"] == 1);
    assert_eq!(response["result"]["serverInfo"]["name"], "factlint");
    process.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
}

#[test]
fn the_binary_speaks_json_rpc_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let mut process = Process::spawn(dir.path());
    // Garbage first: each gets an error reply and the server reads on.
    process.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let reply = process.next();
    assert_eq!(reply["error"]["code"], -32700);
    assert_eq!(reply["id"], Value::Null);
    process.send_raw(b"Content-Type: nothing\r\n\r\n");
    assert_eq!(process.next()["error"]["code"], -32700);
    process.send(json!({"jsonrpc": "2.0", "id": 5, "method": 12}));
    let reply = process.next();
    assert_eq!(
        (&reply["id"], &reply["error"]["code"]),
        (&json!(5), &json!(-32600))
    );

    initialize(&mut process, dir.path());
    let uri = file_uri(&dir.path().join("article.md"));
    let text = format!("---\nauthor: Ana\n---\nŞtiri 😀. {STALE}\n");
    process.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
    );
    let is_publish =
        |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
    let (published, _) = process.until(is_publish);
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    let stale = diagnostics
        .iter()
        .find(|d| d["code"] == "unused-suppression")
        .expect("the stale suppression");
    assert_eq!(stale["range"]["start"], json!({"line": 3, "character": 10}));

    // A burst of 1,000 edits in one write is coalesced: typically one publication, of the
    // latest version (more only if the reader thread stalls; the strict guarantee is tested
    // in-process above).
    let mut burst = Vec::new();
    for version in 2..=1001 {
        burst.extend(frame(&json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "text": "x"}]}})));
    }
    process.send_raw(&burst);
    process.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    let (response, before) = process.until(|m| m["id"] == 2);
    assert_eq!(response["result"], Value::Null);
    let versions: Vec<&Value> = before
        .iter()
        .filter(|m| is_publish(m))
        .map(|m| &m["params"]["version"])
        .collect();
    assert_eq!(versions.last(), Some(&&json!(1001)));
    assert!(
        versions.len() < 20,
        "{} publications for 1,000 edits",
        versions.len()
    );
    process.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(process.exit_code(), 0);
}

#[test]
fn the_binary_exits_with_1_without_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let mut process = Process::spawn(dir.path());
    initialize(&mut process, dir.path());
    process.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(process.exit_code(), 1);
    // Input that just ends is no clean exit either.
    let process = Process::spawn(dir.path());
    assert_eq!(process.exit_code(), 1);
}
