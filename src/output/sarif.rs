//! `--format sarif`: SARIF 2.1.0.

use super::RunReport;

pub fn render(_report: &RunReport) -> String {
    String::new()
}
