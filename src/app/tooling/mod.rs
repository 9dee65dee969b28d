//! The machinery every tool shares: typed arguments, schemas, errors, rendering.

mod arguments;
mod schema;
mod structured_tool;
mod tool_error;
pub mod validate;

pub use arguments::parse_arguments;
pub use schema::{input_schema, output_schema};
pub use structured_tool::{ToolInfo, structured_tool};
pub use tool_error::ToolError;
