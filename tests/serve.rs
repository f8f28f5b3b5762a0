//! `factlint serve`: plain HTTP (every bad request gets a 4xx and the server carries on), the
//! review page in a real browser (paste, wait, see the finding), and a clean stop on SIGTERM
//! and Ctrl-C.

mod cdp;
mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use cdp::{Browser, Served};
use serde_json::{json, Value};

/// Send raw bytes; the status code and the whole answer.
fn raw(port: u16, request: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).to_string();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"));
    (status, answer)
}

fn post(port: u16, host: &str, headers: &str, body: &str) -> (u16, String) {
    raw(
        port,
        format!(
            "POST /check HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
}

fn get(port: u16, path: &str) -> (u16, String) {
    raw(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
}

const JSON: &str = "Content-Type: application/json\r\n";

fn article_request(text: &str) -> String {
    json!({"name": "pasted.md", "text": text}).to_string()
}

const WRONG_DAY: &str =
    "---\ndate: 2022-11-30\nauthor: Jane Doe\n---\nThe ministers met on Tuesday (Nov. 28).\n";

#[test]
fn the_page_and_a_check_over_plain_http() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Served::start(dir.path());
    let port = server.port;

    let (status, page) = get(port, "/");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Content-Security-Policy: default-src 'none'"),
        "{page}"
    );
    assert!(page.contains("connect-src 'self'"), "{page}");
    assert!(page.contains("<textarea id=\"fl-article\""), "{page}");

    let (status, answer) = post(
        port,
        &format!("127.0.0.1:{port}"),
        &format!("{JSON}Origin: http://127.0.0.1:{port}\r\n"),
        &article_request(WRONG_DAY),
    );
    assert_eq!(status, 200, "{answer}");
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let html = body["html"].as_str().unwrap();
    assert!(html.contains("data-rule=\"date-weekday\""), "{html}");
    assert!(html.contains(">Tuesday</mark>"), "{html}");
    assert!(html.contains("pasted.md"), "{html}");
    assert_eq!(body["status"], json!("Checked: 1 error, 0 warnings."));

    server.signal("TERM");
    let (status, err) = server.wait_exit();
    assert!(status.success(), "{status}: {err}");
    assert!(err.contains("stopped"), "{err}");
}

#[test]
fn bad_requests_get_a_4xx_and_the_server_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Served::start(dir.path());
    let port = server.port;
    let host = format!("127.0.0.1:{port}");
    let ok_body = article_request("Hello.");

    let cases: Vec<(&str, u16, (u16, String))> = vec![
        ("unknown path", 404, get(port, "/etc/passwd")),
        ("wrong method", 405, raw(port, format!("DELETE / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())),
        ("GET /check", 405, get(port, "/check")),
        ("another Host (DNS rebinding)", 403, raw(port, b"GET / HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n")),
        ("no Host", 403, raw(port, b"GET / HTTP/1.0\r\n\r\n")),
        ("another origin", 403, post(port, &host, &format!("{JSON}Origin: https://evil.example\r\n"), &ok_body)),
        ("a form post", 415, post(port, &host, "Content-Type: application/x-www-form-urlencoded\r\n", "text=hello")),
        ("no content type", 415, post(port, &host, "", &ok_body)),
        ("not JSON", 400, post(port, &host, JSON, "{not json")),
        ("JSON of another shape", 400, post(port, &host, JSON, "{\"article\": 1}")),
        ("unknown field", 400, post(port, &host, JSON, "{\"text\": \"a\", \"path\": \"/etc/passwd\"}")),
        ("invalid UTF-8", 400, raw(port, format!("POST /check HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{JSON}Content-Length: 12\r\n\r\n{{\"text\":\"\u{7f}").as_bytes().iter().copied().chain([0xff, 0xfe, b'"', b'}']).collect::<Vec<u8>>().as_slice())),
        ("announced too large", 413, raw(port, format!("POST /check HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{JSON}Content-Length: 999999999\r\n\r\n{{").as_bytes())),
        ("garbage", 400, raw(port, b"\x16\x03\x01\x02\x00 not http at all\r\n\r\n")),
    ];
    for (what, want, (status, answer)) in cases {
        assert_eq!(status, want, "{what}: {answer}");
    }

    // A body larger than the limit, sent in full without a length, is refused too.
    let big = "x".repeat(9 * 1024 * 1024);
    let mut request = format!(
        "POST /check HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{JSON}Transfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    for chunk in big.as_bytes().chunks(1 << 20) {
        request.extend(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend(chunk);
        request.extend(b"\r\n");
    }
    request.extend(b"0\r\n\r\n");
    let (status, answer) = raw(port, &request);
    assert_eq!(status, 413, "{}", &answer[..answer.len().min(300)]);

    // Still serving.
    let (status, _) = post(port, &host, JSON, &article_request(WRONG_DAY));
    assert_eq!(status, 200);
    server.signal("INT");
    let (status, err) = server.wait_exit();
    assert!(status.success(), "{status}: {err}");
}

#[test]
fn the_folders_settings_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factlint.toml"),
        "[rules]\ndate-weekday = \"warning\"\n",
    )
    .unwrap();
    let server = Served::start(dir.path());
    let port = server.port;
    let (status, answer) = post(
        port,
        &format!("localhost:{port}"),
        JSON,
        &article_request(WRONG_DAY),
    );
    assert_eq!(status, 200, "{answer}");
    // The folder's config made the weekday finding a warning.
    assert!(
        answer.contains(r#"data-rule=\"date-weekday\" data-sev=\"warning\""#),
        "{answer}"
    );

    // A change to the config applies from the next check on.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "[rules]\ndate-weekday = \"info\"\n# changed\n",
    )
    .unwrap();
    let (status, answer) = post(
        port,
        &format!("127.0.0.1:{port}"),
        JSON,
        &article_request(WRONG_DAY),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(
        !answer.contains("date-weekday"),
        "an info, not shown: {answer}"
    );
    assert!(answer.contains("No findings in this article"), "{answer}");
}

#[test]
fn paste_an_article_and_see_the_finding() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut server = Served::start(dir.path());
    browser.open(&server.url());
    browser.wait_for("window.factlint", "the page's script");
    browser.eval("document.getElementById('fl-article').focus()");
    browser.insert_text(WRONG_DAY);
    browser.wait_for(
        "document.querySelector('#fl-result mark.f')",
        "the finding to be marked",
    );
    let mark = browser.eval(
        "(() => { const m = document.querySelector('#fl-result mark.f');
                  return { text: m.textContent, title: m.title,
                           status: document.getElementById('fl-status').textContent }; })()",
    );
    assert_eq!(mark["text"], json!("Tuesday"), "{mark}");
    assert!(
        mark["title"]
            .as_str()
            .unwrap()
            .contains("Nov. 28 was a Monday, not a Tuesday"),
        "{mark}"
    );
    assert_eq!(mark["status"], json!("Checked: 1 error, 0 warnings."));

    // Hover shows the explanation, as in the report.
    browser.hover("#fl-result mark.f");
    browser.wait_for("!document.getElementById('fl-pop').hidden", "the popup");

    // Typing the fix clears the finding.
    browser.eval(
        "(() => { const t = document.getElementById('fl-article'); t.focus();
                  const at = t.value.indexOf('Tuesday'); t.setSelectionRange(at, at + 7); })()",
    );
    browser.insert_text("Monday");
    browser.wait_for(
        "!document.querySelector('#fl-result mark.f') && document.querySelector('#fl-result article')",
        "the finding to go",
    );
    // Opening a file shows its view, under its name.
    let file = dir.path().join("opened.md");
    std::fs::write(&file, WRONG_DAY.replace("Tuesday", "Friday")).unwrap();
    let document = browser.call("DOM.getDocument", json!({}));
    let input = browser.call(
        "DOM.querySelector",
        json!({"nodeId": document["root"]["nodeId"], "selector": "#fl-open"}),
    );
    browser.call(
        "DOM.setFileInputFiles",
        json!({"nodeId": input["nodeId"], "files": [file.display().to_string()]}),
    );
    browser.wait_for(
        "document.querySelector('#fl-result h2.path').textContent === 'opened.md' \
         && document.querySelector('#fl-result mark.f')",
        "the opened file's finding",
    );
    assert_eq!(
        browser.eval("document.querySelector('#fl-result mark.f').textContent"),
        json!("Friday")
    );
    let png = browser.screenshot();
    std::fs::write(cdp::artifacts().join("serve.png"), png).unwrap();

    server.signal("TERM");
    let (status, err) = server.wait_exit();
    assert!(status.success(), "{status}: {err}");
}

#[test]
fn a_port_in_use_is_trouble_with_a_hint() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["serve", "--port", &port])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(err.contains("--port"), "{err}");
}
