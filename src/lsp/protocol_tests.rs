//! The language server in process, over `Connection::memory()`. Findings come from
//! `unused-suppression`, which fires on any stale suppression comment, so these tests hold as
//! more rules land. The built binary (`factlint lsp`) over its stdio is tested in `tests/lsp.rs`.

use std::path::Path;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

use super::{serve, MAX_CHECKED_BYTES};
use crate::line_index::LineIndex;
use crate::registry::RuleId;

const TIMEOUT: Duration = Duration::from_secs(20);
const STALE: &str = "<!-- factlint-disable-next-line date-weekday -->";

/// An in-process client with the server running on its own thread.
struct Client {
    connection: Connection,
    server: Option<JoinHandle<bool>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    pending: Vec<Notification>,
}

impl Client {
    /// Start a server, first queueing `messages` so that it finds them all waiting.
    fn with_queued(messages: Vec<Message>) -> Self {
        let (server, connection) = Connection::memory();
        for message in messages {
            connection.sender.send(message).unwrap();
        }
        let server = thread::spawn(move || serve(&server));
        Self {
            connection,
            server: Some(server),
            next_id: 100,
            pending: Vec::new(),
        }
    }

    fn start() -> Self {
        Self::with_queued(Vec::new())
    }

    /// Started and initialized (without dynamic file watching).
    fn initialized() -> Self {
        let mut client = Self::start();
        let response = client.request("initialize", json!({"capabilities": {}}));
        assert!(response.error.is_none(), "{response:?}");
        client.notify("initialized", json!({}));
        client
    }

    fn notify(&self, method: &str, params: Value) {
        let message = Notification::new(method.to_string(), params);
        self.connection.sender.send(message.into()).unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request::new(id.clone(), method.to_string(), params);
        self.connection.sender.send(request.into()).unwrap();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.receive(deadline) {
                Message::Response(response) if response.id == id => return response,
                Message::Notification(notification) => self.pending.push(notification),
                _ => {}
            }
        }
    }

    #[track_caller]
    fn receive(&self, deadline: Instant) -> Message {
        let left = deadline.saturating_duration_since(Instant::now());
        self.connection
            .receiver
            .recv_timeout(left)
            .unwrap_or_else(|error| panic!("no message from the server in time: {error}"))
    }

    /// The next diagnostics published for `uri`.
    #[track_caller]
    fn diagnostics(&mut self, uri: &str) -> Value {
        if let Some(at) = self.pending.iter().position(|n| is_publish_for(n, uri)) {
            return self.pending.remove(at).params;
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.receive(deadline) {
                Message::Notification(n) if is_publish_for(&n, uri) => return n.params,
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn replace_all(&self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// `shutdown` then `exit`: returns what the server returned.
    fn shut_down(mut self) -> bool {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response.result, Some(Value::Null));
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }
}

fn is_publish_for(notification: &Notification, uri: &str) -> bool {
    notification.method == "textDocument/publishDiagnostics" && notification.params["uri"] == uri
}

/// A folder of its own, with a `file://` URI for a document in it.
fn scratch() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("article.md"));
    (dir, uri)
}

fn file_uri(path: &Path) -> String {
    lsp_types::Url::from_file_path(path).unwrap().to_string()
}

fn by_code<'v>(diagnostics: &'v Value, code: &str) -> Vec<&'v Value> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// The UTF-16 position of `needle` in `text`, as `(line, character)`.
fn position_of(text: &str, needle: &str) -> (u32, u32) {
    let offset = text.find(needle).unwrap();
    LineIndex::new(text).utf16_position(text, offset)
}

/// Apply LSP text edits (UTF-16 ranges) as a client would: last first.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let index = LineIndex::new(text);
    let offset = |position: &Value| {
        index.offset_of_utf16(
            text,
            position["line"].as_u64().unwrap() as u32,
            position["character"].as_u64().unwrap() as u32,
        )
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            (
                offset(&edit["range"]["start"]),
                offset(&edit["range"]["end"]),
                edit["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|&(start, _, _)| std::cmp::Reverse(start));
    let mut out = text.to_string();
    for (start, end, new_text) in spans {
        out.replace_range(start..end, new_text);
    }
    out
}

#[test]
fn initialize_advertises_what_the_server_does() {
    let mut client = Client::start();
    let response = client.request("initialize", json!({"capabilities": {}}));
    let result = response.result.unwrap();
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(capabilities["textDocumentSync"]["openClose"], true);
    assert_eq!(capabilities["textDocumentSync"]["save"], true);
    assert_eq!(capabilities["hoverProvider"], true);
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert_eq!(result["serverInfo"]["name"], "factlint");
    client.notify("initialized", json!({}));
    assert!(client.shut_down());
}

#[test]
fn diagnostics_carry_utf16_ranges_severity_code_and_version() {
    let mut client = Client::initialized();
    let (_dir, uri) = scratch();
    // The emoji takes two UTF-16 code units; `ă` one, though two bytes.
    let text = format!("---\nauthor: Ana\n---\nMulți 😀 oameni. {STALE}\nFine.\n");
    client.open(&uri, &text);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let found = by_code(&published, "unused-suppression");
    assert_eq!(found.len(), 1, "{published:#}");
    let diagnostic = found[0];
    let (line, character) = position_of(&text, STALE);
    assert_eq!((line, character), (3, 17));
    assert_eq!(
        diagnostic["range"],
        json!({"start": {"line": 3, "character": 17}, "end": {"line": 3, "character": 17 + STALE.len()}})
    );
    assert_eq!(diagnostic["severity"], 2, "warning");
    assert_eq!(diagnostic["source"], "factlint");
    assert_eq!(diagnostic["tags"], json!([1]), "unnecessary");
    assert_eq!(
        diagnostic["message"],
        "this suppression of `date-weekday` suppressed nothing"
    );
    let meta = RuleId::UnusedSuppression.meta();
    match meta.doc_url() {
        Some(url) => assert_eq!(diagnostic["codeDescription"]["href"], url),
        None => assert!(diagnostic.get("codeDescription").is_none()),
    }
    assert!(client.shut_down());
}

#[test]
fn incremental_changes_are_applied_in_order() {
    let mut client = Client::initialized();
    let (_dir, uri) = scratch();
    let text = "---\nauthor: Ana\n---\nŞtiri 😀 azi.\n\nMore text.\n";
    client.open(&uri, text);
    assert!(by_code(&client.diagnostics(&uri), "unused-suppression").is_empty());
    // Insert a stale suppression after the emoji, then type a character before it.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [
                {"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 8}}, "text": format!(" {STALE}")},
                {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "«"},
            ],
        }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    let found = by_code(&published, "unused-suppression");
    assert_eq!(found.len(), 1, "{published:#}");
    // «Ştiri 😀 + space: 1 + 5 + 1 + 2 + 1 UTF-16 units.
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": 3, "character": 10})
    );
    // Delete the comment again.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [
                {"range": {"start": {"line": 3, "character": 9}, "end": {"line": 3, "character": 10 + STALE.len()}}, "text": ""},
            ],
        }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 3);
    assert!(by_code(&published, "unused-suppression").is_empty());
    assert!(client.shut_down());
}

#[test]
fn quick_fix_and_disable_for_this_line() {
    let mut client = Client::initialized();
    let (_dir, uri) = scratch();
    let text = format!("---\nauthor: Ana\n---\nIntro 😀.\n\n{STALE}\nFine.\n");
    client.open(&uri, &text);
    let diagnostic = by_code(&client.diagnostics(&uri), "unused-suppression")[0].clone();
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    let actions = response.result.unwrap();
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Remove the unused suppression",
            "Disable unused-suppression for this line"
        ]
    );
    for action in actions.as_array().unwrap() {
        assert_eq!(action["kind"], "quickfix");
        assert_eq!(action["diagnostics"][0]["code"], "unused-suppression");
    }
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(actions[1]["isPreferred"], false);

    // The fix removes the comment's whole line.
    let fixed = apply_edits(
        &text,
        actions[0]["edit"]["changes"][&uri].as_array().unwrap(),
    );
    assert_eq!(fixed, "---\nauthor: Ana\n---\nIntro 😀.\n\nFine.\n");
    client.replace_all(&uri, 2, &fixed);
    assert!(by_code(&client.diagnostics(&uri), "unused-suppression").is_empty());

    // Disabling the rule on that line silences it too, and is itself no stale suppression.
    let disabled = apply_edits(
        &text,
        actions[1]["edit"]["changes"][&uri].as_array().unwrap(),
    );
    assert_eq!(
        disabled,
        format!("---\nauthor: Ana\n---\nIntro 😀.\n\n<!-- factlint-disable-next-line unused-suppression -->\n{STALE}\nFine.\n")
    );
    client.replace_all(&uri, 3, &disabled);
    assert!(by_code(&client.diagnostics(&uri), "unused-suppression").is_empty());

    // Away from any finding: nothing to offer; other kinds of action: nothing either.
    let elsewhere = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 1}},
            "context": {"diagnostics": []},
        }),
    );
    assert_eq!(elsewhere.result, Some(json!([])));
    assert!(client.shut_down());
}

#[test]
fn hover_explains_the_finding_under_the_cursor() {
    let mut client = Client::initialized();
    let (_dir, uri) = scratch();
    let text = format!("---\nauthor: Ana\n---\n{STALE}\nFine.\n");
    client.open(&uri, &text);
    client.diagnostics(&uri);
    let hover = |client: &mut Client, line: u32, character: u32| {
        client
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
            )
            .result
            .unwrap()
    };
    let found = hover(&mut client, 3, 10);
    let value = found["contents"]["value"].as_str().unwrap();
    assert_eq!(found["contents"]["kind"], "markdown");
    assert!(
        value.starts_with(
            "**unused-suppression** (FL901, warning): a suppression comment that suppressed nothing"
        ),
        "{value}"
    );
    assert!(value.contains("this suppression of `date-weekday` suppressed nothing"));
    assert!(value.contains("remove the comment"), "the help: {value}");
    assert!(value.contains("factlint explain unused-suppression"));
    assert_eq!(found["range"]["start"], json!({"line": 3, "character": 0}));
    assert_eq!(hover(&mut client, 4, 1), Value::Null);
    assert!(client.shut_down());
}

#[test]
fn each_document_uses_its_config_and_config_changes_apply_at_once() {
    let mut client = Client::initialized();
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk");
    std::fs::create_dir(&desk).unwrap();
    let config = desk.join("factlint.toml");
    std::fs::write(&config, "[rules]\nunused-suppression = \"off\"\n").unwrap();
    let governed = file_uri(&desk.join("story.md"));
    let free = file_uri(&dir.path().join("other.md"));
    let text = format!("---\nauthor: Ana\n---\n{STALE}\nFine.\n");
    client.open(&governed, &text);
    client.open(&free, &text);
    assert!(
        by_code(&client.diagnostics(&governed), "unused-suppression").is_empty(),
        "off, as desk/factlint.toml says"
    );
    assert_eq!(
        by_code(&client.diagnostics(&free), "unused-suppression").len(),
        1,
        "no config governs it"
    );

    // The file changes on disk: the client's file watcher says so.
    std::fs::write(&config, "[rules]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
    );
    assert_eq!(
        by_code(&client.diagnostics(&governed), "unused-suppression").len(),
        1
    );
    assert_eq!(
        by_code(&client.diagnostics(&free), "unused-suppression").len(),
        1
    );

    // Saved from the editor with a mistake: the document says why it was not checked, and
    // points into the config.
    std::fs::write(&config, "[rules]\n\nno-such-key = 1\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": file_uri(&config)}}),
    );
    let published = client.diagnostics(&governed);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published:#}");
    assert_eq!(diagnostics[0]["severity"], 1);
    assert_eq!(
        diagnostics[0]["range"],
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}})
    );
    let related = &diagnostics[0]["relatedInformation"][0]["location"];
    assert!(related["uri"]
        .as_str()
        .unwrap()
        .ends_with("/desk/factlint.toml"));
    assert_eq!(related["range"]["start"]["line"], 2);
    assert!(client.shut_down());
}

#[test]
fn a_burst_of_changes_is_checked_once_at_the_latest_version() {
    let (_dir, uri) = scratch();
    let base = "---\nauthor: Ana\n---\nText.\n";
    let mut messages: Vec<Message> = vec![
        Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}}),
        )
        .into(),
        Notification::new("initialized".into(), json!({})).into(),
        Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": base}}),
        )
        .into(),
    ];
    // 1,000 keystrokes, each appending a character to the last line.
    for version in 2..=1001 {
        messages.push(
            Notification::new(
                "textDocument/didChange".into(),
                json!({
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "text": "x"}],
                }),
            )
            .into(),
        );
    }
    // The last keystroke leaves a stale suppression behind.
    messages.push(
        Notification::new(
            "textDocument/didChange".into(),
            json!({
                "textDocument": {"uri": uri, "version": 1002},
                "contentChanges": [{"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}}, "text": format!("{STALE}\n")}],
            }),
        )
        .into(),
    );
    let mut client = Client::with_queued(messages);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1002);
    let found = by_code(&published, "unused-suppression");
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": 4, "character": 0})
    );
    // `shutdown` is answered after everything before it: no other publication came.
    let response = client.request("shutdown", Value::Null);
    assert!(response.error.is_none());
    let publications = client
        .pending
        .iter()
        .filter(|n| is_publish_for(n, &uri))
        .count();
    assert_eq!(publications, 0, "only the latest version is published");
    client.notify("exit", Value::Null);
    assert!(client.server.take().unwrap().join().unwrap());
}

#[test]
fn misuse_gets_errors_or_is_ignored_never_a_crash() {
    let mut client = Client::start();
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early.error.unwrap().code, -32002, "not initialized");
    client.request("initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again.error.unwrap().code, -32600);
    let unknown = client.request("factlint/noSuchMethod", json!({}));
    assert_eq!(unknown.error.unwrap().code, -32601);
    let bad_params = client.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad_params.error.unwrap().code, -32602);
    client.notify("factlint/noSuchNotification", json!({}));
    client.notify("textDocument/didOpen", json!({"textDocument": 5}));

    let (dir, uri) = scratch();
    let never_opened = file_uri(&dir.path().join("never-opened.md"));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": never_opened, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    let text = format!("{STALE}\nFine.\n");
    client.open(&uri, &text);
    client.diagnostics(&uri);
    // Positions past the end clamp.
    let far = json!({"line": 9999, "character": 9999});
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": far}),
    );
    assert_eq!(hover.result, Some(Value::Null));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": far, "end": {"line": 0, "character": 4000}}, "context": {"diagnostics": []}}),
    );
    assert!(actions.error.is_none());
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": far, "end": far}, "text": "tail"}]}),
    );
    assert_eq!(client.diagnostics(&uri)["version"], 2);
    // Requests about documents the server does not know get an empty answer.
    let unknown_document = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": never_opened}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(unknown_document.result, Some(Value::Null));

    // Buffers that are not files are checked too; documents that are not Markdown are not.
    client.open("untitled:Untitled-1", &text);
    assert_eq!(
        by_code(
            &client.diagnostics("untitled:Untitled-1"),
            "unused-suppression"
        )
        .len(),
        1
    );
    let plain = file_uri(&dir.path().join("notes.txt"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": plain, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": plain}, "position": {"line": 0, "character": 5}}),
    );
    assert_eq!(nothing.result, Some(Value::Null));
    assert!(!client.pending.iter().any(|n| is_publish_for(n, &plain)));

    // A huge document is not checked while editing, and says so.
    let huge_uri = file_uri(&dir.path().join("huge.md"));
    let huge = "word ".repeat(MAX_CHECKED_BYTES / 5 + 10);
    client.open(&huge_uri, &huge);
    let published = client.diagnostics(&huge_uri);
    assert!(published["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("not checked while editing"));

    // Closing clears the document's diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));

    let response = client.request("shutdown", Value::Null);
    assert!(response.error.is_none());
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late.error.unwrap().code, -32600, "after shutdown");
    client.notify("exit", Value::Null);
    assert!(client.server.take().unwrap().join().unwrap());
}

#[test]
fn exit_without_shutdown_reports_it() {
    let client = Client::initialized();
    client.notify("exit", Value::Null);
    let mut client = client;
    assert!(!client.server.take().unwrap().join().unwrap());
}
