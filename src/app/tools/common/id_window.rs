//! The window of a list Backlog pages by id (an issue's comments, activities):
//! `minId`, `maxId`, `count` (1–100, default 20) and `order` (newest first
//! unless asked), read the same way wherever a tool takes them.

use super::paging::Order;
use crate::app::tooling::ToolError;
use crate::app::tooling::validate::page_size;
use crate::domain::ids::InvalidId;
use crate::domain::issue_filter::{PageSize, SortOrder};

pub struct IdWindow<I> {
    pub min_id: Option<I>,
    pub max_id: Option<I>,
    pub count: PageSize,
    pub order: SortOrder,
}

impl<I> IdWindow<I> {
    /// The window, each bound a positive id made by `make`; a wrong value is
    /// named by its parameter (minId, then maxId, then count).
    pub fn new(
        min_id: Option<i64>,
        max_id: Option<i64>,
        count: Option<i64>,
        order: Option<Order>,
        make: fn(i64) -> Result<I, InvalidId>,
    ) -> Result<Self, ToolError> {
        let id = |name: &str, value: Option<i64>| {
            value
                .map(|v| make(v).map_err(|e| ToolError::argument(name, e)))
                .transpose()
        };
        Ok(Self {
            min_id: id("minId", min_id)?,
            max_id: id("maxId", max_id)?,
            count: page_size("count", count, 20)?,
            order: order.map_or(SortOrder::Desc, Order::into_sort_order),
        })
    }
}
