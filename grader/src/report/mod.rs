//! The report formats. Each reads a finished [`crate::verdict::Grade`] and writes it out; none
//! of them grades anything.

pub mod classroom;
pub mod classroom50;
pub mod human;
pub mod json;
