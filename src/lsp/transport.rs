//! LSP messages over standard input and output. lsp-server's own stdio transport stops reading
//! at the first malformed message; this one answers it with a JSON-RPC error and reads on, and
//! never allocates more than [`MAX_MESSAGE_BYTES`] for one message.

use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{unbounded, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, RequestId, Response};
use serde_json::{json, Value};

/// Larger messages are skipped unread (and answered with an error).
pub const MAX_MESSAGE_BYTES: usize = 64 << 20;

/// Longer header lines are malformed.
const MAX_HEADER_LINE: usize = 8 << 10;

/// The threads that move messages between the channels and stdio.
pub struct IoThreads {
    writer: JoinHandle<()>,
}

impl IoThreads {
    /// Wait until every message sent has been written. The reader is not waited for: it may
    /// be blocked on a client that never closes its end.
    pub fn join(self) {
        let _ = self.writer.join();
    }
}

/// A connection over stdin and stdout.
pub fn stdio() -> (Connection, IoThreads) {
    let (to_server, from_client) = unbounded::<Message>();
    let (to_client, from_server) = unbounded::<Message>();
    thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || read_loop(&mut io::stdin().lock(), &to_server))
        .expect("the reader thread starts");
    let writer = thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || write_loop(&from_server))
        .expect("the writer thread starts");
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, IoThreads { writer })
}

fn write_loop(messages: &Receiver<Message>) {
    for message in messages {
        if message.write(&mut io::stdout().lock()).is_err() {
            return;
        }
    }
}

/// Read messages until end of input, an `exit` notification, or the server hangs up.
/// Malformed messages are answered directly on stdout.
pub fn read_loop(input: &mut impl BufRead, server: &Sender<Message>) {
    loop {
        let reply = match read_frame(input) {
            Ok(Frame::End) | Err(_) => return,
            Ok(Frame::Malformed(reason)) => error_reply(None, ErrorCode::ParseError, &reason),
            Ok(Frame::Payload(payload)) => match parse(&payload) {
                Ok(message) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                    if server.send(message).is_err() || exit {
                        return;
                    }
                    continue;
                }
                Err(reply) => reply,
            },
        };
        if write_raw(&mut io::stdout().lock(), &reply).is_err() {
            return;
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Payload(Vec<u8>),
    /// Why the frame could not be read; the input is positioned after it.
    Malformed(String),
    End,
}

/// One `Content-Length`-framed message. Header lines may end with `\r\n` or `\n`.
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<Result<usize, String>> = None;
    let mut saw_header = false;
    loop {
        let Some(line) = read_header_line(input)? else {
            return Ok(Frame::End);
        };
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("Content-Length") {
                length = Some(
                    value
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad Content-Length `{}`", value.trim())),
                );
            }
        }
    }
    let length = match length {
        None => return Ok(Frame::Malformed("no Content-Length header".into())),
        Some(Err(reason)) => return Ok(Frame::Malformed(reason)),
        Some(Ok(length)) => length,
    };
    if length > MAX_MESSAGE_BYTES {
        let skipped = io::copy(&mut input.take(length as u64), &mut io::sink())?;
        if skipped < length as u64 {
            return Ok(Frame::End);
        }
        return Ok(Frame::Malformed(format!(
            "message of {length} bytes is over the limit of {MAX_MESSAGE_BYTES}"
        )));
    }
    let mut payload = Vec::with_capacity(length);
    input.take(length as u64).read_to_end(&mut payload)?;
    if payload.len() < length {
        return Ok(Frame::End);
    }
    Ok(Frame::Payload(payload))
}

/// A header line, at most [`MAX_HEADER_LINE`] bytes of it kept (the rest is skipped).
fn read_header_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let read = input
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') && line.len() == MAX_HEADER_LINE {
        // Skip the rest of an overlong line.
        loop {
            let buffer = input.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => {
                    input.consume(at + 1);
                    break;
                }
                None => {
                    let all = buffer.len();
                    input.consume(all);
                }
            }
        }
        line.push(b'\n');
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

/// A JSON-RPC message, or the error reply a malformed one deserves. What a message is follows
/// from its members: a `method` makes a request (with an `id`) or a notification, a `result`
/// or an `error` makes a response.
pub fn parse(payload: &[u8]) -> Result<Message, Value> {
    let value: Value = serde_json::from_slice(payload)
        .map_err(|error| error_reply(None, ErrorCode::ParseError, &error.to_string()))?;
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<RequestId>(id.clone()).ok());
    let has = |member: &str| value.get(member).is_some();
    let parsed = if has("method") && has("id") {
        serde_json::from_value(value).map(Message::Request)
    } else if has("method") {
        serde_json::from_value(value).map(Message::Notification)
    } else if has("result") || has("error") {
        serde_json::from_value(value).map(Message::Response)
    } else {
        return Err(error_reply(
            id,
            ErrorCode::InvalidRequest,
            "not a JSON-RPC request, notification or response",
        ));
    };
    parsed.map_err(|error| {
        error_reply(
            id,
            ErrorCode::InvalidRequest,
            &format!("malformed JSON-RPC message: {error}"),
        )
    })
}

/// An error response; `id` is null when the request's id could not be read.
fn error_reply(id: Option<RequestId>, code: ErrorCode, message: &str) -> Value {
    match id {
        Some(id) => serde_json::to_value(Response::new_err(id, code as i32, message.to_string()))
            .map(|mut response| {
                response["jsonrpc"] = json!("2.0");
                response
            })
            .unwrap_or(Value::Null),
        None => json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": {"code": code as i32, "message": message},
        }),
    }
}

fn write_raw(out: &mut impl Write, value: &Value) -> io::Result<()> {
    let text = value.to_string();
    write!(out, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Frame> {
        let mut reader = io::BufReader::new(input.as_bytes());
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader).unwrap() {
                Frame::End => return out,
                frame => out.push(frame),
            }
        }
    }

    #[test]
    fn frames_are_read_after_malformed_ones() {
        let input = "Content-Length: 2\r\n\r\n{}X-Junk\r\n\r\nContent-Length: nope\r\n\r\nContent-Length: 4\n\nnull";
        assert_eq!(
            frames(input),
            vec![
                Frame::Payload(b"{}".to_vec()),
                Frame::Malformed("no Content-Length header".into()),
                Frame::Malformed("bad Content-Length `nope`".into()),
                Frame::Payload(b"null".to_vec()),
            ]
        );
    }

    #[test]
    fn oversized_messages_are_skipped_unread() {
        let big = MAX_MESSAGE_BYTES + 1;
        let input = format!("Content-Length: {big}\r\n\r\n{}", " ".repeat(big))
            + "Content-Length: 2\r\n\r\n{}";
        let found = frames(&input);
        assert!(matches!(&found[0], Frame::Malformed(reason) if reason.contains("over the limit")));
        assert_eq!(found[1..], [Frame::Payload(b"{}".to_vec())]);
        // Cut short inside a message: the input has ended.
        assert_eq!(frames(&format!("Content-Length: {big}\r\n\r\nabc")), []);
    }

    #[test]
    fn overlong_header_lines_are_skipped() {
        let input = format!(
            "X-Long: {}\r\nContent-Length: 2\r\n\r\n{{}}",
            "a".repeat(MAX_HEADER_LINE * 3)
        );
        assert_eq!(frames(&input), vec![Frame::Payload(b"{}".to_vec())]);
    }

    #[test]
    fn malformed_payloads_get_error_replies() {
        let reply = parse(b"{not json").unwrap_err();
        assert_eq!(reply["error"]["code"], -32700);
        assert_eq!(reply["id"], Value::Null);
        let reply = parse(br#"{"jsonrpc":"2.0","id":7,"method":3}"#).unwrap_err();
        assert_eq!(reply["error"]["code"], -32600);
        assert_eq!(reply["id"], 7);
        assert_eq!(reply["jsonrpc"], "2.0");
        assert_eq!(parse(b"[]").unwrap_err()["error"]["code"], -32600);
        assert!(matches!(
            parse(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            Ok(Message::Request(_))
        ));
        assert!(matches!(
            parse(br#"{"jsonrpc":"2.0","method":"exit"}"#),
            Ok(Message::Notification(_))
        ));
        assert!(matches!(
            parse(br#"{"jsonrpc":"2.0","id":"w","result":null}"#),
            Ok(Message::Response(_))
        ));
    }
}
