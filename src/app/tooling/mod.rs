//! The machinery every tool shares: typed arguments, schemas, validation,
//! names for ids, field selection, the token budget, errors, rendering.

pub mod annotations;
mod answer_shape;
mod arguments;
mod backlog_wording;
mod budget_fit;
mod fields;
mod id_or_name;
mod item_details;
mod list_cuts;
mod long_texts;
mod nullable;
mod schema;
mod structured_tool;
mod token_budget;
mod tool_error;
mod toolset;
pub mod validate;

pub use arguments::{KnownParameters, parse_arguments};
pub use backlog_wording::{MAX_ATTACHMENT_BYTES, worded};
pub use fields::{FieldSelection, FieldView, Projected};
pub use id_or_name::{IdOrName, listed};
pub use nullable::nullable;
pub use schema::{input_schema, output_schema};
pub use structured_tool::{AppTool, ToolInfo, ToolKit};
pub use token_budget::{
    ListSpec, MIN_MAX_TOKENS, Paging, Truncation, char_fifths, estimate_tokens,
};
pub use tool_error::ToolError;
pub use toolset::Toolset;
