//! `factlint lsp`: a language server over stdio, a plain synchronous loop on rust-analyzer's
//! `lsp-server`. Markdown documents are checked with the settings the CLI would use for their
//! path, and their findings published as diagnostics; code actions offer the fixes and "disable
//! for this line"; hover explains a finding.
//!
//! Changes are coalesced: everything queued (and whatever follows within [`QUIET`]) is applied
//! before a document is checked again, so a burst of edits costs one check and the client sees
//! the latest version only.

mod actions;
mod convert;
mod document;
mod hover;
#[cfg(test)]
mod protocol_tests;
pub mod transport;

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Initialized, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, Initialize, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, PositionEncodingKind, PublishDiagnosticsParams, Registration,
    RegistrationParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::engine::{check_source, FileReport};
use crate::error::InputError;
use crate::walk::is_markdown;
use crate::workspace::{Overrides, Workspace};
use document::{Checked, OpenDocument};

/// Larger documents are not checked as they are edited (the command line checks them).
pub const MAX_CHECKED_BYTES: usize = 8 << 20;

/// Serve over stdin and stdout until the client exits. Returns whether it asked to shut down
/// first (the process then exits with 0, otherwise with 1, as the protocol says).
pub fn run_stdio() -> bool {
    let (connection, io_threads) = transport::stdio();
    let shut_down = serve(&connection);
    drop(connection);
    io_threads.join();
    shut_down
}

/// Serve one client over `connection` until it sends `exit` or hangs up. Returns whether it
/// asked to shut down first.
pub fn serve(connection: &Connection) -> bool {
    let mut server = Server::new(connection);
    loop {
        let Ok(message) = connection.receiver.recv() else {
            return server.phase == Phase::ShuttingDown;
        };
        if let ControlFlow::Break(shut_down) = server.handle(message) {
            return shut_down;
        }
        // Take what is queued; while documents wait to be checked, also what follows within
        // a moment (a burst still being read), up to a bound.
        let burst_end = Instant::now() + MAX_DEFERRAL;
        loop {
            let next = if server.has_changes() && Instant::now() < burst_end {
                connection.receiver.recv_timeout(QUIET).ok()
            } else {
                connection.receiver.try_recv().ok()
            };
            let Some(message) = next else { break };
            if let ControlFlow::Break(shut_down) = server.handle(message) {
                return shut_down;
            }
        }
        server.publish_changed();
    }
}

/// A pause this long after a change ends a burst of changes.
const QUIET: Duration = Duration::from_millis(20);

/// Changes are never left unchecked longer than this while more keep coming.
const MAX_DEFERRAL: Duration = Duration::from_millis(250);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Running,
    ShuttingDown,
}

struct Server<'c> {
    connection: &'c Connection,
    phase: Phase,
    workspace: Workspace,
    /// Open Markdown documents.
    documents: HashMap<Url, OpenDocument>,
    /// Where documents that are not files (unsaved buffers) take their settings from.
    root: PathBuf,
    /// Whether the client can watch files for us.
    can_watch_files: bool,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection) -> Self {
        Self {
            connection,
            phase: Phase::Uninitialized,
            workspace: Workspace::new(Overrides::default()),
            documents: HashMap::new(),
            root: std::env::current_dir().unwrap_or_default(),
            can_watch_files: false,
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // The client has gone when this fails; the loop ends at the next receive.
        let _ = self.connection.sender.send(message.into());
    }

    fn handle(&mut self, message: Message) -> ControlFlow<bool> {
        match message {
            Message::Request(request) => self.on_request(request),
            Message::Notification(notification) => return self.on_notification(notification),
            // Answers to our own requests (capability registration) need no follow-up.
            Message::Response(_) => {}
        }
        ControlFlow::Continue(())
    }

    fn on_request(&mut self, request: Request) {
        // Answers follow the diagnostics of every change that came before the request.
        self.publish_changed();
        let Request { id, method, params } = request;
        let response = match (self.phase, method.as_str()) {
            (Phase::Uninitialized, Initialize::METHOD) => {
                answer(id, params, |params| self.initialize(params))
            }
            (Phase::Uninitialized, _) => Response::new_err(
                id,
                ErrorCode::ServerNotInitialized as i32,
                format!("`{method}` before `initialize`"),
            ),
            (Phase::ShuttingDown, _) => Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                format!("`{method}` after `shutdown`"),
            ),
            (Phase::Running, Initialize::METHOD) => Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "already initialized".to_string(),
            ),
            (Phase::Running, Shutdown::METHOD) => {
                self.phase = Phase::ShuttingDown;
                Response::new_ok(id, ())
            }
            (Phase::Running, CodeActionRequest::METHOD) => {
                answer(id, params, |params: actions::ActionParams| {
                    let uri = params.text_document.uri.clone();
                    self.checked(&uri)
                        .map(|checked| actions::code_actions(&uri, checked, &params))
                })
            }
            (Phase::Running, HoverRequest::METHOD) => answer(id, params, |params: HoverParams| {
                let position = params.text_document_position_params;
                self.checked(&position.text_document.uri)
                    .and_then(|checked| hover::hover(checked, position.position))
            }),
            (Phase::Running, _) => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{method}`"),
            ),
        };
        self.send(response);
    }

    fn on_notification(&mut self, notification: Notification) -> ControlFlow<bool> {
        let Notification { method, params } = notification;
        if method == Exit::METHOD {
            return ControlFlow::Break(self.phase == Phase::ShuttingDown);
        }
        if self.phase != Phase::Running {
            return ControlFlow::Continue(());
        }
        let handled = match method.as_str() {
            Initialized::METHOD => {
                self.watch_config_files();
                Ok(())
            }
            DidOpenTextDocument::METHOD => {
                notify(&method, params, |p: DidOpenTextDocumentParams| self.open(p))
            }
            DidChangeTextDocument::METHOD => {
                notify(&method, params, |p: DidChangeTextDocumentParams| {
                    self.change(p)
                })
            }
            DidSaveTextDocument::METHOD => {
                notify(&method, params, |p: DidSaveTextDocumentParams| {
                    if is_settings_file(&p.text_document.uri) {
                        self.settings_changed();
                    }
                })
            }
            DidCloseTextDocument::METHOD => {
                notify(&method, params, |p: DidCloseTextDocumentParams| {
                    self.close(p.text_document.uri)
                })
            }
            DidChangeWatchedFiles::METHOD => {
                notify(&method, params, |p: DidChangeWatchedFilesParams| {
                    if p.changes.iter().any(|change| is_settings_file(&change.uri)) {
                        self.settings_changed();
                    }
                })
            }
            // Anything else (`$/cancelRequest`, `$/setTrace`, configuration) needs nothing.
            _ => Ok(()),
        };
        if let Err(error) = handled {
            eprintln!("factlint lsp: ignored a notification: {error}");
        }
        ControlFlow::Continue(())
    }

    fn initialize(&mut self, params: InitializeParams) -> InitializeResult {
        #[allow(deprecated)] // `root_uri` is still what many clients send.
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first().map(|folder| folder.uri.clone()))
            .or(params.root_uri);
        if let Some(root) = root.and_then(|uri| uri.to_file_path().ok()) {
            self.root = root;
        }
        self.can_watch_files = params
            .capabilities
            .workspace
            .and_then(|workspace| workspace.did_change_watched_files)
            .and_then(|watch| watch.dynamic_registration)
            .unwrap_or(false);
        self.phase = Phase::Running;
        InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(PositionEncodingKind::UTF16),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "factlint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        }
    }

    /// Ask the client to tell us when TOML files change: configs, fact and style files.
    fn watch_config_files(&self) {
        if !self.can_watch_files {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.toml".to_string()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "factlint-settings-files".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Request::new(
            RequestId::from("factlint-watch".to_string()),
            RegisterCapability::METHOD.to_string(),
            params,
        ));
    }

    fn open(&mut self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        if document.language_id == "markdown" || is_markdown(Path::new(document.uri.path())) {
            self.documents.insert(
                document.uri,
                OpenDocument::new(document.text, document.version),
            );
        }
    }

    fn change(&mut self, params: DidChangeTextDocumentParams) {
        // Changes to documents we do not check (or never saw opened) are ignored.
        if let Some(document) = self.documents.get_mut(&params.text_document.uri) {
            document.apply(params.text_document.version, params.content_changes);
        }
    }

    fn close(&mut self, uri: Url) {
        if self.documents.remove(&uri).is_some() {
            self.publish(uri, Vec::new(), None);
        }
    }

    /// A config, fact or style file changed: every document is checked again.
    fn settings_changed(&mut self) {
        self.workspace.invalidate();
        for document in self.documents.values_mut() {
            document.checked = None;
        }
    }

    fn has_changes(&self) -> bool {
        self.documents
            .values()
            .any(|document| document.checked.is_none())
    }

    /// Check and publish every document that changed since it was last checked.
    fn publish_changed(&mut self) {
        let changed: Vec<Url> = self
            .documents
            .iter()
            .filter(|(_, document)| document.checked.is_none())
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in changed {
            self.checked(&uri);
        }
    }

    /// The check of a document's current text: checked (and published) now if it changed.
    fn checked(&mut self, uri: &Url) -> Option<&Checked> {
        let document = self.documents.get(uri)?;
        if document.checked.is_none() {
            let checked = Checked::new(self.check(uri, &document.text));
            let diagnostics = diagnostics(uri, &checked);
            let version = document.version;
            self.publish(uri.clone(), diagnostics, Some(version));
            self.documents.get_mut(uri)?.checked = Some(checked);
        }
        self.documents.get(uri)?.checked.as_ref()
    }

    /// Check a text with the settings the command line would use for its path.
    fn check(&self, uri: &Url, text: &str) -> FileReport {
        let path = uri
            .to_file_path()
            .unwrap_or_else(|()| self.root.join("untitled.md"));
        let display = path.display().to_string();
        let unchecked = |errors: Vec<InputError>| FileReport {
            path: display.clone(),
            source: Arc::new(text.to_string()),
            diagnostics: Vec::new(),
            publication: None,
            errors,
            checked: false,
        };
        if text.len() > MAX_CHECKED_BYTES {
            return unchecked(vec![InputError::new(
                &display,
                format!(
                    "not checked while editing: {} MB is over the editor limit of {} MB",
                    text.len() >> 20,
                    MAX_CHECKED_BYTES >> 20
                ),
            )
            .with_help("run `factlint` on the command line to check it")]);
        }
        match self.workspace.settings_for(&path) {
            // A bug in a rule must not take the editor's server down with it.
            Ok(settings) => {
                panic::catch_unwind(AssertUnwindSafe(|| check_source(&display, text, &settings)))
                    .unwrap_or_else(|_| {
                        unchecked(vec![InputError::new(
                            &display,
                            "factlint failed on this text: an internal error (please report it)",
                        )])
                    })
            }
            Err(errors) => unchecked(errors),
        }
    }

    fn publish(&self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            params,
        ));
    }
}

/// A check's findings and problems as LSP diagnostics.
fn diagnostics(uri: &Url, checked: &Checked) -> Vec<lsp_types::Diagnostic> {
    let text = checked.text();
    let report = &checked.report;
    report
        .errors
        .iter()
        .map(|error| convert::input_error(&report.path, &text, error))
        .chain(
            report
                .diagnostics
                .iter()
                .map(|finding| convert::diagnostic(uri, &text, finding)),
        )
        .collect()
}

/// Answer a request with `handler`'s result, or with an error when its params do not parse.
fn answer<P: DeserializeOwned, R: Serialize>(
    id: RequestId,
    params: serde_json::Value,
    handler: impl FnOnce(P) -> R,
) -> Response {
    match serde_json::from_value(params) {
        Ok(params) => Response::new_ok(id, handler(params)),
        Err(error) => Response::new_err(
            id,
            ErrorCode::InvalidParams as i32,
            format!("invalid params: {error}"),
        ),
    }
}

fn notify<P: DeserializeOwned>(
    method: &str,
    params: serde_json::Value,
    handler: impl FnOnce(P),
) -> Result<(), String> {
    let params = serde_json::from_value(params).map_err(|error| format!("`{method}`: {error}"))?;
    handler(params);
    Ok(())
}

/// Config, fact and style files are TOML.
fn is_settings_file(uri: &Url) -> bool {
    Path::new(uri.path())
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("toml"))
}
