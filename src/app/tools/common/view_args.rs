//! `fields` and `timezone`, declared once for the tools that list views with
//! times: a tool takes them last, with `#[serde(flatten)] view: ViewArgs`, so
//! its parameters keep their order.

use super::fields_args::FieldsArgs;
use super::timezone_arg::TimezoneArg;
use crate::app::context::AppContext;
use crate::app::tooling::{FieldSelection, FieldView, ToolError};
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ViewArgs {
    #[serde(flatten)]
    pub fields: FieldsArgs,
    #[serde(flatten)]
    pub timezone: TimezoneArg,
}

impl ViewArgs {
    /// The zone times are shown in, then the fields of `V` to answer with
    /// (a wrong zone is named before a wrong field).
    pub fn choose<V: FieldView>(
        &self,
        app: &AppContext,
    ) -> Result<(DisplayZone, FieldSelection), ToolError> {
        let zone = app.zone(self.timezone.zone())?;
        let fields = self.fields.choose::<V>()?;
        Ok((zone, fields))
    }
}
