//! `unused-suppression`: reported by the suppression pass (the `suppress` module), which runs
//! after every rule, so this detector has nothing to look at by itself.

use super::RuleContext;
use crate::claims::NoClaims;
use crate::diagnostic::Diagnostic;

pub fn check(_cx: &RuleContext<NoClaims>, _out: &mut Vec<Diagnostic>) {}
