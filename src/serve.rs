//! `factlint serve`: a local review page. An editor pastes or opens an article and sees the
//! same view as `--format html`, checked again as they type, with the settings and facts of the
//! folder the server was started in.
//!
//! Bound to 127.0.0.1 only; the article goes from the page to this process and nowhere else.
//! Requests naming another host are refused (a web page cannot reach the server through a
//! rebound DNS name), checks must be JSON from the page's own origin (a cross-site form cannot
//! post one), bodies are limited, and a bad request gets a 4xx answer, never a crash. Ctrl-C or
//! SIGTERM stops the server between requests.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use serde::Deserialize;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::engine::{check_source, FileReport};
use crate::error::InputError;
use crate::output::html;
use crate::output::OutputOptions;
use crate::workspace::{Overrides, Workspace};

/// The largest request body accepted (an article of a few megabytes, as JSON).
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// How much more of a body past [`MAX_BODY_BYTES`] is read and dropped before the refusal is
/// sent, so that a client still writing finishes and reads it.
const DRAIN_BYTES: u64 = 4 * MAX_BODY_BYTES as u64;

/// Requests handled at once; more are asked to retry (503).
const MAX_IN_FLIGHT: usize = 8;

const EDITOR_SCRIPT: &str = include_str!("serve/editor.js");

/// Shared by the request threads.
struct State {
    workspace: Workspace,
    /// The folder the server was started in: its factlint.toml and facts apply.
    root: PathBuf,
    /// The Host headers this server answers to.
    hosts: [String; 2],
    origin: String,
    in_flight: AtomicUsize,
    /// The config file in force and when it was last changed, when the settings were built.
    config_seen: Mutex<Option<ConfigStamp>>,
}

/// Which config file governs the folder, its modification time and length (a coarse clock
/// may not tell two quick edits apart).
type ConfigStamp = (Option<PathBuf>, Option<(SystemTime, u64)>);

impl State {
    /// The folder's settings, built again when its factlint.toml appeared, changed or went
    /// away since the last check (an editor may adjust it while the page is open).
    fn settings(&self) -> crate::workspace::SettingsResult {
        let article = self.root.join("article.md");
        let path = self.workspace.config_path_for(&article);
        let modified = path
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        let stamp = (path, modified);
        {
            let mut seen = self
                .config_seen
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if seen.as_ref().is_some_and(|old| *old != stamp) {
                self.workspace.invalidate();
            }
            *seen = Some(stamp);
        }
        self.workspace.settings_for(&article)
    }
}

/// Serve until Ctrl-C or SIGTERM. Prints the address (one line on standard output) once
/// listening, so scripts and tests can read the port when `port` is 0.
pub fn run(port: u16) -> Result<(), String> {
    let server = Server::http(("127.0.0.1", port)).map_err(|error| {
        format!("cannot listen on 127.0.0.1:{port}: {error} (--port chooses another port)")
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|addr| addr.port())
        .ok_or("the server has no IP address")?;
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst))
            .map_err(|error| format!("cannot handle Ctrl-C: {error}"))?;
    }
    let root = std::env::current_dir().map_err(|error| format!("no current folder: {error}"))?;
    let state = Arc::new(State {
        workspace: Workspace::new(Overrides::default()),
        root,
        hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
        origin: format!("http://127.0.0.1:{port}"),
        in_flight: AtomicUsize::new(0),
        config_seen: Mutex::new(None),
    });
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "factlint serve: http://127.0.0.1:{port}/ (Ctrl-C stops)"
        );
        let _ = out.flush();
    }
    while !stop.load(Ordering::SeqCst) {
        let request = match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => request,
            Ok(None) => continue,
            Err(error) => {
                eprintln!("factlint serve: {error}");
                continue;
            }
        };
        if state.in_flight.fetch_add(1, Ordering::SeqCst) >= MAX_IN_FLIGHT {
            state.in_flight.fetch_sub(1, Ordering::SeqCst);
            let _ = request.respond(text(503, "busy: try again"));
            continue;
        }
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            // Counted out however the request ends (a panic included).
            let _slot = InFlight(&state.in_flight);
            handle(&state, request);
        });
    }
    eprintln!("factlint serve: stopped");
    Ok(())
}

/// One request being handled; dropping it frees its slot.
struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// Headers on every answer: nothing cached, sniffed, framed or referred.
fn common(response: Response<std::io::Cursor<Vec<u8>>>) -> Response<std::io::Cursor<Vec<u8>>> {
    response
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("X-Frame-Options", "DENY"))
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    common(
        Response::from_string(format!("{body}\n"))
            .with_status_code(status)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    )
}

fn header_value<'r>(request: &'r Request, name: &'static str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// Answer one request (on its own thread).
fn handle(state: &State, mut request: Request) {
    let response = route(state, &mut request);
    let _ = request.respond(response);
}

fn route(state: &State, request: &mut Request) -> Response<std::io::Cursor<Vec<u8>>> {
    let host_ok = header_value(request, "Host")
        .is_some_and(|host| state.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)));
    if !host_ok {
        return text(403, "forbidden: unexpected Host");
    }
    let path = request.url().split(['?', '#']).next().unwrap_or("");
    match (request.method(), path) {
        (Method::Get | Method::Head, "/") => page(),
        (Method::Post, "/check") => check(state, request),
        (_, "/" | "/check") => text(405, "method not allowed"),
        _ => text(404, "not found"),
    }
}

/// The review page: the report's style and script, and the editor.
fn page() -> Response<std::io::Cursor<Vec<u8>>> {
    let nonce = html::nonce();
    let csp = html::csp(&nonce, "; connect-src 'self'; frame-ancestors 'none'");
    let mut page = String::with_capacity(32 * 1024);
    html::head(&mut page, "factlint serve", &nonce, "; connect-src 'self'");
    page.push_str(
        "<header class=\"top\"><h1>factlint</h1>\
         <p class=\"totals\">Paste an article or open a file: it is checked here, on this \
         computer, as you type.</p>\n\
         <section class=\"editor\" aria-label=\"Article\">\
         <p><label for=\"fl-open\">Open a Markdown file:</label> \
         <input type=\"file\" id=\"fl-open\" accept=\".md,.markdown,.txt,text/markdown,text/plain\"></p>\
         <p><label for=\"fl-article\">Article (Markdown)</label><br>\
         <textarea id=\"fl-article\" spellcheck=\"false\"></textarea></p>\
         <p class=\"status\" id=\"fl-status\" role=\"status\" aria-live=\"polite\"></p></section>\n",
    );
    html::controls(&mut page);
    page.push_str("</header>\n<main id=\"fl-result\"></main>\n");
    html::tail(&mut page, &nonce, EDITOR_SCRIPT);
    common(
        Response::from_string(page)
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
            .with_header(header("Content-Security-Policy", &csp)),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    /// The file name shown (and never opened): "article.md" when pasted.
    #[serde(default)]
    name: Option<String>,
    text: String,
}

/// `POST /check` with `{"name": ..., "text": ...}`: the article's view, as HTML to insert.
fn check(state: &State, request: &mut Request) -> Response<std::io::Cursor<Vec<u8>>> {
    if let Some(origin) = header_value(request, "Origin") {
        if origin != state.origin && origin != state.origin.replace("127.0.0.1", "localhost") {
            return text(403, "forbidden: cross-origin request");
        }
    }
    let json = header_value(request, "Content-Type")
        .is_some_and(|t| t.split(';').next().unwrap_or("").trim() == "application/json");
    if !json {
        return text(415, "unsupported media type: send application/json");
    }
    if request.body_length().is_some_and(|n| n > MAX_BODY_BYTES) {
        return text(413, "payload too large");
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() {
        return text(400, "bad request: the body could not be read");
    }
    if body.len() > MAX_BODY_BYTES {
        // Read on, and drop, what the client is still sending (up to a bound): closing with
        // its bytes unread resets the connection, and the client may never see the answer.
        let _ = std::io::copy(
            &mut request.as_reader().take(DRAIN_BYTES),
            &mut std::io::sink(),
        );
        return text(413, "payload too large");
    }
    let parsed: CheckRequest = match serde_json::from_slice(&body) {
        Ok(parsed) => parsed,
        Err(error) => return text(400, &format!("bad request: {error}")),
    };
    let name = parsed
        .name
        .filter(|n| !n.trim().is_empty())
        .map(|n| n.chars().take(200).collect::<String>())
        .unwrap_or_else(|| "article.md".to_string());
    let report = match state.settings() {
        Ok(settings) => check_source(&name, &parsed.text, &settings),
        Err(errors) => {
            let mut report = FileReport::failed(InputError::new(
                &name,
                "not checked: the folder's configuration has errors",
            ));
            report.errors.extend(errors);
            report.checked = true;
            report
        }
    };
    let mut next_id = 0;
    let fragment = html::render_file(&report, &OutputOptions::default(), &mut next_id);
    let count = |severity| report.count(severity);
    use crate::diagnostic::Severity;
    let status = format!(
        "Checked: {}, {}.",
        crate::output::plural(count(Severity::Error), "error"),
        crate::output::plural(count(Severity::Warning), "warning"),
    );
    let body = serde_json::json!({ "html": fragment, "status": status });
    common(
        Response::from_string(body.to_string())
            .with_header(header("Content-Type", "application/json")),
    )
}
