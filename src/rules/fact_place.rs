//! `fact-place` (FL701).

use super::RuleContext;
use crate::diagnostic::Diagnostic;

pub fn check(_cx: &RuleContext, _out: &mut Vec<Diagnostic>) {}
